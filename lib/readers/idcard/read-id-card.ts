// ID card reading: full-page OCR, a second enlarged pass over the card when its text is
// small, then the layout extractor; the portrait is cropped only when asked for.
import type { RgbImage, TextLine } from "@/lib/ocr/types";

import { extractIdCard, type IdCardDetail, type IdCardExtraction } from "./extract-fields";
import { cropPortrait } from "./portrait";
import { rereadNation, type NationOcr } from "./read-nation";
import { zoomOnText } from "./zoom";

export interface IdCardOcr extends NationOcr {
  recognize(image: RgbImage): Promise<TextLine[]>;
}

export interface IdCardReading extends IdCardExtraction {
  portrait: RgbImage | null;
  /** The first pass's lines, in original-image pixels (for locating fields). */
  lines: TextLine[];
}

export async function readIdCard(image: RgbImage, ocr: IdCardOcr, opts: { withPortrait: boolean }): Promise<IdCardReading> {
  const lines = await ocr.recognize(image);
  const first = await withNation(extractIdCard(lines), image, ocr);
  const zoomed = first.side ? zoomOnText(image, lines) : null;
  const extraction = zoomed ? preferZoomed(await withNation(extractIdCard(await ocr.recognize(zoomed)), zoomed, ocr), first) : first;
  // The portrait is located in the original picture, from the first pass's geometry.
  const layout = first.layout;
  const portrait =
    opts.withPortrait && extraction.side === "back" && layout?.numberBox ? cropPortrait(image, layout.numberBox, layout.angle) : null;
  return { ...extraction, portrait, lines };
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
