// Entry of the OCR worker bundle (scripts/build-ocr-worker.mjs → .ocr-worker/ocr-worker.mjs):
// the engine's worker loop with the readers' tasks registered. Composing them here, above both,
// keeps the engine free of any document.
import { runOcrWorker } from "@/lib/ocr/worker/ocr-worker";

import { DOCUMENT_TASK, documentTask } from "./document/on-worker";
import { ID_CARD_TASK, idCardTask } from "./idcard/on-worker";
import { LICENSE_TASK, licenseTask } from "./license/on-worker";
import { PLATES_TASK, platesTask } from "./plate/on-worker";

await runOcrWorker({
  [PLATES_TASK]: platesTask,
  [ID_CARD_TASK]: idCardTask,
  [LICENSE_TASK]: licenseTask,
  [DOCUMENT_TASK]: documentTask,
});
