-- CreateTable
CREATE TABLE "DashboardPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "endKey" TEXT NOT NULL,
    "start" DATETIME NOT NULL,
    "end" DATETIME NOT NULL,
    "meetingsReported" INTEGER NOT NULL,
    "checkinsSent" INTEGER NOT NULL,
    "checkinsAnswered" INTEGER NOT NULL,
    "computedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DashboardVersion" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
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

