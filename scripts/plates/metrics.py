"""CTC greedy decoding with per-character probabilities, accuracy measures, and the Platt
calibration of the plate-level confidence. lib/readers/plate/recognizer decodes the same way."""

import math

import numpy as np

from charset import CHARSET


def greedy_decode(probs: np.ndarray) -> tuple[str, list[float]]:
    """probs: steps x classes. Collapse repeats, drop blanks; a character's probability is the
    highest probability among the steps that emitted it."""
    best = probs.argmax(axis=1)
    text, char_probs, prev = [], [], 0
    for t, k in enumerate(best):
        if k != 0 and k == prev:
            char_probs[-1] = max(char_probs[-1], float(probs[t, k]))
        elif k != 0:
            text.append(CHARSET[k - 1])
            char_probs.append(float(probs[t, k]))
        prev = k
    return "".join(text), char_probs


def levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def char_accuracy(pred: str, truth: str) -> float:
    return max(0.0, 1 - levenshtein(pred, truth) / len(truth))


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def raw_score(char_probs: list[float]) -> float:
    """The uncalibrated plate score: the least sure character (0 when nothing was read)."""
    return min(char_probs) if char_probs else 0.0


def fit_platt(scores: list[float], correct: list[bool]) -> tuple[float, float]:
    """confidence = sigmoid(a * logit(score) + b), fitted by Newton's method on the log loss."""
    x = np.array([logit(s) for s in scores])
    y = np.array(correct, np.float64)
    a, b = 1.0, 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(a * x + b)))
        g = np.array([np.sum((p - y) * x), np.sum(p - y)])
        w = p * (1 - p) + 1e-9
        h = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(h, g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-8:
            break
    return float(a), float(b)


def calibrate(score: float, a: float, b: float) -> float:
    if score <= 0:
        return 0.0
    return 1 / (1 + math.exp(-(a * logit(score) + b)))


BINS = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0001]


def reliability(confidences: list[float], correct: list[bool]) -> dict:
    """Per confidence bin: count, mean confidence, accuracy; and the expected calibration error."""
    rows, ece, n = [], 0.0, len(confidences)
    for lo, hi in zip(BINS, BINS[1:]):
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi]
        if not idx:
            continue
        conf = sum(confidences[i] for i in idx) / len(idx)
        acc = sum(correct[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(conf - acc)
        rows.append({"bin": f"[{lo:.2f},{min(hi, 1):.2f})", "n": len(idx), "confidence": round(conf, 4), "accuracy": round(acc, 4)})
    return {"ece": round(ece, 4), "bins": rows}
