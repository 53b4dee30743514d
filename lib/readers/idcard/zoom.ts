// Small cards (a card filling a third of a phone photo) have text a few pixels high, which
// the detector reads poorly; on tilted ones its boxes of neighbouring words run into each
// other (姓名 taking a stroke of the name after it). The text's extent locates the card: it is
// cut out upright (undoing the rotation) and, when small, enlarged so that lines reach a
// comfortable height.
import { dominantAngle, rotatePoint, toTokens } from "@/lib/readers/layout/layout";
import { warpQuad } from "@/lib/ocr/geometry";
import type { Quad, RgbImage, TextLine } from "@/lib/ocr/types";

export const ZOOM_CONFIG = {
  /** Median line height (px) under which the card is read again, enlarged. */
  belowLineHeight: 26,
  /** Line height (px) the enlarged crop aims at. */
  targetLineHeight: 40,
  /** Margin around the text, in line heights. */
  margin: 2,
  /** Longest side (px) of the enlarged crop. */
  maxSide: 1600,
  /** Tilt (radians, about 5°) from which a card is read again upright even if not small. */
  minTilt: 0.09,
} as const;

/** The upright, enlarged text region, or null when the text is upright and large enough already. */
export function zoomOnText(image: RgbImage, lines: TextLine[]): RgbImage | null {
  const angle = dominantAngle(lines);
  const tokens = toTokens(lines, angle);
  if (tokens.length < 3) return null;
  const heights = tokens.map((t) => t.y1 - t.y0).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 2)]!;
  const tilted = Math.abs(angle) >= ZOOM_CONFIG.minTilt;
  if (lineHeight >= ZOOM_CONFIG.belowLineHeight && !tilted) return null;
  const pad = ZOOM_CONFIG.margin * lineHeight;
  const x0 = Math.min(...tokens.map((t) => t.x0)) - pad;
  const x1 = Math.max(...tokens.map((t) => t.x1)) + pad;
  const y0 = Math.min(...tokens.map((t) => t.y0)) - pad;
  const y1 = Math.max(...tokens.map((t) => t.y1)) + pad;
  const enlarge = Math.max(1, ZOOM_CONFIG.targetLineHeight / lineHeight);
  const scale = Math.min(enlarge, ZOOM_CONFIG.maxSide / Math.max(x1 - x0, y1 - y0));
  if (scale <= 1.1 && !tilted) return null;
  const quad = (
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ] as Quad
  ).map((p) => rotatePoint(p, angle)) as Quad;
  return warpQuad(image, quad, (x1 - x0) * scale, (y1 - y0) * scale);
}
