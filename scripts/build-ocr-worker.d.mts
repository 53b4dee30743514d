/** Absolute path of the bundled OCR worker. */
export declare const OCR_WORKER_BUNDLE: string;
/** Bundles lib/ocr/worker/ocr-worker.ts with esbuild; resolves to the bundle path. */
export declare function buildOcrWorker(): Promise<string>;
