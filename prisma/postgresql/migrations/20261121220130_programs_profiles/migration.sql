-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "directorGrantedAt" TIMESTAMP(3),
ADD COLUMN     "directorGrantedBy" TEXT,
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "pausedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "vocabulary" JSONB;

-- CreateTable
CREATE TABLE "Profile" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Profile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Exclusion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "excludedId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Exclusion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Profile_memberId_key" ON "Profile"("memberId");

-- CreateIndex
CREATE INDEX "Profile_workspaceId_idx" ON "Profile"("workspaceId");

-- CreateIndex
CREATE INDEX "Exclusion_workspaceId_idx" ON "Exclusion"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Exclusion_memberId_excludedId_key" ON "Exclusion"("memberId", "excludedId");

-- AddForeignKey
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exclusion" ADD CONSTRAINT "Exclusion_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exclusion" ADD CONSTRAINT "Exclusion_excludedId_fkey" FOREIGN KEY ("excludedId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

