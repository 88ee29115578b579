-- AlterTable
ALTER TABLE "Member" ADD COLUMN "directorGrantedAt" DATETIME;
ALTER TABLE "Member" ADD COLUMN "directorGrantedBy" TEXT;
ALTER TABLE "Member" ADD COLUMN "erasedAt" DATETIME;
ALTER TABLE "Member" ADD COLUMN "pausedAt" DATETIME;
ALTER TABLE "Member" ADD COLUMN "pausedUntil" DATETIME;

-- AlterTable
ALTER TABLE "Program" ADD COLUMN "vocabulary" JSONB;

-- CreateTable
CREATE TABLE "Profile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "careerStage" TEXT,
    "trainingYear" INTEGER,
    "specialty" TEXT,
    "subspecialty" TEXT,
    "careerPaths" JSONB NOT NULL,
    "interests" JSONB NOT NULL,
    "goals" JSONB NOT NULL,
    "priorities" JSONB NOT NULL,
    "rolesWanted" JSONB NOT NULL,
    "meetingCadence" TEXT,
    "meetingFormats" JSONB NOT NULL,
    "wantsHandsOn" BOOLEAN,
    "expertise" JSONB NOT NULL,
    "rolesOffered" JSONB NOT NULL,
    "capacity" INTEGER,
    "handsOn" BOOLEAN,
    "supervisorNote" TEXT,
    "cadenceOffered" TEXT,
    "helpedGrants" BOOLEAN,
    "copublishes" BOOLEAN,
    "editorialRoles" TEXT,
    "pastFellows" TEXT,
    "bio" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Profile_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Exclusion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "excludedId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Exclusion_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Exclusion_excludedId_fkey" FOREIGN KEY ("excludedId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Profile_memberId_key" ON "Profile"("memberId");

-- CreateIndex
CREATE INDEX "Profile_workspaceId_idx" ON "Profile"("workspaceId");

-- CreateIndex
CREATE INDEX "Exclusion_workspaceId_idx" ON "Exclusion"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Exclusion_memberId_excludedId_key" ON "Exclusion"("memberId", "excludedId");

