-- CreateEnum
CREATE TYPE "RoundKind" AS ENUM ('MENTOR_MATCH', 'STABLE', 'ROTATION', 'SPEED');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('ACTIVE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RoundRunStatus" AS ENUM ('NOTICED', 'RANKING', 'PREVIEW', 'APPROVED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "AnnouncementStatus" AS ENUM ('SCHEDULED', 'POSTED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Match" ADD COLUMN     "agenda" TEXT,
ADD COLUMN     "agendaSetAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Checkin" ADD COLUMN     "escalatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cohortId" TEXT,
    "name" TEXT NOT NULL,
    "kind" "RoundKind" NOT NULL,
    "options" JSONB NOT NULL,
    "schedule" TEXT,
    "nextRunAt" TIMESTAMP(3),
    "status" "RoundStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "status" "RoundRunStatus" NOT NULL,
    "rankDeadline" TIMESTAMP(3),
    "proposal" JSONB,
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundSkip" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundSkip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundRanking" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "ranks" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundRanking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundGroup" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "memberIds" JSONB NOT NULL,
    "slot" INTEGER NOT NULL DEFAULT 0,
    "matchId" TEXT,
    "introChannelId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cohortIds" JSONB NOT NULL,
    "channelId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "notifyEveryone" BOOLEAN NOT NULL DEFAULT false,
    "alsoDm" BOOLEAN NOT NULL DEFAULT false,
    "postAt" TIMESTAMP(3) NOT NULL,
    "status" "AnnouncementStatus" NOT NULL DEFAULT 'SCHEDULED',
    "postedAt" TIMESTAMP(3),
    "postedChannel" TEXT,
    "postedTs" TEXT,
    "createdById" TEXT NOT NULL,
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Thanks" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "shoutOut" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Thanks_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundRun" ADD CONSTRAINT "RoundRun_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSkip" ADD CONSTRAINT "RoundSkip_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RoundRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundRanking" ADD CONSTRAINT "RoundRanking_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RoundRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundGroup" ADD CONSTRAINT "RoundGroup_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RoundRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thanks" ADD CONSTRAINT "Thanks_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thanks" ADD CONSTRAINT "Thanks_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

