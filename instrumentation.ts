// Runs once when the Next server starts: load the OCR models before the first request, so
// /api/health turns 200 when recognition is actually ready; release the calls reserved by
// requests the previous run never settled, then sweep timed-out reservations periodically;
// start the call record retention job.
export async function register() {
  // biome-ignore lint/style/noProcessEnv: set by Next for each runtime it loads this file in; not configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getOcrEngine }, { logger }] = await Promise.all([import("@/lib/ocr/engine"), import("@/lib/observability/logger")]);
  getOcrEngine().catch((err: unknown) => logger.error({ err }, "OCR engine failed to load"));
  const { startReservationRecovery } = await import("@/lib/data/reservation-recovery");
  startReservationRecovery();
  const { startCallRetentionJob } = await import("@/lib/jobs/call-retention");
  startCallRetentionJob();
}
