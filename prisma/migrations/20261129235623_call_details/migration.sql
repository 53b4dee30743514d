-- Call detail (issue 12): the answer's message and details, per-image errors, stage times, and
-- records standing for several merged failures. ADD COLUMN keeps a large call log in place.
ALTER TABLE "CallRecord" ADD COLUMN "message" TEXT NOT NULL DEFAULT '';
ALTER TABLE "CallRecord" ADD COLUMN "details" TEXT NOT NULL DEFAULT '';
ALTER TABLE "CallRecord" ADD COLUMN "imageErrors" TEXT NOT NULL DEFAULT '';
ALTER TABLE "CallRecord" ADD COLUMN "stages" TEXT NOT NULL DEFAULT '';
ALTER TABLE "CallRecord" ADD COLUMN "calls" INTEGER NOT NULL DEFAULT 1;

-- A request whose every image failed (HTTP 200, statusCode 0, success 0) is now a failure:
-- take those out of the hourly rollups' successes (hours in the adapter's ISO text form, as written
-- by the call_rollups backfill; older rows may hold epoch milliseconds).
UPDATE "CallRollup" SET "successes" = "successes" - (
    SELECT COUNT(*) FROM "CallRecord" r
    WHERE r."userId" = "CallRollup"."userId" AND COALESCE(r."appId", '') = "CallRollup"."appId"
      AND r."capabilityId" = "CallRollup"."capabilityId"
      AND r."httpStatus" < 300 AND r."statusCode" = 0 AND r."successCount" = 0 AND r."failCount" > 0
      AND (CASE typeof(r."createdAt")
          WHEN 'integer' THEN strftime('%Y-%m-%dT%H:00:00.000+00:00', r."createdAt" / 1000, 'unixepoch')
          ELSE strftime('%Y-%m-%dT%H:00:00.000+00:00', r."createdAt") END) = (CASE typeof("CallRollup"."hour")
          WHEN 'integer' THEN strftime('%Y-%m-%dT%H:00:00.000+00:00', "CallRollup"."hour" / 1000, 'unixepoch')
          ELSE strftime('%Y-%m-%dT%H:00:00.000+00:00', "CallRollup"."hour") END)
)
WHERE EXISTS (
    SELECT 1 FROM "CallRecord" r
    WHERE r."userId" = "CallRollup"."userId" AND r."httpStatus" < 300 AND r."statusCode" = 0 AND r."successCount" = 0 AND r."failCount" > 0
);
