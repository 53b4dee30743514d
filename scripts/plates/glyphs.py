"""Renders every plate character from Debian's fonts into a glyph atlas (glyphs.npz).

The GPU machine that trains has no fonts, so the renderer works from these bitmaps only.
Plate characters are drawn in several faces (Noto Sans/Serif CJK, DejaVu) so the model does not
learn one typeface; the renderer squeezes each glyph into its plate cell.
"""

import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from charset import CHARSET, DIGITS, LETTERS

NOTO = "/usr/share/fonts/opentype/noto/"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
# (file, face index in the collection: 2 = the SC face of Noto CJK .ttc files)
CJK_FACES = [(NOTO + "NotoSansCJK-Bold.ttc", 2), (NOTO + "NotoSansCJK-Regular.ttc", 2), (NOTO + "NotoSerifCJK-Bold.ttc", 2)]
LATIN_FACES = CJK_FACES[:2] + [(DEJAVU + "DejaVuSans-Bold.ttf", 0), (DEJAVU + "DejaVuSansCondensed-Bold.ttf", 0), (DEJAVU + "DejaVuSansMono-Bold.ttf", 0)]
SIZE = 96


def render(char: str, path: str, index: int) -> np.ndarray:
    font = ImageFont.truetype(path, SIZE, index=index)
    img = Image.new("L", (SIZE * 2, SIZE * 2), 0)
    ImageDraw.Draw(img).text((SIZE // 2, SIZE // 4), char, fill=255, font=font)
    arr = np.asarray(img)
    ys, xs = np.nonzero(arr > 40)
    return arr[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def main(out: str) -> None:
    glyphs = {}
    for char in CHARSET:
        faces = LATIN_FACES if char in LETTERS or char in DIGITS else CJK_FACES
        for k, (path, index) in enumerate(faces):
            glyphs[f"{char}_{k}"] = render(char, path, index)
    np.savez_compressed(out, **glyphs)
    print(f"{len(glyphs)} glyphs -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "glyphs.npz")
