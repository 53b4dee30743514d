-- CreateTable
CREATE TABLE "QuotaReservation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "appId" TEXT,
    "capabilityId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "clientIp" TEXT NOT NULL DEFAULT '',
    "imageCount" INTEGER NOT NULL,
    "parts" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuotaReservation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuotaReservation_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CallRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "appId" TEXT,
    "capabilityId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "latencyMs" INTEGER NOT NULL,
    "requestBytes" INTEGER NOT NULL,
    "responseBytes" INTEGER NOT NULL,
    "imageCount" INTEGER NOT NULL,
    "successCount" INTEGER NOT NULL,
    "failCount" INTEGER NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "charged" INTEGER NOT NULL DEFAULT 0,
    "clientIp" TEXT NOT NULL DEFAULT '',
    "reservationId" TEXT,
    "settlement" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CallRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallRecord_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CallRecord" ("appId", "capabilityId", "charged", "clientIp", "createdAt", "failCount", "httpStatus", "id", "imageCount", "latencyMs", "requestBytes", "requestId", "responseBytes", "statusCode", "successCount", "userId") SELECT "appId", "capabilityId", "charged", "clientIp", "createdAt", "failCount", "httpStatus", "id", "imageCount", "latencyMs", "requestBytes", "requestId", "responseBytes", "statusCode", "successCount", "userId" FROM "CallRecord";
DROP TABLE "CallRecord";
ALTER TABLE "new_CallRecord" RENAME TO "CallRecord";
CREATE UNIQUE INDEX "CallRecord_reservationId_key" ON "CallRecord"("reservationId");
CREATE INDEX "CallRecord_appId_createdAt_idx" ON "CallRecord"("appId", "createdAt");
CREATE INDEX "CallRecord_userId_createdAt_idx" ON "CallRecord"("userId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QuotaReservation_createdAt_idx" ON "QuotaReservation"("createdAt");

-- CreateIndex
CREATE INDEX "QuotaReservation_instance_createdAt_idx" ON "QuotaReservation"("instance", "createdAt");
