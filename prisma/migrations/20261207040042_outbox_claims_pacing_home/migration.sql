-- CreateTable
CREATE TABLE "OutboxPace" (
    "workspaceId" TEXT NOT NULL,
    "lane" TEXT NOT NULL,
    "nextAt" DATETIME NOT NULL,
    "heldFor" TEXT,

    PRIMARY KEY ("workspaceId", "lane"),
    CONSTRAINT "OutboxPace_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'MESSAGE',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME NOT NULL,
    "claimedAt" DATETIME,
    "claimedBy" TEXT,
    "sentAt" DATETIME,
    "postedChannel" TEXT,
    "postedTs" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxMessage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "channel", "claimedAt", "claimedBy", "createdAt", "id", "key", "lastError", "notBefore", "payload", "postedChannel", "postedTs", "sentAt", "status", "updatedAt", "workspaceId") SELECT "attempts", "channel", "claimedAt", "claimedBy", "createdAt", "id", "key", "lastError", "notBefore", "payload", "postedChannel", "postedTs", "sentAt", "status", "updatedAt", "workspaceId" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");
CREATE UNIQUE INDEX "OutboxMessage_workspaceId_key_key" ON "OutboxMessage"("workspaceId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

