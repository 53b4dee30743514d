// Runs once when the Next server starts: load the OCR models before the first request,
// so /api/health turns 200 when recognition is actually ready; start the call record retention job.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getOcrEngine } = await import("@/lib/ocr/engine");
  getOcrEngine().catch((err: unknown) => console.error("[ocr] engine failed to load:", err));
  const { startCallRetentionJob } = await import("@/lib/jobs/call-retention");
  startCallRetentionJob();
}
