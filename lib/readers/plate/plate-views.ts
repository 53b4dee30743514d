// The images of a plate the recognisers read: a single-row plate warped from its quad to the
// recogniser's height; a double-row plate cut into its two rows, each warped to that height and
// placed side by side (top row left), so it reads as one line.
import { quadSize, warpQuad } from "@/lib/ocr/geometry";
import type { Point, Quad, RgbImage } from "@/lib/ocr/types";

export const VIEW_CONFIG = {
  /**
   * A double-row plate's rows, as shares of its quad (u across, v down): the top row holds two
   * characters between the rivets, the bottom row five across the plate; they overlap a little
   * so a slightly high or low quad still holds each row whole. The top row is taken at full
   * width, as the plate recogniser was trained: cut at 15–85 % it read 79 % of 300 held-out
   * synthetic double-row plates exactly, at full width 91 %.
   */
  topRow: { u: [0, 1], v: [0.02, 0.42] },
  bottomRow: { u: [0, 1], v: [0.34, 1] },
} as const;

type Span = readonly [number, number];

/** The part of a quad between shares `u` of its width and `v` of its height. */
export function subQuad(quad: Quad, u: Span, v: Span): Quad {
  const [tl, tr, br, bl] = quad;
  const at = (fu: number, fv: number): Point => {
    const top: Point = [tl[0] + fu * (tr[0] - tl[0]), tl[1] + fu * (tr[1] - tl[1])];
    const bottom: Point = [bl[0] + fu * (br[0] - bl[0]), bl[1] + fu * (br[1] - bl[1])];
    return [top[0] + fv * (bottom[0] - top[0]), top[1] + fv * (bottom[1] - top[1])];
  };
  return [at(u[0], v[0]), at(u[1], v[0]), at(u[1], v[1]), at(u[0], v[1])];
}

/** Width / height of a quad. */
export function quadAspect(quad: Quad): number {
  const { width, height } = quadSize(quad);
  return width / Math.max(height, 1);
}

/** A single-row view: `height` px high, `stretch` × the given aspect (the quad's own by default) wide. */
export function rowView(image: RgbImage, quad: Quad, height: number, stretch: number, aspect: number = quadAspect(quad)): RgbImage {
  return warpQuad(image, quad, stretch * height * aspect, height);
}

/** Images of equal height placed side by side, left to right. */
export function sideBySide(parts: readonly RgbImage[]): RgbImage {
  const height = parts[0]!.height;
  const width = parts.reduce((sum, p) => sum + p.width, 0);
  const data = new Uint8Array(width * height * 3);
  let x0 = 0;
  for (const part of parts) {
    for (let y = 0; y < height; y++) data.set(part.data.subarray(y * part.width * 3, (y + 1) * part.width * 3), (y * width + x0) * 3);
    x0 += part.width;
  }
  return { width, height, data };
}

/** A double-row plate as one line: its top row, then its bottom row, `height` px high. */
export function doubleRowView(image: RgbImage, quad: Quad, height: number, stretch: number): RgbImage {
  const { topRow, bottomRow } = VIEW_CONFIG;
  return sideBySide([topRow, bottomRow].map((row) => rowView(image, subQuad(quad, row.u, row.v), height, stretch)));
}
