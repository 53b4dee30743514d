"""Trains the plate recogniser on synthetic plates (render.py) plus the real CCPD crops outside
the validation range, exports it to ONNX with its json, and measures it.

  python3 train.py --out DIR [--minutes 6] [--workers 15] [--real-dir ../shared/plates/ccpd-crops]

Training is bounded by wall-clock time (the learning rate follows the elapsed fraction), so the
same command fits a CPU smoke run and a GPU run. Real crops c600-c749 are never trained on: they
are the validation set, with a held-out synthetic set (fixed seeds) per kind and per province.
"""

import argparse
import collections
import json
import math
import os
import random
import time
from multiprocessing import Pool

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

import metrics
import render
from charset import CHARSET, INDEX, PROVINCES
from model import NUM_CLASSES, Exported, PlateCRNN

VALIDATION = {f"c{i:03d}.jpg" for i in range(600, 750)}
TEST_SEED, CALIB_SEED = 1_000_000_000, 2_000_000_000


def load_real(real_dir: str) -> tuple[list, list]:
    """(train, validation) lists of (PIL image, text)."""
    labels = json.load(open(os.path.join(real_dir, "labels.json"), encoding="utf-8"))["images"]
    train, val = [], []
    for name, entry in sorted(labels.items()):
        img = Image.open(os.path.join(real_dir, name)).convert("RGB")
        (val if name in VALIDATION else train).append((img, entry["platelicense"]))
    return train, val


_state: dict = {}


def _init_worker(glyphs_path: str, real: list) -> None:
    _state["glyphs"], _state["real"] = render.Glyphs(glyphs_path), real


def _render_batch(seed: int, size: int, real_share: float) -> tuple[np.ndarray, list[str]]:
    """One training batch; a share of it is augmented real crops."""
    rng = random.Random(seed)
    images, texts = [], []
    for _ in range(size):
        if _state["real"] and rng.random() < real_share:
            img, text = rng.choice(_state["real"])
            images.append(render.augment_real(img, rng))
        else:
            arr, text, _ = render.render_sample(_state["glyphs"], rng)
            images.append(arr)
        texts.append(text)
    return np.stack(images), texts


def _render_fixed(args: tuple[int, str | None]) -> tuple[np.ndarray, str, str]:
    seed, kind = args
    return render.render_sample(_state["glyphs"], random.Random(seed), kind)


def batches(pool: Pool, size: int, real_share: float, ahead: int):
    """Endless batches from the pool, `ahead` in flight. Results come back through pipes, not
    shared memory, so a small /dev/shm cannot stall training."""
    base = random.randrange(1 << 40)
    pending = collections.deque(pool.apply_async(_render_batch, (base + i, size, real_share)) for i in range(ahead))
    i = ahead
    while True:
        images, texts = pending.popleft().get()
        pending.append(pool.apply_async(_render_batch, (base + i, size, real_share)))
        i += 1
        targets = torch.tensor([INDEX[c] for t in texts for c in t], dtype=torch.long)
        lengths = torch.tensor([len(t) for t in texts], dtype=torch.long)
        yield torch.from_numpy(images), targets, lengths


def to_input(images: torch.Tensor, device: str) -> torch.Tensor:
    """uint8 N x H x W x 3 (RGB) -> float N x 3 x H x W in [-1, 1], as the runtime feeds it."""
    return (images.to(device).permute(0, 3, 1, 2).float() / 255 - 0.5) / 0.5


def render_set(pool: Pool, seed: int, kinds: list) -> list:
    return pool.map(_render_fixed, [(seed + i, k) for i, k in enumerate(kinds)], chunksize=32)


@torch.no_grad()
def predict(model: torch.nn.Module, images: np.ndarray, device: str) -> np.ndarray:
    model.eval()
    out = []
    for i in range(0, len(images), 512):
        x = to_input(torch.from_numpy(images[i : i + 512]), device)
        out.append(torch.softmax(model(x), dim=-1).float().cpu().numpy())
    model.train()
    return np.concatenate(out)


def score(probs: np.ndarray, truths: list[str]) -> list[dict]:
    rows = []
    for p, truth in zip(probs, truths):
        text, char_probs = metrics.greedy_decode(p)
        rows.append({"truth": truth, "text": text, "exact": text == truth, "char_acc": metrics.char_accuracy(text, truth), "score": metrics.raw_score(char_probs)})
    return rows


def summary(rows: list[dict]) -> dict:
    n = len(rows)
    return {"n": n, "exact": round(sum(r["exact"] for r in rows) / n, 4), "char": round(sum(r["char_acc"] for r in rows) / n, 4)}


def lr_at(fraction: float, peak: float) -> float:
    """Linear warm-up over the first 3 % of the time, then cosine to 2 % of the peak."""
    if fraction < 0.03:
        return peak * fraction / 0.03
    return peak * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * min(1.0, (fraction - 0.03) / 0.97))))


def export_onnx(model: PlateCRNN, path: str) -> str:
    """Opset 17, fixed 48x192 input, dynamic batch. The TorchScript exporter first; newer torch
    may only have the dynamo one."""
    wrapped = Exported(model).eval().cpu()
    dummy = torch.zeros(1, 3, render.INPUT_H, render.INPUT_W)
    kwargs = dict(input_names=["image"], output_names=["probs"], opset_version=17, dynamic_axes={"image": {0: "n"}, "probs": {0: "n"}})
    try:
        torch.onnx.export(wrapped, dummy, path, dynamo=False, **kwargs)
        return "torchscript"
    except TypeError:  # torch < 2.5 has no `dynamo` argument
        torch.onnx.export(wrapped, dummy, path, **kwargs)
        return "torchscript"
    except Exception as error:  # a torch without the TorchScript exporter
        print(f"TorchScript export failed ({error}); trying dynamo", flush=True)
        torch.onnx.export(wrapped, (dummy,), path, dynamo=True, **kwargs)
        return "dynamo"


def verify_onnx(path: str, images: np.ndarray, torch_probs: np.ndarray) -> dict:
    try:
        import onnxruntime as ort
    except ImportError:
        return {"checked": False, "why": "onnxruntime not installed"}
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    x = ((images.astype(np.float32) / 255 - 0.5) / 0.5).transpose(0, 3, 1, 2)
    probs = session.run(None, {"image": x})[0]
    same = sum(metrics.greedy_decode(a)[0] == metrics.greedy_decode(b)[0] for a, b in zip(probs, torch_probs))
    return {"checked": True, "max_abs_diff": float(np.abs(probs - torch_probs).max()), "same_text": f"{same}/{len(images)}"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--glyphs", default=os.path.join(os.path.dirname(__file__), "glyphs.npz"))
    ap.add_argument("--real-dir", default=os.path.join(os.path.dirname(__file__), "../../../shared/plates/ccpd-crops"))
    ap.add_argument("--minutes", type=float, default=6)
    ap.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--real-share", type=float, default=0.08)
    ap.add_argument("--test-per-kind", type=int, default=300)
    ap.add_argument("--calib", type=int, default=3000)
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: default)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
    torch.backends.cudnn.benchmark = True
    print(f"torch {torch.__version__} on {device}, {args.workers} render workers, {args.minutes} min", flush=True)

    real_train, real_val = load_real(args.real_dir)
    print(f"real crops: {len(real_train)} train, {len(real_val)} validation (c600-c749)", flush=True)
    pool = Pool(args.workers, initializer=_init_worker, initargs=(args.glyphs, real_train))  # before CUDA starts
    model = PlateCRNN().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    val_images = np.stack([np.asarray(img.resize((render.INPUT_W, render.INPUT_H), Image.BILINEAR)) for img, _ in real_val])
    val_truths = [t for _, t in real_val]

    budget = args.minutes * 60
    start, step, seen, last_report, losses = time.time(), 0, 0, 0.0, []
    for images, targets, lengths in batches(pool, args.batch, args.real_share, 3 * args.workers):
        elapsed = time.time() - start
        if elapsed > budget:
            break
        for group in opt.param_groups:
            group["lr"] = lr_at(elapsed / budget, args.lr)
        log_probs = F.log_softmax(model(to_input(images, device)), dim=-1).permute(1, 0, 2)
        steps = torch.full((images.shape[0],), log_probs.shape[0], dtype=torch.long)
        loss = F.ctc_loss(log_probs, targets.to(device), steps, lengths, blank=0, zero_infinity=True)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        step, seen = step + 1, seen + images.shape[0]
        losses.append(loss.item())
        if elapsed - last_report > max(20, budget / 15):
            last_report = elapsed
            real = summary(score(predict(model, val_images, device), val_truths))
            print(f"{elapsed:6.0f}s step {step} samples {seen} ({seen / elapsed:.0f}/s) loss {np.mean(losses[-50:]):.3f} real-val exact {real['exact']:.3f} char {real['char']:.3f}", flush=True)
    train_seconds = time.time() - start
    torch.save({k: v.detach().cpu() for k, v in model.state_dict().items()}, os.path.join(args.out, "plate-rec.pt"))
    print(f"trained {train_seconds:.0f}s, {step} steps, {seen} samples", flush=True)

    kinds = list(render.KINDS)
    test = render_set(pool, TEST_SEED, [k for k in kinds for _ in range(args.test_per_kind)])
    calib = render_set(pool, CALIB_SEED, [None] * args.calib)
    pool.terminate()
    real_rows = score(predict(model, val_images, device), val_truths)
    test_rows = score(predict(model, np.stack([s[0] for s in test]), device), [s[1] for s in test])
    calib_rows = score(predict(model, np.stack([s[0] for s in calib]), device), [s[1] for s in calib])

    # Calibration: fitted on the synthetic calibration set and the real validation crops together
    fit_rows = calib_rows + real_rows
    a, b = metrics.fit_platt([r["score"] for r in fit_rows], [r["exact"] for r in fit_rows])

    def table(rows):
        return metrics.reliability([metrics.calibrate(r["score"], a, b) for r in rows], [r["exact"] for r in rows])

    per_kind = {k: summary([r for r, s in zip(test_rows, test) if s[2] == k]) for k in kinds}
    per_province = {}
    for p in PROVINCES:
        rows = [r for r in test_rows if p in r["truth"]]
        if rows:
            per_province[p] = {**summary(rows), "province_ok": round(sum(p in r["text"] for r in rows) / len(rows), 4)}
    misses = [f"{r['truth']}->{r['text']}" for r in real_rows if not r["exact"]]

    onnx_path = os.path.join(args.out, "plate-rec.onnx")
    model.cpu()
    exporter = export_onnx(model, onnx_path)
    torch_probs = predict(model, val_images, "cpu")
    check = verify_onnx(onnx_path, val_images, torch_probs)
    print(f"onnx ({exporter}): {check}", flush=True)

    results = {
        "real_validation_c600_c749": summary(real_rows),
        "real_validation_misses": misses,
        "synthetic_test": summary(test_rows),
        "synthetic_test_per_kind": per_kind,
        "synthetic_test_per_province": per_province,
        "calibration": {"a": a, "b": b, "reliability_real_validation": table(real_rows), "reliability_synthetic_test": table(test_rows), "reliability_synthetic_calibration_set": table(calib_rows)},
    }
    card = {
        "model": "plate-rec.onnx",
        "architecture": "CRNN: 9 conv layers (BN, ReLU, max-pool) -> BiLSTM(128) -> linear; CTC",
        "parameters": sum(p.numel() for p in model.parameters()),
        "input": {"name": "image", "layout": "NCHW", "channels": "RGB", "height": render.INPUT_H, "width": render.INPUT_W, "normalisation": "(pixel / 255 - 0.5) / 0.5", "resize": "whole plate stretched to 192x48, bilinear", "double_row": "top row and bottom row resized to one height, placed side by side (top row left), then resized like a single row"},
        "output": {"name": "probs", "shape": ["n", 48, NUM_CLASSES], "softmax": True, "blank": 0, "decoding": "greedy CTC: collapse repeats, drop blanks; a character's probability is the highest among the steps that emitted it"},
        "charset": CHARSET,
        "confidence": {"feature": "s = min character probability (0 when no character)", "formula": "sigmoid(a * logit(s) + b), logit clamped to [1e-6, 1 - 1e-6]", "a": a, "b": b, "fitted_on": f"{args.calib} synthetic plates (seed {CALIB_SEED}) + real crops c600-c749"},
        "training": {
            "script": "npm run train:plates (scripts/plates/train.py)",
            "torch": torch.__version__,
            "device": device,
            "seconds": round(train_seconds),
            "steps": step,
            "samples_seen": seen,
            "batch": args.batch,
            "optimiser": f"AdamW lr {args.lr} (3 % warm-up, cosine by elapsed time), weight decay 1e-4, CTC loss",
            "data": f"synthetic plates rendered on the fly by scripts/plates/render.py (12 kinds, every province equally often; fonts Noto Sans/Serif CJK and DejaVu; wear, dirt, glare, shadow, blur, motion, night noise, over-exposure, JPEG, perspective, loose/tight crops, 40-260 px plate widths) + {100 * args.real_share:.0f} % real CCPD crops c000-c599 (augmented); c600-c749 never trained on",
            "kinds": {k: {"weight": v[0], "plate_type": v[1]} for k, v in render.KINDS.items()},
        },
        "metrics": results,
        "export": {"opset": 17, "exporter": exporter, "onnxruntime_check": check},
    }
    with open(os.path.join(args.out, "plate-rec.json"), "w", encoding="utf-8") as f:
        json.dump(card, f, ensure_ascii=False, indent=1)
    print(json.dumps({k: v for k, v in results.items() if k != "synthetic_test_per_province"}, ensure_ascii=False, indent=1), flush=True)
    print("province accuracy:", " ".join(f"{p}{v['province_ok']:.2f}" for p, v in per_province.items()), flush=True)


if __name__ == "__main__":
    main()
