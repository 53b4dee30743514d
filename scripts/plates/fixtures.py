"""Test fixtures for lib/readers/plate/recognizer: held-out synthetic plates of every kind (seeds
beyond training's test and calibration ranges), at the size the camera gave them, plus real
validation crops c600-c639 (never trained on).

  python3 fixtures.py glyphs.npz ../../../shared/plates/ccpd-crops ../../tests/fixtures/plates
"""

import json
import os
import random
import shutil
import sys

from PIL import Image

import render

PER_KIND, SEED = 3, 3_000_000_000


def main(glyphs_path: str, real_dir: str, out: str) -> None:
    os.makedirs(out, exist_ok=True)
    glyphs = render.Glyphs(glyphs_path)
    labels = {}
    for k, kind in enumerate(render.KINDS):
        for i in range(PER_KIND):
            arr, text, _ = render.render_sample(glyphs, random.Random(SEED + k * 100 + i), kind, resize=False)
            name = f"synthetic-{kind}-{i}.png"
            Image.fromarray(arr).save(os.path.join(out, name), optimize=True)
            labels[name] = {"text": text, "kind": kind}
    real = json.load(open(os.path.join(real_dir, "labels.json"), encoding="utf-8"))["images"]
    for n in range(600, 640):
        name = f"c{n:03d}.jpg"
        shutil.copyfile(os.path.join(real_dir, name), os.path.join(out, f"ccpd-{name}"))
        labels[f"ccpd-{name}"] = {"text": real[name]["platelicense"], "kind": "ccpd"}
    with open(os.path.join(out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1)
    print(f"{len(labels)} fixtures -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
