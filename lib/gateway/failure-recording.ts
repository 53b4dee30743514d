import "server-only";

import { TokenBucket } from "@/lib/gateway/rate-limit";

// Every call whose app is known is recorded, failures included, and failures cost nothing to
// send: a bad signature needs only a known appkey, a 429 only a valid key. So uncharged failures
// are written one row each only within a rate, per app and for the whole instance; past it they
// are merged (lib/data/merged-calls.ts: one record per app, capability, status and interval),
// which bounds the database writes a flood can cause while the charts still count every call.

/** Per app: a burst of 100 failure records, then 2 per second. */
const PER_APP = { burst: 100, perSecond: 2 };
/** Per instance, all apps together: a burst of 1000, then 200 per second. */
const PER_INSTANCE = { burst: 1000, perSecond: 200 };
/** Buckets of apps idle this long are full again and are forgotten. */
const IDLE_MS = PER_APP.burst * (1000 / PER_APP.perSecond);

export interface FailureRecordBudget {
  /** True when this app's failed call may be written as its own record now. */
  take(appId: string): boolean;
}

export function failureRecordBudget(clock: () => number = Date.now): FailureRecordBudget {
  const apps = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  const instance = new TokenBucket(PER_INSTANCE.burst, clock(), PER_INSTANCE.perSecond);
  let prunedAt = clock();
  return {
    take(appId) {
      const now = clock();
      if (now - prunedAt > IDLE_MS) {
        for (const [id, entry] of apps) if (now - entry.usedAt > IDLE_MS) apps.delete(id);
        prunedAt = now;
      }
      let entry = apps.get(appId);
      if (!entry) {
        entry = { bucket: new TokenBucket(PER_APP.burst, now, PER_APP.perSecond), usedAt: now };
        apps.set(appId, entry);
      }
      entry.usedAt = now;
      // The app's own bucket first: a flood on one app must not spend the others' share.
      return entry.bucket.take(now).ok && instance.take(now).ok;
    },
  };
}

// Kept on globalThis so dev-mode module reloads keep the buckets.
const globalBudget = globalThis as unknown as { failureRecordBudget?: FailureRecordBudget };
export const failureRecords = (globalBudget.failureRecordBudget ??= failureRecordBudget());
