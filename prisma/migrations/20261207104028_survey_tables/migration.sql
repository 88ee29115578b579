-- CreateTable
CREATE TABLE "SurveySettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "milestone" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "matchId" TEXT,
    "memberId" TEXT NOT NULL,
    "cohortName" TEXT,
    "mentorId" TEXT,
    "key" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "remindedAt" DATETIME,
    "answered" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cohortName" TEXT,
    "mentorId" TEXT,
    "kind" TEXT NOT NULL,
    "milestone" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "answers" JSONB NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveySettings_programId_key" ON "SurveySettings"("programId");

-- CreateIndex
CREATE INDEX "SurveySettings_workspaceId_idx" ON "SurveySettings"("workspaceId");

-- CreateIndex
CREATE INDEX "SurveyInvitation_workspaceId_programId_idx" ON "SurveyInvitation"("workspaceId", "programId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_workspaceId_key_key" ON "SurveyInvitation"("workspaceId", "key");

-- CreateIndex
CREATE INDEX "SurveyResponse_workspaceId_programId_kind_idx" ON "SurveyResponse"("workspaceId", "programId", "kind");

