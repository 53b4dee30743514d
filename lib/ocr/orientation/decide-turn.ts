// The page's quarter turn from cheap evidence: the shape of the detected text lines (a page
// lying on its side has tall lines) and the direction classifier's votes on the longest of
// them (which way up they read once laid flat). Wrong turns cost far more than missed ones,
// so an upright page is turned only on a clear majority, and doubtful evidence means no turn.
import type { Turn } from "./turn";

export const ORIENTATION_CONFIG = {
  /** Detector input area (px²) of the downscaled copy the lines are found on. */
  maxPixels: 640 * 640,
  /** Long side / short side a box needs to show its direction (two characters or more). */
  minElongation: 2,
  /** Share of the lines' length that must run vertically to call the page sideways. */
  sidewaysShare: 0.7,
  /** Longest lines of the page's axis sent to the direction classifier. */
  votingLines: 8,
  /** Classifier probability from which a vote counts (either way): below 1 − this it says upright. */
  confidentVote: 0.8,
  /** Share of the confident votes' weight that must agree on upside down (or, sideways, on one side). */
  agreement: 0.75,
  /** Confident votes a turn needs. */
  minVotes: 2,
  /**
   * Lines read to confirm a quarter turn, and the mean recognition confidence they need: a
   * column of vertical writing also lies flat when turned, but its glyphs then read sideways.
   */
  confirmingLines: 3,
  minSidewaysReadScore: 0.8,
} as const;

/** One detected line: its long and short side, whether it runs vertically on the picture as sent. */
export interface LineShape {
  length: number;
  thickness: number;
  vertical: boolean;
}

/** Lines of the page's text axis, longest first, and whether that axis is vertical. */
export function textAxis<L extends LineShape>(lines: readonly L[], config = ORIENTATION_CONFIG): { vertical: boolean; lines: L[] } {
  const directed = lines.filter((l) => l.length >= config.minElongation * l.thickness);
  const total = directed.reduce((s, l) => s + l.length, 0);
  const verticalLength = directed.filter((l) => l.vertical).reduce((s, l) => s + l.length, 0);
  const vertical = total > 0 && verticalLength >= config.sidewaysShare * total;
  return {
    vertical,
    lines: directed
      .filter((l) => l.vertical === vertical)
      .sort((a, b) => b.length - a.length)
      .slice(0, config.votingLines),
  };
}

/**
 * `upsideDown[i]`: the classifier's probability that line i, laid flat (a vertical one turned
 * a quarter counter-clockwise), reads upside down; `lengths[i]` weighs its vote.
 */
export function decideTurn(
  vertical: boolean,
  lengths: readonly number[],
  upsideDown: readonly number[],
  config = ORIENTATION_CONFIG,
): Turn {
  let up = 0;
  let down = 0;
  let votes = 0;
  upsideDown.forEach((p, i) => {
    const weight = lengths[i] ?? 0;
    if (p >= config.confidentVote) down += weight;
    else if (p <= 1 - config.confidentVote) up += weight;
    else return;
    votes++;
  });
  if (votes < config.minVotes) return 0;
  const agreed = (w: number) => w >= config.agreement * (up + down);
  if (!vertical) return agreed(down) ? 180 : 0;
  // Laid flat by a quarter turn counter-clockwise: reading upright means the page needs that
  // turn (270° clockwise); upside down, the opposite quarter.
  if (agreed(up)) return 270;
  if (agreed(down)) return 90;
  return 0;
}
