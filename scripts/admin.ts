// Operator CLI: `npm run --silent admin -- <command> [--flags]`.
// Prints exactly one JSON document on stdout; on failure {"error":{code,message}} and a non-zero exit.
// Command names and flags are a stable interface (outside test tools use them).
import { parseArgs } from "node:util";

import { AppError, isAppError } from "@/lib/errors";
import { CAPABILITY_IDS, isCapabilityId, type CapabilityId } from "@/lib/capabilities/catalog";
import { backupDatabase, restoreDatabase } from "@/lib/admin/database-backup";
import { bootstrapDemoAccount, readDemoCredentials } from "@/lib/admin/demo-account";
import { createAccessKey, setAccessKeyEnabled } from "@/lib/data/access-keys";
import { createApp, listApps } from "@/lib/data/apps";
import { syncCapabilityCatalog } from "@/lib/data/capabilities";
import { grantPack, listPacks } from "@/lib/data/packs";
import { createUser, getUserByEmailOrThrow } from "@/lib/data/users";

type Flags = Record<string, string | undefined>;

const need = (flags: Flags, name: string): string => {
  const value = flags[name];
  if (!value) throw new AppError("invalid", `--${name} is required`);
  return value;
};

const intFlag = (flags: Flags, name: string): number | undefined => {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new AppError("invalid", `--${name} must be a non-negative integer`);
  return Number(value);
};

const capabilityFlag = (value: string): CapabilityId => {
  if (!isCapabilityId(value)) throw new AppError("invalid", `Unknown capability "${value}" (one of ${CAPABILITY_IDS.join(", ")})`);
  return value;
};

const userIdOf = async (flags: Flags) => (await getUserByEmailOrThrow({ email: need(flags, "email") })).id;

const packJson = (p: Awaited<ReturnType<typeof grantPack>>) => ({
  id: p.id,
  capability: p.capabilityId,
  kind: p.kind,
  total: p.total,
  used: p.used,
  remaining: p.remaining,
  validFrom: p.validFrom.toISOString(),
  validTo: p.validTo.toISOString(),
  expired: p.expired,
});

const COMMANDS: Record<string, (flags: Flags) => Promise<unknown>> = {
  "demo-credentials": async () => readDemoCredentials(),

  bootstrap: async () => ({ created: (await bootstrapDemoAccount()) !== null }),

  "create-user": async (flags) => {
    const password = need(flags, "password");
    if (password.length < 8) throw new AppError("invalid", "--password must have at least 8 characters");
    const user = await createUser({ email: need(flags, "email"), password, name: flags.name });
    return { userId: user.id, email: user.email };
  },

  "create-access-key": async (flags) => {
    const key = await createAccessKey({ userId: await userIdOf(flags) });
    return { accessKey: key.accessKey, secretKey: key.secretKey };
  },

  "disable-access-key": async (flags) => {
    const key = await setAccessKeyEnabled({ accessKey: need(flags, "access-key"), enabled: false });
    return { accessKey: key.accessKey, enabled: key.enabled };
  },

  "enable-access-key": async (flags) => {
    const key = await setAccessKeyEnabled({ accessKey: need(flags, "access-key"), enabled: true });
    return { accessKey: key.accessKey, enabled: key.enabled };
  },

  "create-app": async (flags) => {
    const capabilities = (flags.capabilities ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map(capabilityFlag);
    const qps = intFlag(flags, "qps");
    if (qps !== undefined && qps < 1) throw new AppError("invalid", "--qps must be at least 1");
    const app = await createApp({
      userId: await userIdOf(flags),
      name: need(flags, "name"),
      description: flags.description,
      capabilities,
      qpsLimit: qps,
      ipAllowList: flags["ip-allow"] ?? "",
    });
    return { appKey: app.appKey, appSecret: app.appSecret, appId: app.id };
  },

  "list-apps": async (flags) =>
    (await listApps({ userId: await userIdOf(flags) })).map((a) => ({
      appId: a.id,
      name: a.name,
      appKey: a.appKey,
      qps: a.qpsLimit,
      ipAllow: a.ipAllowList,
      capabilities: a.capabilities,
    })),

  "grant-pack": async (flags) => {
    const expiresAt = flags["expires-at"] ? new Date(flags["expires-at"]) : undefined;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new AppError("invalid", "--expires-at must be an ISO date");
    const pack = await grantPack({
      userId: await userIdOf(flags),
      capabilityId: capabilityFlag(need(flags, "capability")),
      calls: intFlag(flags, "calls") ?? 0,
      used: intFlag(flags, "used"),
      validDays: intFlag(flags, "valid-days"),
      expiresAt,
      // A pack granted already expired must have started before it ended.
      validFrom: expiresAt && expiresAt.getTime() <= Date.now() ? new Date(expiresAt.getTime() - 86_400_000) : undefined,
    });
    return packJson(pack);
  },

  "list-packs": async (flags) =>
    (await listPacks({ userId: await userIdOf(flags), capabilityId: flags.capability ? capabilityFlag(flags.capability) : undefined })).map(
      packJson,
    ),

  backup: async (flags) => backupDatabase(need(flags, "to")),

  restore: async (flags) => restoreDatabase(need(flags, "from")),
};

/** Commands that must not open the database before they run (restore replaces its content). */
const NO_CATALOG_SYNC = new Set(["restore"]);

const FLAG_NAMES = [
  "email",
  "password",
  "name",
  "description",
  "capabilities",
  "qps",
  "ip-allow",
  "capability",
  "calls",
  "used",
  "valid-days",
  "expires-at",
  "access-key",
  "to",
  "from",
] as const;
const FLAG_OPTIONS = Object.fromEntries(FLAG_NAMES.map((name) => [name, { type: "string" as const }]));

function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, options: FLAG_OPTIONS, strict: true, allowPositionals: false });
  } catch (err) {
    throw new AppError("invalid", err instanceof Error ? err.message : String(err));
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new AppError("invalid", `Unknown command "${command ?? ""}". Commands: ${Object.keys(COMMANDS).join(", ")}`);
  const { values } = parseFlags(rest);
  const flags = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : undefined]));
  if (!NO_CATALOG_SYNC.has(command ?? "")) await syncCapabilityCatalog();
  return run(flags);
}

main().then(
  (out) => {
    process.stdout.write(JSON.stringify(out) + "\n");
    process.exit(0);
  },
  (err: unknown) => {
    const error = isAppError(err)
      ? { code: err.code, message: err.message }
      : { code: "internal", message: err instanceof Error ? err.message : String(err) };
    process.stdout.write(JSON.stringify({ error }) + "\n");
    process.exit(1);
  },
);
