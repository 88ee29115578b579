-- AlterTable
ALTER TABLE "Match" ADD COLUMN "agenda" TEXT;
ALTER TABLE "Match" ADD COLUMN "agendaSetAt" DATETIME;

-- AlterTable
ALTER TABLE "Checkin" ADD COLUMN "escalatedAt" DATETIME;

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cohortId" TEXT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "schedule" TEXT,
    "nextRunAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Round_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "scheduledFor" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "rankDeadline" DATETIME,
    "proposal" JSONB,
    "approvedAt" DATETIME,
    "approvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoundRun_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundSkip" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoundSkip_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RoundRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundRanking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "ranks" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoundRanking_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RoundRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "memberIds" JSONB NOT NULL,
    "slot" INTEGER NOT NULL DEFAULT 0,
    "matchId" TEXT,
    "introChannelId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoundGroup_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RoundRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cohortIds" JSONB NOT NULL,
    "channelId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "notifyEveryone" BOOLEAN NOT NULL DEFAULT false,
    "alsoDm" BOOLEAN NOT NULL DEFAULT false,
    "postAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "postedAt" DATETIME,
    "postedChannel" TEXT,
    "postedTs" TEXT,
    "createdById" TEXT NOT NULL,
    "editedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Announcement_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Thanks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "shoutOut" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Thanks_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thanks_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Round_workspaceId_idx" ON "Round"("workspaceId");

-- CreateIndex
CREATE INDEX "Round_status_nextRunAt_idx" ON "Round"("status", "nextRunAt");

-- CreateIndex
CREATE INDEX "RoundRun_workspaceId_status_idx" ON "RoundRun"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RoundRun_roundId_scheduledFor_key" ON "RoundRun"("roundId", "scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "RoundSkip_runId_memberId_key" ON "RoundSkip"("runId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "RoundRanking_runId_memberId_key" ON "RoundRanking"("runId", "memberId");

-- CreateIndex
CREATE INDEX "RoundGroup_workspaceId_idx" ON "RoundGroup"("workspaceId");

-- CreateIndex
CREATE INDEX "RoundGroup_runId_idx" ON "RoundGroup"("runId");

-- CreateIndex
CREATE INDEX "Announcement_workspaceId_status_idx" ON "Announcement"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "Announcement_status_postAt_idx" ON "Announcement"("status", "postAt");

-- CreateIndex
CREATE INDEX "Thanks_workspaceId_toId_idx" ON "Thanks"("workspaceId", "toId");

