-- CreateTable
CREATE TABLE "RoundTableSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "rotations" INTEGER NOT NULL,
    "minutesPerRotation" INTEGER NOT NULL,
    "tableSize" INTEGER NOT NULL,
    "choiceDeadline" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "seatedAt" DATETIME,
    "followedUpAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RoundTableHost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "careerPath" TEXT NOT NULL,
    CONSTRAINT "RoundTableHost_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RoundTableSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundTableChoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "paths" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoundTableChoice_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RoundTableSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundTableSeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "rotation" INTEGER NOT NULL,
    CONSTRAINT "RoundTableSeat_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RoundTableSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundTableSeat_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "RoundTableHost" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RoundTableSession_workspaceId_programId_idx" ON "RoundTableSession"("workspaceId", "programId");

-- CreateIndex
CREATE INDEX "RoundTableSession_seatedAt_choiceDeadline_idx" ON "RoundTableSession"("seatedAt", "choiceDeadline");

-- CreateIndex
CREATE INDEX "RoundTableHost_workspaceId_idx" ON "RoundTableHost"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "RoundTableHost_sessionId_memberId_key" ON "RoundTableHost"("sessionId", "memberId");

-- CreateIndex
CREATE INDEX "RoundTableChoice_workspaceId_idx" ON "RoundTableChoice"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "RoundTableChoice_sessionId_memberId_key" ON "RoundTableChoice"("sessionId", "memberId");

-- CreateIndex
CREATE INDEX "RoundTableSeat_workspaceId_idx" ON "RoundTableSeat"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "RoundTableSeat_sessionId_rotation_memberId_key" ON "RoundTableSeat"("sessionId", "rotation", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "RoundTableSeat_sessionId_hostId_memberId_key" ON "RoundTableSeat"("sessionId", "hostId", "memberId");

