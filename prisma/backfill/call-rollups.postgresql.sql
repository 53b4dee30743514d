-- PostgreSQL twin of the backfill in prisma/migrations/*_call_rollups (SQLite), run by
-- scripts/db/migrate.mjs after each schema push: it only writes while CallRollup is still empty.
INSERT INTO "CallRollup" ("userId", "appId", "capabilityId", "hour", "calls", "successes", "images", "charged", "latencySumMs", "requestBytes", "responseBytes",
    "latLe50", "latLe100", "latLe200", "latLe300", "latLe500", "latLe750", "latLe1000", "latLe1500", "latLe2000", "latLe3000", "latLe5000", "latLe10000", "latLe30000", "latOver30000")
SELECT "userId", COALESCE("appId", ''), "capabilityId", date_trunc('hour', "createdAt"),
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
WHERE "userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "CallRollup")
GROUP BY 1, 2, 3, 4;
