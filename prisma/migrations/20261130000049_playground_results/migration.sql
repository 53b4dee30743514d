-- CreateTable
CREATE TABLE "PlaygroundResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "capability" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "imageMime" TEXT NOT NULL,
    "image" BLOB NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "dpi" INTEGER,
    "requestId" TEXT,
    "httpStatus" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'api',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlaygroundResult_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlaygroundResult_userId_createdAt_idx" ON "PlaygroundResult"("userId", "createdAt");
