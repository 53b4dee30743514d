import { orderQuad, quadCentre, quadContains, quadIou, quadSize } from "@/lib/ocr/geometry";
import type { Quad } from "@/lib/ocr/types";

export const OUTLINE_CONFIG = {
  /** Least overlap of a colour region with a reading's box for it to be the plate's outline. */
  minIou: 0.3,
  /** Least height of that region, as a share of the box's: a partial region is not the outline. */
  minHeight: 0.6,
} as const;

/**
 * The plate's own outline for a reading: the colour region around it when there is one. A
 * reading from a text box carries the margins its crop needed, which are not the plate.
 */
export function plateOutline(box: Quad, regions: readonly { quad: Quad }[]): Quad {
  const centre = quadCentre(box);
  let best: { quad: Quad; iou: number } | null = null;
  for (const { quad } of regions) {
    const iou = quadIou(quad, box);
    if (iou < OUTLINE_CONFIG.minIou || !quadContains(quad, centre) || (best && iou <= best.iou)) continue;
    // A green plate's gradient leaves only its lower, greener part in the colour mask.
    if (quadSize(quad).height >= OUTLINE_CONFIG.minHeight * quadSize(box).height) best = { quad, iou };
  }
  return best ? orderQuad(best.quad) : box;
}
