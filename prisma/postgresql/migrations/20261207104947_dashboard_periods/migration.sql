-- CreateTable
CREATE TABLE "DashboardPeriod" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "timezone" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "endKey" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3) NOT NULL,
    "meetingsReported" INTEGER NOT NULL,
    "checkinsSent" INTEGER NOT NULL,
    "checkinsAnswered" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DashboardPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashboardVersion" (
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashboardVersion_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "DashboardPeriod_workspaceId_programId_cadence_timezone_key_key" ON "DashboardPeriod"("workspaceId", "programId", "cadence", "timezone", "key");

-- CreateIndex
CREATE INDEX "Checkin_workspaceId_sentAt_idx" ON "Checkin"("workspaceId", "sentAt");

-- CreateIndex
CREATE INDEX "Checkin_workspaceId_answer_answeredAt_idx" ON "Checkin"("workspaceId", "answer", "answeredAt");

-- CreateIndex
CREATE INDEX "Checkin_matchId_answer_answeredAt_idx" ON "Checkin"("matchId", "answer", "answeredAt");

-- CreateIndex
CREATE INDEX "Meeting_workspaceId_date_idx" ON "Meeting"("workspaceId", "date");

-- CreateIndex
CREATE INDEX "Meeting_matchId_date_idx" ON "Meeting"("matchId", "date");

