-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'ALUMNUS';

-- CreateTable
CREATE TABLE "YearClose" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "graduatedCohortId" TEXT,
    "graduatedCohortName" TEXT,
    "closedBy" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL,
    "summary" JSONB NOT NULL,

    CONSTRAINT "YearClose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YearAnswer" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YearAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlumnusInvite" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "AlumnusInvite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "YearClose_workspaceId_idx" ON "YearClose"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "YearClose_programId_startYear_key" ON "YearClose"("programId", "startYear");

-- CreateIndex
CREATE INDEX "YearAnswer_workspaceId_programId_startYear_idx" ON "YearAnswer"("workspaceId", "programId", "startYear");

-- CreateIndex
CREATE UNIQUE INDEX "YearAnswer_matchId_memberId_startYear_key" ON "YearAnswer"("matchId", "memberId", "startYear");

-- CreateIndex
CREATE INDEX "AlumnusInvite_workspaceId_programId_startYear_idx" ON "AlumnusInvite"("workspaceId", "programId", "startYear");

-- CreateIndex
CREATE UNIQUE INDEX "AlumnusInvite_programId_memberId_key" ON "AlumnusInvite"("programId", "memberId");

