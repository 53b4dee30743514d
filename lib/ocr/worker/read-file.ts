// The work on an uploaded file that runs on a worker thread: decoding (alpha flattening, BMP) and
// the pixel loops of plate and ID card reading (colour candidates, crop warps), so that none of
// them holds the server's event loop.
import { decodeImage } from "../../images/decode-image";
import { readIdCard, type IdCardReading } from "../card/read-id-card";
import type { GeneralOcrPipeline, DetectedLines } from "../pipeline/general";
import { readPlates, type PlateReading } from "../plate/read-plates";
import type { FileRead, TextLine } from "../types";

export type FileTask =
  /** `split`: return the line crops (the caller shares them between idle workers) instead of reading them here. */
  | { kind: "text"; split: boolean }
  | { kind: "plates" }
  | { kind: "idcard"; withPortrait: boolean };

export type FileTaskResult = TextLine[] | DetectedLines | PlateReading[] | IdCardReading;

export async function readFile(
  pipeline: GeneralOcrPipeline,
  dictionary: string[],
  { file, maxBytes, task }: { file: Uint8Array; maxBytes: number; task: FileTask },
  onDecodeMs: (ms: number) => void = () => {},
): Promise<FileRead<FileTaskResult>> {
  const decodeStart = performance.now();
  const decoded = await decodeImage(file, { maxBytes });
  onDecodeMs(performance.now() - decodeStart);
  if (!decoded.ok) return decoded;
  const image = decoded.image;
  // This worker's own sessions stand in for the engine: the picture never leaves the thread.
  const ocr = {
    recognize: pipeline.recognize.bind(pipeline),
    detect: pipeline.detect.bind(pipeline),
    recognizeCrops: pipeline.recognizeCrops.bind(pipeline),
    dictionary: () => dictionary,
  };
  switch (task.kind) {
    case "text":
      return { ok: true, value: task.split ? await pipeline.detectAndCrop(image) : await pipeline.recognize(image) };
    case "plates":
      return { ok: true, value: await readPlates(image, ocr) };
    case "idcard":
      return { ok: true, value: await readIdCard(image, ocr, { withPortrait: task.withPortrait }) };
  }
}
