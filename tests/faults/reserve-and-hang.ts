// Child process of kill-mid-request.test.ts: a server's requests that reserved their calls and are
// "recognising" when the process is killed with SIGKILL. Usage: reserve-and-hang.ts <userId> <appId>
import { reserveQuota } from "@/lib/data/metering";

const [userId = "", appId = ""] = process.argv.slice(2);
const reserve = (calls: number, i: number) =>
  reserveQuota({ userId, appId, capabilityId: "general", requestId: `req-${i}`, clientIp: "127.0.0.1", calls, now: new Date() });

// One 50-image batch and 40 concurrent single-image calls, as in the issue.
const reservations = await Promise.all([reserve(50, 0), ...Array.from({ length: 40 }, (_, i) => reserve(1, i + 1))]);
console.log(`reserved ${reservations.filter(Boolean).length}`);
setInterval(() => {}, 60_000); // recognition that never ends: the parent kills us here
