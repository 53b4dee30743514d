// The portrait on the ID card's back, located from the printed number: on the card the
// 18-digit number spans about 60% of the card width and ends at the portrait's right edge.
import { rotatePoint } from "@/lib/readers/layout/layout";
import { warpQuad } from "@/lib/ocr/geometry";
import type { Quad, RgbImage } from "@/lib/ocr/types";

/** Card proportions (ISO/IEC 7810 ID-1) and the portrait's place relative to the number. */
const CARD_ASPECT = 85.6 / 54;
const NUMBER_SHARE_OF_WIDTH = 0.6;
const PORTRAIT = { widthShare: 0.3, topAboveNumber: 0.7, bottomAboveNumber: 0.1 } as const;
/** Output height (px) of the portrait crop. */
const PORTRAIT_HEIGHT = 256;

export interface NumberRow {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The portrait quad in image pixels, from the number's box in the page's upright frame. */
export function portraitQuad(number: NumberRow, angle: number): Quad {
  const cardWidth = (number.x1 - number.x0) / NUMBER_SHARE_OF_WIDTH;
  const cardHeight = cardWidth / CARD_ASPECT;
  const x1 = number.x1;
  const x0 = x1 - PORTRAIT.widthShare * cardWidth;
  const y0 = number.y0 - PORTRAIT.topAboveNumber * cardHeight;
  const y1 = number.y0 - PORTRAIT.bottomAboveNumber * cardHeight;
  const corners: Quad = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  return corners.map((p) => rotatePoint(p, angle)) as Quad;
}

export function cropPortrait(image: RgbImage, number: NumberRow, angle: number): RgbImage | null {
  const quad = portraitQuad(number, angle);
  const inside = quad.every(([x, y]) => x >= -1 && y >= -1 && x <= image.width + 1 && y <= image.height + 1);
  if (!inside) return null;
  const width = (PORTRAIT.widthShare / (PORTRAIT.topAboveNumber - PORTRAIT.bottomAboveNumber)) * CARD_ASPECT;
  return warpQuad(image, quad, Math.round(PORTRAIT_HEIGHT * width), PORTRAIT_HEIGHT);
}
