import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

// The cluster the specs run against: ports (loopback; CLUSTER_E2E_PORT, default 3170: nginx there,
// the instances on the next ports), its run dir, and the operator CLI / database behind it.

export const CLUSTER_PORT = Number(process.env.CLUSTER_E2E_PORT ?? 3170);
export const CLUSTER_DIR = path.join(os.tmpdir(), `ocr-cluster-e2e-${CLUSTER_PORT}`);
export const CLUSTER_ARGS = [
  "--port",
  String(CLUSTER_PORT),
  "--redis-port",
  process.env.CLUSTER_E2E_REDIS_PORT ?? "6390",
  "--pg-port",
  process.env.CLUSTER_E2E_PG_PORT ?? "5440",
  "--dir",
  CLUSTER_DIR,
];

/** `scripts/cluster.mjs <command>` for this cluster; `args` go after the cluster options. */
export const cluster = (command: string, ...args: string[]) =>
  execFileSync(process.execPath, [path.resolve("scripts/cluster.mjs"), command, ...CLUSTER_ARGS, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  }).toString();

interface ClusterState {
  instancePorts: number[];
  env: { DATABASE_URL: string };
}
const state = (): ClusterState => JSON.parse(fs.readFileSync(path.join(CLUSTER_DIR, "cluster.json"), "utf8")) as ClusterState;

export const nginxUrl = `http://127.0.0.1:${CLUSTER_PORT}`;
export const instanceUrls = () => state().instancePorts.map((p) => `http://127.0.0.1:${p}`);
export const instancePid = (index: number) => Number(fs.readFileSync(path.join(CLUSTER_DIR, `instance-${index}.pid`), "utf8"));

/** The operator CLI against the cluster's database. */
export function admin<T = unknown>(...args: string[]): T {
  return JSON.parse(cluster("admin", "--", ...args)) as T;
}

export interface ClusterAccount {
  email: string;
  password: string;
  accessKey: string;
  secretKey: string;
  appKey: string;
}

// The operator CLI is a process per command (seconds each on a busy machine): the specs share the
// demo account (10 000-call trial packs) and add apps to it; only the pack check needs its own user.
let demo: ClusterAccount | undefined;
const demoApps = new Map<number, ClusterAccount>();

/** The demo account `start` created, with a general-OCR app of the given QPS (one per QPS). */
export function demoAccountWithApp(qps: number): ClusterAccount {
  demo ??= admin<ClusterAccount>("demo-credentials");
  const known = demoApps.get(qps);
  if (known) return known;
  const app = admin<{ appKey: string }>(
    "create-app",
    "--email",
    demo.email,
    "--name",
    `cluster-qps-${qps}`,
    "--capabilities",
    "general",
    "--qps",
    String(qps),
  );
  demoApps.set(qps, { ...demo, appKey: app.appKey });
  return demoApps.get(qps)!;
}

/** A fresh user with an AK/SK, one general-OCR app of the given QPS and a pack of `calls`. */
export function createAccount(opts: { qps: number; calls: number }): ClusterAccount {
  const email = `cluster-${randomUUID().slice(0, 8)}@example.com`;
  const password = "cluster-password-1";
  admin("create-user", "--email", email, "--password", password);
  const key = admin<{ accessKey: string; secretKey: string }>("create-access-key", "--email", email);
  const app = admin<{ appKey: string }>(
    "create-app",
    "--email",
    email,
    "--name",
    "cluster",
    "--capabilities",
    "general",
    "--qps",
    String(opts.qps),
  );
  admin("grant-pack", "--email", email, "--capability", "general", "--calls", String(opts.calls));
  return { email, password, accessKey: key.accessKey, secretKey: key.secretKey, appKey: app.appKey };
}

/** Calls charged to the user's packs and calls charged in their call records (metering invariant). */
export async function chargedCalls(
  email: string,
): Promise<{ packsUsed: number; recordsCharged: number; records: number; distinctRequestIds: number }> {
  const client = new pg.Client({ connectionString: state().env.DATABASE_URL });
  await client.connect();
  try {
    const packs = await client.query<{ used: string | null }>(
      `SELECT SUM(p."used") AS used FROM "QuotaPack" p JOIN "User" u ON u."id" = p."userId" WHERE u."email" = $1`,
      [email],
    );
    // Twice = an admitted call recorded twice. Gateway rejections (401: a request id replayed, e.g.
    // nginx retrying a call on the other instance) are recorded too, for the call log; they never
    // reach metering and are not counted as a second record of the call they repeat.
    const records = await client.query<{ charged: string | null; n: string; ids: string }>(
      `SELECT SUM(r."charged") AS charged, COUNT(*) FILTER (WHERE r."httpStatus" <> 401) AS n,
        COUNT(DISTINCT r."requestId") FILTER (WHERE r."httpStatus" <> 401) AS ids
        FROM "CallRecord" r JOIN "User" u ON u."id" = r."userId" WHERE u."email" = $1`,
      [email],
    );
    return {
      packsUsed: Number(packs.rows[0]?.used ?? 0),
      recordsCharged: Number(records.rows[0]?.charged ?? 0),
      records: Number(records.rows[0]?.n ?? 0),
      distinctRequestIds: Number(records.rows[0]?.ids ?? 0),
    };
  } finally {
    await client.end();
  }
}
