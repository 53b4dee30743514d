import { resizeRgb } from "@/lib/ocr/geometry";
import type { RgbImage } from "@/lib/ocr/types";

/**
 * A plate image as the recogniser's input: the whole image stretched to `width` × `height`
 * (training stretches every crop the same way), RGB planes (NCHW, batch 1) scaled to [-1, 1].
 */
export function plateTensor(plate: RgbImage, width: number, height: number): Float32Array {
  const resized = resizeRgb(plate, width, height).data;
  const plane = width * height;
  const tensor = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    tensor[i] = resized[i * 3]! / 127.5 - 1;
    tensor[i + plane] = resized[i * 3 + 1]! / 127.5 - 1;
    tensor[i + 2 * plane] = resized[i * 3 + 2]! / 127.5 - 1;
  }
  return tensor;
}
