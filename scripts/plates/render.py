"""Synthetic Chinese licence plates, drawn from the glyph atlas (glyphs.npz) with PIL and numpy.

Geometry follows GA 36-2018 in millimetres (1 px = 1 mm before degradation): a single-row plate is
440x140 with seven 45x90 characters, a new-energy plate 480x140 with eight 43x90 characters, a
double-row plate 440x220 with a short top row (province, letter) and a tall bottom row. Every
province is drawn equally often. The sample is what the recogniser receives: a rectified plate
crop (loose or tight, slightly off its corners) resized to INPUT_W x INPUT_H; a double-row plate
arrives as its top row and bottom row resized to one height and placed side by side.
"""

import io
import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from charset import DIGITS, LETTERS, PROVINCES

INPUT_H, INPUT_W = 48, 192

BLUE, YELLOW, WHITE, BLACK = (0, 72, 190), (246, 192, 16), (236, 238, 236), (14, 14, 16)
INK_LIGHT, INK_DARK, RED = (244, 244, 244), (18, 18, 18), (206, 24, 28)
GREEN_LIGHT, GREEN = (226, 250, 232), (64, 196, 120)

# kind -> (weight, plate_type as the API names it)
KINDS = {
    "blue": (0.26, "蓝牌"),
    "yellow": (0.08, "黄牌"),
    "yellow_double": (0.09, "黄牌"),
    "coach": (0.05, "黄牌"),
    "trailer": (0.05, "黄牌"),
    "green": (0.12, "绿牌"),
    "green_large": (0.06, "黄绿牌"),
    "police": (0.07, "白牌"),
    "armed_police": (0.04, "白牌"),
    "hk_macao": (0.06, "黑牌"),
    "embassy": (0.05, "黑牌"),
    "consulate": (0.07, "黑牌"),
}
BODY = LETTERS + DIGITS


class Glyphs:
    def __init__(self, path: str):
        data = np.load(path)
        self.faces: dict[str, list[np.ndarray]] = {}
        for key in data.files:
            char, _, face = key.rpartition("_")
            self.faces.setdefault(char, []).append(data[key])

    def pick(self, char: str, face: int) -> np.ndarray:
        options = self.faces[char]
        return options[face % len(options)]


def body(rng: random.Random, n: int, letter_p: float = 0.2) -> str:
    """Serial characters: digits with an occasional letter (never I or O)."""
    return "".join(rng.choice(LETTERS) if rng.random() < letter_p else rng.choice(DIGITS) for _ in range(n))


def plate_text(kind: str, rng: random.Random) -> str:
    p, l = rng.choice(PROVINCES), rng.choice(LETTERS)
    if kind in ("blue", "yellow", "yellow_double"):
        return p + l + body(rng, 5, 0.25)
    if kind == "coach":
        return p + l + body(rng, 4, 0.1) + "学"
    if kind == "trailer":
        return p + l + body(rng, 4, 0.1) + "挂"
    if kind == "green":
        return p + l + rng.choice("DFDFDFABCEGHJK") + rng.choice(BODY) + body(rng, 4, 0.0)
    if kind == "green_large":
        return p + l + body(rng, 5, 0.0) + rng.choice("DF")
    if kind == "police":
        return p + l + body(rng, 4, 0.05) + "警"
    if kind == "armed_police":
        return "WJ" + p + body(rng, 4, 0.0) + rng.choice(DIGITS + "BDHJKTXZ")
    if kind == "hk_macao":
        return "粤Z" + body(rng, 4, 0.3) + rng.choice("港澳")
    if kind == "embassy":
        return "使" + body(rng, 6, 0.0)
    if kind == "consulate":
        return p + rng.choice("ABCDEF") + body(rng, 4, 0.0) + "领"
    raise ValueError(kind)


def layout(kind: str, text: str) -> tuple[int, int, list[tuple[float, float, float, float]], list[tuple[float, float]]]:
    """Plate size, one (x, y, w, h) cell per character, and separator dots (mm)."""
    if kind in ("yellow_double", "trailer"):
        top = [(110.0, 15.0, 80.0, 60.0), (250.0, 15.0, 80.0, 60.0)]
        bottom = [(27.5 + i * 80.0, 95.0, 65.0, 110.0) for i in range(5)]
        return 440, 220, top + bottom, [(220.0, 45.0)]
    if len(text) == 8:
        xs = [15.5, 67.5] + [161.5 + i * 52.0 for i in range(6)]
        return 480, 140, [(x, 25.0, 43.0, 90.0) for x in xs], [(136.0, 70.0)]
    xs = [15.5, 72.5] + [151.5 + i * 57.0 for i in range(5)]
    return 440, 140, [(x, 25.0, 45.0, 90.0) for x in xs], [(134.5, 70.0)]


def colours(kind: str, text: str, rng: random.Random) -> tuple[object, list[tuple[int, int, int]]]:
    """Background (a colour or a function drawing it) and one ink colour per character."""
    n = len(text)
    if kind == "blue":
        return BLUE, [INK_LIGHT] * n
    if kind in ("yellow", "yellow_double", "coach", "trailer"):
        return YELLOW, [INK_DARK] * n
    if kind == "green":
        return "gradient", [INK_DARK] * n
    if kind == "green_large":
        return "yellow_green", [INK_DARK] * n
    if kind == "police":
        return WHITE, [INK_DARK] * (n - 1) + [RED]
    if kind == "armed_police":
        return WHITE, [RED, RED] + [INK_DARK] * (n - 2)
    if kind == "embassy":
        return BLACK, [RED] + [INK_LIGHT] * (n - 1)
    if kind == "consulate":
        return BLACK, [INK_LIGHT] * (n - 1) + [rng.choice([RED, INK_LIGHT])]
    return BLACK, [INK_LIGHT] * n


def jitter_colour(c, rng: random.Random, amount: int = 28):
    return tuple(int(min(255, max(0, v + rng.randint(-amount, amount)))) for v in c)


def draw_plate(kind: str, text: str, glyphs: Glyphs, rng: random.Random) -> tuple[Image.Image, list]:
    w, h, cells, dots = layout(kind, text)
    bg, inks = colours(kind, text, rng)
    arr = np.zeros((h, w, 3), np.float32)
    if bg == "gradient":
        t = np.linspace(0, 1, h)[:, None, None]
        if rng.random() < 0.5:
            t = 1 - t
        arr[:] = np.array(GREEN_LIGHT) * (1 - t) + np.array(jitter_colour(GREEN, rng)) * t
    elif bg == "yellow_green":
        split = int(w * rng.uniform(0.22, 0.3))
        arr[:, :split] = jitter_colour((200, 220, 40), rng)
        arr[:, split:] = jitter_colour(GREEN, rng)
    else:
        arr[:] = jitter_colour(bg, rng)
    ink_main = inks[len(inks) // 2]
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(img)
    inset = rng.uniform(3, 7)
    d.rounded_rectangle((inset, inset, w - inset, h - inset), radius=12, outline=jitter_colour(ink_main, rng, 10), width=rng.randint(2, 4))
    for x, y in dots:
        r = rng.uniform(4, 6)
        d.ellipse((x - r, y - r, x + r, y + r), fill=ink_main)
    if rng.random() < 0.5 and h == 140:  # rivets
        for x in (w * 0.25, w * 0.75):
            d.ellipse((x - 5, 8, x + 5, 18), fill=(190, 190, 190))
    face_cjk, face_latin = rng.randrange(3), rng.randrange(5)
    bold = rng.choice([0, 0, 1, -1])
    ink_layer = np.zeros((h, w), np.float32)
    ink_rgb = np.zeros((h, w, 3), np.float32)
    for ch, (x, y, cw, chh), ink in zip(text, cells, inks):
        g = glyphs.pick(ch, face_latin if ch in BODY else face_cjk)
        gh, gw = g.shape
        tw = min(cw, gw * chh / gh) * rng.uniform(0.92, 1.0)
        th = chh * rng.uniform(0.94, 1.0)
        gi = Image.fromarray(g).resize((max(2, round(tw)), max(2, round(th))), Image.BILINEAR)
        if bold > 0:
            gi = gi.filter(ImageFilter.MaxFilter(3))
        elif bold < 0:
            gi = gi.filter(ImageFilter.MinFilter(3))
        m = np.asarray(gi, np.float32) / 255
        ox = int(round(x + (cw - tw) / 2 + rng.uniform(-1.5, 1.5)))
        oy = int(round(y + (chh - th) / 2 + rng.uniform(-1.5, 1.5)))
        mh, mw = m.shape
        region = ink_layer[oy : oy + mh, ox : ox + mw]
        region[:] = np.maximum(region, m[: region.shape[0], : region.shape[1]])
        ink_rgb[oy : oy + mh, ox : ox + mw] = jitter_colour(ink, rng, 12)
    base = np.asarray(img, np.float32)
    out = base * (1 - ink_layer[..., None]) + ink_rgb * ink_layer[..., None]
    return Image.fromarray(out.clip(0, 255).astype(np.uint8)), cells


def wear(img: Image.Image, rng: random.Random) -> Image.Image:
    """Faded paint, dirt and scratches on the plate itself."""
    arr = np.asarray(img, np.float32)
    h, w = arr.shape[:2]
    if rng.random() < 0.35:  # faded / peeled patches, toward a dull grey
        small = np.random.default_rng(rng.randrange(1 << 30)).random((max(2, h // 20), max(2, w // 20)))
        mask = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC), np.float32) / 255
        mask = np.clip((mask - rng.uniform(0.45, 0.75)) * 3, 0, 1) * rng.uniform(0.3, 0.8)
        grey = arr.mean(axis=2, keepdims=True) * 0.5 + 80
        arr = arr * (1 - mask[..., None]) + grey * mask[..., None]
    if rng.random() < 0.3:  # dirt blotches
        layer = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(layer)
        for _ in range(rng.randint(1, 6)):
            x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(5, 30)
            d.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6), fill=rng.randint(60, 200))
        m = np.asarray(layer.filter(ImageFilter.GaussianBlur(6)), np.float32)[..., None] / 255
        arr = arr * (1 - m) + np.array((70, 60, 45), np.float32) * m
    if rng.random() < 0.2:  # scratches
        layer = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
        d = ImageDraw.Draw(layer)
        for _ in range(rng.randint(1, 4)):
            d.line((rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, w), rng.uniform(0, h)), fill=jitter_colour((160, 160, 160), rng, 60), width=rng.randint(1, 3))
        return layer
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """PIL's PERSPECTIVE data mapping output points `dst` to input points `src`."""
    rows = []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    return np.linalg.solve(np.array(rows, np.float64), np.array(src, np.float64).reshape(8)).tolist()


def crop_plate(plate: Image.Image, rng: random.Random, out_w: int, out_h: int) -> tuple[Image.Image, tuple[float, float]]:
    """The plate as a detector plus rectification would hand it over: loose or tight, corners a
    little off, background around it. Returns the crop and its vertical mapping (scale, offset)."""
    w, h = plate.size
    pad = int(0.15 * w)  # enough for the loosest crop below
    cw, ch = w + 2 * pad, h + 2 * pad
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    small = nrng.standard_normal((ch // 4 + 1, cw // 4 + 1, 3), dtype=np.float32) * rng.uniform(2, 25)
    scene = np.array([rng.randint(0, 255) for _ in range(3)], np.float32) + small
    canvas = Image.fromarray(scene.clip(0, 255).astype(np.uint8)).resize((cw, ch), Image.NEAREST)
    canvas.paste(plate, (pad, pad))
    mx, my = rng.uniform(-0.03, 0.1) * w, rng.uniform(-0.06, 0.25) * h  # tight to loose
    j = 0.025 * w
    src = [
        (pad - mx + rng.uniform(-j, j), pad - my + rng.uniform(-j, j)),
        (pad + w + mx + rng.uniform(-j, j), pad - my + rng.uniform(-j, j)),
        (pad + w + mx + rng.uniform(-j, j), pad + h + my + rng.uniform(-j, j)),
        (pad - mx + rng.uniform(-j, j), pad + h + my + rng.uniform(-j, j)),
    ]
    dst = [(0, 0), (out_w, 0), (out_w, out_h), (0, out_h)]
    img = canvas.transform((out_w, out_h), Image.PERSPECTIVE, perspective_coeffs(dst, src), Image.BILINEAR)
    top = (src[0][1] + src[1][1]) / 2 - pad
    bottom = (src[2][1] + src[3][1]) / 2 - pad
    return img, (out_h / (bottom - top), -top * out_h / (bottom - top))


def degrade(img: Image.Image, rng: random.Random) -> Image.Image:
    """Camera and street: blur, motion, glare, shadow, night noise or over-exposure, JPEG."""
    w, h = img.size
    arr = np.asarray(img, np.float32)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    if rng.random() < 0.25:  # glare
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.2, 0.8) * w
        yy, xx = np.mgrid[0:h, 0:w]
        g = np.clip(1 - np.hypot(xx - cx, (yy - cy) * 2) / r, 0, 1)[..., None] * rng.uniform(0.4, 0.95)
        arr = arr * (1 - g) + 255 * g
    if rng.random() < 0.2:  # shadow edge across the plate
        yy, xx = np.mgrid[0:h, 0:w]
        a = rng.uniform(0, math.pi)
        side = (xx - rng.uniform(0, w)) * math.cos(a) + (yy - rng.uniform(0, h)) * math.sin(a) > 0
        arr = arr * np.where(side, rng.uniform(0.35, 0.7), 1.0)[..., None]
    arr = arr * rng.uniform(0.7, 1.25) + rng.uniform(-30, 30)  # exposure
    arr = arr * np.array([rng.uniform(0.85, 1.15) for _ in range(3)], np.float32)  # white balance
    r = rng.random()
    if r < 0.15:  # night: dark, noisy, sometimes a colour cast
        arr = arr * rng.uniform(0.15, 0.5) + nrng.standard_normal(arr.shape, dtype=np.float32) * rng.uniform(4, 18)
    elif r < 0.25:  # headlights / flash: over-exposed
        arr = arr * rng.uniform(1.4, 2.4)
    elif rng.random() < 0.5:
        arr = arr + nrng.standard_normal(arr.shape, dtype=np.float32) * rng.uniform(1, 8)
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if rng.random() < 0.4:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.6) * h / 40))
    if rng.random() < 0.15:  # horizontal motion
        k = rng.choice([3, 5])
        img = img.filter(ImageFilter.Kernel((k, k), [1 / k if i // k == k // 2 else 0 for i in range(k * k)], 1))
    if rng.random() < 0.7:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(12, 90))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return img


def side_by_side(img: Image.Image, split: int) -> Image.Image:
    """A double-row plate as the recogniser receives it: top row left of the bottom row, one height."""
    w, h = img.size
    top, bottom = img.crop((0, 0, w, split)), img.crop((0, split, w, h))
    row_h = bottom.size[1]
    top = top.resize((max(1, round(w * row_h / max(1, split))), row_h), Image.BILINEAR)
    out = Image.new("RGB", (top.size[0] + w, row_h))
    out.paste(top, (0, 0))
    out.paste(bottom, (top.size[0], 0))
    return out


def pick_kind(rng: random.Random) -> str:
    return rng.choices(list(KINDS), weights=[v[0] for v in KINDS.values()])[0]


def render_sample(glyphs: Glyphs, rng: random.Random, kind: str | None = None, resize: bool = True) -> tuple[np.ndarray, str, str]:
    """One training sample: (uint8 INPUT_H x INPUT_W x 3, text, kind); `resize=False` keeps the
    crop's own size (test fixtures: the runtime resizes)."""
    kind = kind or pick_kind(rng)
    text = plate_text(kind, rng)
    plate, _cells = draw_plate(kind, text, glyphs, rng)
    plate = wear(plate, rng)
    pw, ph = plate.size
    # resolution the camera gave the plate: 40 px (far away) to 260 px wide
    out_w = int(rng.uniform(40, 260) if rng.random() < 0.7 else rng.uniform(70, 160))
    out_h = max(10, round(out_w * ph / pw * rng.uniform(0.85, 1.2)))
    img, (sy, oy) = crop_plate(plate, rng, out_w, out_h)
    img = degrade(img, rng)
    if ph == 220:  # double row: split where a detector would, around the gap between the rows
        split = int(round((85 + rng.uniform(-10, 10)) * sy + oy))
        img = side_by_side(img, min(max(split, 3), img.size[1] - 3))
    if resize:
        img = img.resize((INPUT_W, INPUT_H), Image.BILINEAR)
    return np.asarray(img, np.uint8), text, kind


def augment_real(img: Image.Image, rng: random.Random) -> np.ndarray:
    """A real tight crop, moved around a little like the synthetic ones, then degraded."""
    w, h = img.size
    j = 0.04
    src = [(rng.uniform(-j, j) * w, rng.uniform(-j, j) * h), (w + rng.uniform(-j, j) * w, rng.uniform(-j, j) * h),
           (w + rng.uniform(-j, j) * w, h + rng.uniform(-j, j) * h), (rng.uniform(-j, j) * w, h + rng.uniform(-j, j) * h)]
    dst = [(0, 0), (w, 0), (w, h), (0, h)]
    img = img.transform((w, h), Image.PERSPECTIVE, perspective_coeffs(dst, src), Image.BILINEAR)
    if rng.random() < 0.5:
        img = degrade(img, rng)
    return np.asarray(img.resize((INPUT_W, INPUT_H), Image.BILINEAR), np.uint8)
