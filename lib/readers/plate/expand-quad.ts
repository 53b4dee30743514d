import type { Point, Quad } from "@/lib/ocr/types";

/** Grows a quad about its centre: `dx` of its width on each side, `dy` of its height. */
export function expandQuad(quad: Quad, dx: number, dy: number): Quad {
  const [tl, tr, br, bl] = quad;
  const along: Point = [(tr[0] - tl[0] + br[0] - bl[0]) / 2, (tr[1] - tl[1] + br[1] - bl[1]) / 2];
  const across: Point = [(bl[0] - tl[0] + br[0] - tr[0]) / 2, (bl[1] - tl[1] + br[1] - tr[1]) / 2];
  const move = (p: Point, su: number, sv: number): Point => [
    p[0] + su * dx * along[0] + sv * dy * across[0],
    p[1] + su * dx * along[1] + sv * dy * across[1],
  ];
  return [move(tl, -1, -1), move(tr, 1, -1), move(br, 1, 1), move(bl, -1, 1)];
}
