import fs from "node:fs";
import path from "node:path";

import { admin } from "./fixtures/admin";

export interface E2eApiAuth {
  baseURL: string;
  email: string;
  password: string;
  accessKey: string;
  secretKey: string;
  appKey: string;
}

export const API_AUTH_FILE = path.resolve("e2e/.auth/api.json");

// The server bootstrapped a demo account on its fresh database; hand its credentials to the specs.
export default async function globalSetup() {
  const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? "data/e2e");
  if (!dataDir.startsWith(path.resolve("data"))) throw new Error(`Refusing to run e2e against ${dataDir}: not a local data directory`);
  const creds = admin<Omit<E2eApiAuth, "baseURL">>("demo-credentials");
  const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  fs.mkdirSync(path.dirname(API_AUTH_FILE), { recursive: true });
  fs.writeFileSync(API_AUTH_FILE, JSON.stringify({ baseURL, ...creds }, null, 2));
}
