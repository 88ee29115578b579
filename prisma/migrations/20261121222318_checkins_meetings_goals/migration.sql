-- AlterTable
ALTER TABLE "Match" ADD COLUMN "endNote" TEXT;
ALTER TABLE "Match" ADD COLUMN "endedById" TEXT;
ALTER TABLE "Match" ADD COLUMN "introChannelId" TEXT;

-- CreateTable
CREATE TABLE "Checkin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "sentAt" DATETIME,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "answeredById" TEXT,
    "reminderSentAt" DATETIME,
    "messageChannel" TEXT,
    "messageTs" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Checkin_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "loggedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "progress" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Goal_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Program" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "checkinCadence" TEXT NOT NULL DEFAULT 'MONTHLY',
    "announcementChannel" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "defaultCapacity" INTEGER NOT NULL DEFAULT 3,
    "vocabulary" JSONB,
    "checkinAlsoTrainee" BOOLEAN NOT NULL DEFAULT false,
    "breaks" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Program_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Program" ("announcementChannel", "checkinCadence", "createdAt", "defaultCapacity", "description", "id", "name", "timezone", "updatedAt", "vocabulary", "workspaceId") SELECT "announcementChannel", "checkinCadence", "createdAt", "defaultCapacity", "description", "id", "name", "timezone", "updatedAt", "vocabulary", "workspaceId" FROM "Program";
DROP TABLE "Program";
ALTER TABLE "new_Program" RENAME TO "Program";
CREATE UNIQUE INDEX "Program_workspaceId_name_key" ON "Program"("workspaceId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Checkin_workspaceId_idx" ON "Checkin"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Checkin_matchId_periodKey_recipient_key" ON "Checkin"("matchId", "periodKey", "recipient");

-- CreateIndex
CREATE INDEX "Meeting_workspaceId_matchId_idx" ON "Meeting"("workspaceId", "matchId");

-- CreateIndex
CREATE INDEX "Goal_workspaceId_memberId_status_idx" ON "Goal"("workspaceId", "memberId", "status");

