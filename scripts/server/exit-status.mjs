import os from "node:os";

/**
 * The exit status `npm start` reports for its server child: the child's own code, or 128 + the
 * signal number when it was killed (137 for SIGKILL, e.g. the OOM killer), as a shell would.
 * Never 0 for an abnormal end, so a supervisor's restart-on-failure brings the service back.
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 */
export function childExitStatus(code, signal) {
  if (code !== null) return code;
  return 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0) || 1;
}
