// OCR workers run at a lower scheduling priority than the server's event loop thread: when the
// engine keeps every core busy, health checks, the console and admission answers (503 at once)
// still get the CPU first. Linux keeps a nice value per thread and `/proc/thread-self` names the
// calling thread's id, so setpriority(tid) lowers this worker alone; threads it starts later
// (ONNX Runtime's intra-op pool) inherit it. Elsewhere it is a no-op.
import fs from "node:fs";
import os from "node:os";

/** Lowers the calling thread's priority to `nice` (0–19); false where the platform does not allow it. */
export function lowerThreadPriority(nice: number): boolean {
  if (nice <= 0 || process.platform !== "linux") return false;
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    os.setPriority(tid, Math.min(19, nice));
    return true;
  } catch {
    return false;
  }
}

/** The calling thread's nice value (for tests and diagnostics); null where it cannot be read. */
export function threadPriority(): number | null {
  if (process.platform !== "linux") return null;
  try {
    return os.getPriority(Number(fs.readlinkSync("/proc/thread-self").split("/").pop()));
  } catch {
    return null;
  }
}
