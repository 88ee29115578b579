-- CreateTable
CREATE TABLE "SurveySettings" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveySettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" TEXT NOT NULL,
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
    "sentAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "answered" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cohortName" TEXT,
    "mentorId" TEXT,
    "kind" TEXT NOT NULL,
    "milestone" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "answers" JSONB NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
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

