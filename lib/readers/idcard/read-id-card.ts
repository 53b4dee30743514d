// ID card reading: full-page OCR of the picture turned upright (cards come sideways and upside
// down), a second enlarged pass over the card when its text is small, then the layout
// extractor; the portrait is cropped only when asked for.
import { linesBeforeTurn, readUpright, type UprightOcr } from "@/lib/ocr/orientation/read-upright";
import type { RgbImage, TextLine } from "@/lib/ocr/types";

import { extractIdCard, type IdCardDetail, type IdCardExtraction } from "./extract-fields";
import { cropPortrait } from "./portrait";
import { rereadNation, type NationOcr } from "./read-nation";
import { zoomOnText } from "./zoom";

export interface IdCardOcr extends NationOcr, UprightOcr {
  recognize(image: RgbImage): Promise<TextLine[]>;
}

export interface IdCardReading extends IdCardExtraction {
  /** Upright, whatever the picture's turn. */
  portrait: RgbImage | null;
  /** The first pass's lines, in the pixels of the picture as sent (for locating fields). */
  lines: TextLine[];
}

export async function readIdCard(picture: RgbImage, ocr: IdCardOcr, opts: { withPortrait: boolean }): Promise<IdCardReading> {
  const { turn, image, lines } = await readUpright(picture, ocr);
  const first = await withNation(extractIdCard(lines), image, ocr);
  const zoomed = first.side ? zoomOnText(image, lines) : null;
  const extraction = zoomed ? preferZoomed(await withNation(extractIdCard(await ocr.recognize(zoomed)), zoomed, ocr), first) : first;
  // The portrait is located in the original picture, from the first pass's geometry.
  const layout = first.layout;
  const portrait =
    opts.withPortrait && extraction.side === "back" && layout?.numberBox ? cropPortrait(image, layout.numberBox, layout.angle) : null;
  return { ...extraction, portrait, lines: linesBeforeTurn(lines, turn, picture.width, picture.height) };
}

async function withNation(extraction: IdCardExtraction, image: RgbImage, ocr: NationOcr): Promise<IdCardExtraction> {
  if (!extraction.nationRead) return extraction;
  const nation = await rereadNation(image, extraction.nationRead, ocr);
  return nation ? { ...extraction, detail: { ...extraction.detail, nation } } : extraction;
}

/** The enlarged pass's fields, with any it missed taken from the first pass. */
function preferZoomed(zoomed: IdCardExtraction, first: IdCardExtraction): IdCardExtraction {
  if (zoomed.side !== first.side) return first;
  const detail = { ...zoomed.detail };
  for (const key of Object.keys(detail) as (keyof IdCardDetail)[]) detail[key] ||= first.detail[key];
  return { ...zoomed, detail, layout: first.layout };
}
