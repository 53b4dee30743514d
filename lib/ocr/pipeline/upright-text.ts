// General text read the way the picture stands upright (default for general OCR): lines are
// detected once, the quarter turn is decided from them (lib/ocr/orientation; an upright picture
// is never turned), a turned picture is detected again upright, and the boxes are handed back
// in the picture as sent.
import { quadBeforeTurn, type Turn, turnImage } from "../orientation/turn";
import type { RgbImage } from "../types";
import { cropLine } from "./crop-lines";
import type { DetectedLines, GeneralOcrPipeline } from "./general";

export interface UprightLines extends DetectedLines {
  /** Clockwise quarter turn that stood the picture upright. */
  turn: Turn;
}

/** Boxes in the picture's own pixels (reading order of the upright page); crops cut from the upright copy. */
export async function detectUpright(pipeline: Pick<GeneralOcrPipeline, "detect" | "orientation">, image: RgbImage): Promise<UprightLines> {
  const found = await pipeline.detect(image);
  const turn = await pipeline.orientation(image, found);
  const upright = turnImage(image, turn);
  const quads = turn === 0 ? found : await pipeline.detect(upright);
  return {
    turn,
    quads: quads.map((q) => quadBeforeTurn(q, turn, image.width, image.height)),
    crops: quads.map((q) => cropLine(upright, q)),
  };
}
