/** Pipeline defaults. Deployment knobs (model dir, threads, workers) come from EngineOptions. */

export const DET_CONFIG = {
  /**
   * Largest detector input area (px²); larger images are scaled down to it. An area cap rather
   * than PaddleOCR's 960 px side cap keeps long strips (e.g. 1167×54 text lines) legible.
   */
  maxPixels: 960 * 960,
  /** Longest side (px) of the detector input. */
  maxSideLen: 2560,
  /** Shortest side (px) small images are scaled up to, so small text stays detectable. */
  minSideLen: 480,
  /** Largest up-scaling factor applied to small images. */
  maxUpscale: 2,
  /** Detector input sides are multiples of this (DBNet stride). */
  sizeMultiple: 32,
  /** Probability (0–1) above which a map pixel counts as text. */
  binaryThreshold: 0.3,
  /** Mean probability (0–1) a region needs to be kept as a text box. */
  boxThreshold: 0.6,
  /** Growth of each shrunk DB region: offset distance = area × ratio / perimeter. */
  unclipRatio: 1.6,
  /** Shortest side (px, detector map) a region needs before and after unclipping. */
  minBoxSide: 3,
  /** Most regions considered per image. */
  maxCandidates: 1000,
} as const;

export const CLS_CONFIG = {
  /** Classifier input height × width (px). */
  height: 48,
  width: 192,
  /** Probability (0–1) the "180°" label needs before a crop is flipped. */
  flipThreshold: 0.9,
  /** Crops per classifier run. */
  batchSize: 6,
} as const;

export const REC_CONFIG = {
  /** Recogniser input height (px); width follows the crop's aspect ratio. */
  height: 48,
  /** Minimum input width (px); shorter crops are zero-padded (mid grey) to it. */
  minWidth: 96,
  /**
   * Crops per recogniser run (grouped by similar aspect ratio to limit padding). Measured on a
   * 2-core CPU with one intra-op thread: batches of 6 cost ~30% more per line than single
   * crops at their own width, so batching is off by default; raise it for GPU/multi-thread runs.
   */
  batchSize: 1,
  /** Lines whose mean character confidence (0–1) is below this are dropped by recognize(). */
  minLineScore: 0.5,
} as const;

export const CROP_CONFIG = {
  /** Crops with height / width at or above this are treated as vertical and rotated 90°. */
  verticalRatio: 1.5,
  /**
   * Each line crop reaches this fraction of the line height past the end of its box, so small
   * line-final punctuation ("." "。") that the detector leaves out is read; the box returned is unchanged.
   */
  lineEndPadding: 0.25,
} as const;

export const MODEL_FILES = {
  det: "ch_PP-OCRv4_det_infer.onnx",
  cls: "ch_ppocr_mobile_v2.0_cls_infer.onnx",
  rec: "ch_PP-OCRv4_rec_infer.onnx",
  dict: "ppocr_keys_v1.txt",
} as const;

export const POOL_CONFIG = {
  /** Worker threads; each runs one job (an image, or a share of its crops) at a time. */
  workers: 2,
  /** ONNX Runtime intra-op threads per worker. */
  intraOpThreads: 1,
  /** Nice value of the worker threads: OCR yields the CPU to the event loop (health, console, 503s). */
  workerNice: 10,
} as const;
