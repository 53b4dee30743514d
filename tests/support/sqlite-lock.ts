import { spawn } from "node:child_process";

/**
 * Another process holding the SQLite file: the `sqlite3` CLI in `BEGIN EXCLUSIVE` (no reader or
 * writer gets in). Resolves once the lock is held; `release()` rolls back and waits for the exit.
 */
export async function holdExclusiveLock(file: string): Promise<{ release: () => Promise<void> }> {
  const cli = spawn("sqlite3", [file], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => cli.on("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    cli.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
    cli.on("error", reject);
    cli.stdin.write("BEGIN EXCLUSIVE;\nSELECT 'locked';\n");
  });
  return {
    release: async () => {
      cli.stdin.end("ROLLBACK;\n");
      await exited;
    },
  };
}
