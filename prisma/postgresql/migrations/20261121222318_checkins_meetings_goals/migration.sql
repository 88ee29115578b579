-- CreateEnum
CREATE TYPE "CheckinAnswer" AS ENUM ('MET', 'SCHEDULED', 'NOT_YET', 'NEED_HELP');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'PARKED', 'DONE');

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "breaks" JSONB,
ADD COLUMN     "checkinAlsoTrainee" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Match" ADD COLUMN     "endNote" TEXT,
ADD COLUMN     "endedById" TEXT,
ADD COLUMN     "introChannelId" TEXT;

-- CreateTable
CREATE TABLE "Checkin" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "answer" "CheckinAnswer",
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "reminderSentAt" TIMESTAMP(3),
    "messageChannel" TEXT,
    "messageTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Checkin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "loggedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "progress" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Checkin_workspaceId_idx" ON "Checkin"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Checkin_matchId_periodKey_recipient_key" ON "Checkin"("matchId", "periodKey", "recipient");

-- CreateIndex
CREATE INDEX "Meeting_workspaceId_matchId_idx" ON "Meeting"("workspaceId", "matchId");

-- CreateIndex
CREATE INDEX "Goal_workspaceId_memberId_status_idx" ON "Goal"("workspaceId", "memberId", "status");

-- AddForeignKey
ALTER TABLE "Checkin" ADD CONSTRAINT "Checkin_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

