import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { db } from "@/lib/db";
import { dataDir } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { CAPABILITIES, CAPABILITY_IDS } from "@/lib/capabilities/catalog";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { createAccessKey } from "@/lib/data/access-keys";
import { createApp } from "@/lib/data/apps";
import { syncCapabilityCatalog } from "@/lib/data/capabilities";
import { claimTrialPack } from "@/lib/data/packs";
import { countUsers, createUser, getUserByEmailOrThrow } from "@/lib/data/users";

export const DEMO_EMAIL = "demo@example.com";
// The demo password cannot be read back from its hash, so bootstrap keeps it beside the database.
const credentialsFile = () => path.join(dataDir, "demo-credentials.json");

export interface DemoCredentials {
  email: string;
  password: string;
  accessKey: string;
  secretKey: string;
  appKey: string;
}

/** On an empty database: a demo user with AK/SK, an app with every capability opened and the trial packs claimed. */
export async function bootstrapDemoAccount(): Promise<DemoCredentials | null> {
  await syncCapabilityCatalog();
  if ((await countUsers()) > 0) return null;
  const password = randomBytes(9).toString("base64url");
  const user = await createUser({ email: DEMO_EMAIL, password, name: "演示用户" });
  await createAccessKey({ userId: user.id });
  await createApp({ userId: user.id, name: "演示应用", description: "首次启动时自动创建", capabilities: [...CAPABILITY_IDS] });
  for (const cap of CAPABILITIES.filter((c) => c.trialCalls > 0)) {
    await claimTrialPack({ userId: user.id, capabilityId: cap.id });
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(credentialsFile(), JSON.stringify({ email: DEMO_EMAIL, password }) + "\n", { mode: 0o600 });
  return readDemoCredentials();
}

export async function readDemoCredentials(): Promise<DemoCredentials> {
  if (!fs.existsSync(credentialsFile())) {
    throw new AppError("not_found", `No demo account recorded in ${credentialsFile()} (the database was not bootstrapped by this server)`);
  }
  const { email, password } = JSON.parse(fs.readFileSync(credentialsFile(), "utf8")) as { email: string; password: string };
  const user = await getUserByEmailOrThrow({ email });
  const key = await db.accessKey.findFirst({ where: { userId: user.id, enabled: true }, orderBy: { createdAt: "asc" } });
  const app = await db.app.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  if (!key || !app) throw new AppError("not_found", "The demo user has no enabled access key or no app");
  return { email, password, accessKey: key.accessKey, secretKey: decryptSecret(key.secretKeyEnc), appKey: app.appKey };
}
