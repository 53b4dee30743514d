// The detector's input: the picture scaled to fit a square, centred on grey (114) padding,
// RGB in [0, 1], CHW — the YOLOv5 letterbox the hyperlpr3 detector was trained with.
import { resizeRgb } from "@/lib/ocr/geometry";
import type { RgbImage } from "@/lib/ocr/types";

export interface Letterbox {
  tensor: Float32Array;
  /** Picture pixels → input pixels: x·scale + left, y·scale + top. */
  scale: number;
  left: number;
  top: number;
}

const PAD = 114 / 255;

export function letterbox(image: RgbImage, size: number): Letterbox {
  const scale = Math.min(size / image.width, size / image.height);
  const w = Math.max(1, Math.floor(image.width * scale));
  const h = Math.max(1, Math.floor(image.height * scale));
  const left = Math.floor((size - w) / 2);
  const top = Math.floor((size - h) / 2);
  const resized = resizeRgb(image, w, h);
  const plane = size * size;
  const tensor = new Float32Array(3 * plane).fill(PAD);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = (y * w + x) * 3;
      const d = (y + top) * size + x + left;
      tensor[d] = resized.data[s]! / 255;
      tensor[plane + d] = resized.data[s + 1]! / 255;
      tensor[2 * plane + d] = resized.data[s + 2]! / 255;
    }
  }
  return { tensor, scale, left, top };
}
