// Graceful shutdown of the production HTTP server (scripts/server.mjs). On SIGTERM or SIGINT:
// stop accepting connections, let the requests in flight finish (their calls are settled and
// recorded before they answer), close keep-alive connections as they go idle, then exit 0.
// Requests still running after the grace period are cut off and the process exits 1: the calls
// they reserved are released with a call record by the next start (lib/data/reservation-recovery.ts).

/** Below the usual supervisors' stop timeouts (systemd 90 s, Kubernetes 30 s); a 50-image request takes ~25 s. */
export const SHUTDOWN_GRACE_MS = 25_000;

/**
 * @param {import("node:http").Server} server
 * @param {{ graceMs?: number, log?: (line: string) => void, exit?: (code: number) => void }} [options]
 */
export function installGracefulShutdown(
  server,
  { graceMs = SHUTDOWN_GRACE_MS, log = console.log, exit = (code) => process.exit(code) } = {},
) {
  /** @type {Set<import("node:http").ServerResponse>} */
  const inFlight = new Set();
  let draining = false;

  server.on("request", (_req, res) => {
    inFlight.add(res);
    if (draining) res.shouldKeepAlive = false;
    res.on("close", () => inFlight.delete(res));
  });

  const shutdown = (signal) => {
    if (draining) return; // supervisors may signal both the process group and us: one drain
    draining = true;
    log(`[server] ${signal}: no new connections; finishing ${inFlight.size} request(s) in flight`);
    for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    const deadline = setTimeout(() => {
      log(
        `[server] ${inFlight.size} request(s) still running after ${graceMs} ms: cut off (their reservations are released on the next start)`,
      );
      server.closeAllConnections();
      exit(1);
    }, graceMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      log("[server] stopped");
      exit(0);
    });
    server.closeIdleConnections();
  };

  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutdown(signal));
  return { shutdown };
}
