// Runs once when the Next server starts: load the OCR models before the first request, so
// /api/health turns 200 when recognition is actually ready; release the calls reserved by
// requests the previous run never settled, then sweep timed-out reservations periodically.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getOcrEngine } = await import("@/lib/ocr/engine");
  getOcrEngine().catch((err: unknown) => console.error("[ocr] engine failed to load:", err));
  const { startReservationRecovery } = await import("@/lib/data/reservation-recovery");
  startReservationRecovery();
}
