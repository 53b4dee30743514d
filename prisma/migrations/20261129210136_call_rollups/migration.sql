-- DropIndex
DROP INDEX "CallRecord_userId_createdAt_idx";

-- DropIndex
DROP INDEX "CallRecord_appId_createdAt_idx";

-- CreateTable
CREATE TABLE "CallRollup" (
    "userId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "capabilityId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "successes" INTEGER NOT NULL DEFAULT 0,
    "images" INTEGER NOT NULL DEFAULT 0,
    "charged" INTEGER NOT NULL DEFAULT 0,
    "latencySumMs" BIGINT NOT NULL DEFAULT 0,
    "requestBytes" BIGINT NOT NULL DEFAULT 0,
    "responseBytes" BIGINT NOT NULL DEFAULT 0,
    "latLe50" INTEGER NOT NULL DEFAULT 0,
    "latLe100" INTEGER NOT NULL DEFAULT 0,
    "latLe200" INTEGER NOT NULL DEFAULT 0,
    "latLe300" INTEGER NOT NULL DEFAULT 0,
    "latLe500" INTEGER NOT NULL DEFAULT 0,
    "latLe750" INTEGER NOT NULL DEFAULT 0,
    "latLe1000" INTEGER NOT NULL DEFAULT 0,
    "latLe1500" INTEGER NOT NULL DEFAULT 0,
    "latLe2000" INTEGER NOT NULL DEFAULT 0,
    "latLe3000" INTEGER NOT NULL DEFAULT 0,
    "latLe5000" INTEGER NOT NULL DEFAULT 0,
    "latLe10000" INTEGER NOT NULL DEFAULT 0,
    "latLe30000" INTEGER NOT NULL DEFAULT 0,
    "latOver30000" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "hour", "appId", "capabilityId"),
    CONSTRAINT "CallRollup_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CallRollup_hour_idx" ON "CallRollup"("hour");

-- CreateIndex
CREATE INDEX "CallRecord_appId_createdAt_id_idx" ON "CallRecord"("appId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "CallRecord_userId_createdAt_id_idx" ON "CallRecord"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "CallRecord_createdAt_idx" ON "CallRecord"("createdAt");

-- Backfill: the rollups of the call records already there, so an upgraded install keeps its charts.
-- Hours are written in the adapter's ISO text form (older rows may hold epoch milliseconds).
INSERT INTO "CallRollup" ("userId", "appId", "capabilityId", "hour", "calls", "successes", "images", "charged", "latencySumMs", "requestBytes", "responseBytes",
    "latLe50", "latLe100", "latLe200", "latLe300", "latLe500", "latLe750", "latLe1000", "latLe1500", "latLe2000", "latLe3000", "latLe5000", "latLe10000", "latLe30000", "latOver30000")
SELECT "userId", COALESCE("appId", ''), "capabilityId", CASE typeof("createdAt")
        WHEN 'integer' THEN strftime('%Y-%m-%dT%H:00:00.000+00:00', "createdAt" / 1000, 'unixepoch')
        ELSE strftime('%Y-%m-%dT%H:00:00.000+00:00', "createdAt") END,
    COUNT(*), SUM(CASE WHEN "httpStatus" < 300 AND "statusCode" = 0 THEN 1 ELSE 0 END), SUM("imageCount"), SUM("charged"),
    SUM("latencyMs"), SUM("requestBytes"), SUM("responseBytes"),
    SUM(CASE WHEN "latencyMs" <= 50 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 50 AND "latencyMs" <= 100 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 100 AND "latencyMs" <= 200 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 200 AND "latencyMs" <= 300 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 300 AND "latencyMs" <= 500 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 500 AND "latencyMs" <= 750 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 750 AND "latencyMs" <= 1000 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 1000 AND "latencyMs" <= 1500 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 1500 AND "latencyMs" <= 2000 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 2000 AND "latencyMs" <= 3000 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 3000 AND "latencyMs" <= 5000 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 5000 AND "latencyMs" <= 10000 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 10000 AND "latencyMs" <= 30000 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "latencyMs" > 30000 THEN 1 ELSE 0 END)
FROM "CallRecord"
WHERE "userId" IS NOT NULL
GROUP BY 1, 2, 3, 4;
