-- Data: a trainee's profile goals become tracked goals (Goal rows) before the column goes; text
-- already tracked is skipped, and beyond two active goals the rest are parked (kept, not lost).
INSERT INTO "Goal" ("id", "workspaceId", "memberId", "text", "status", "progress", "createdAt", "updatedAt")
SELECT 'pg' || lower(hex(randomblob(12))), p."workspaceId", p."memberId", trim(j."value"),
  CASE WHEN (SELECT count(*) FROM "Goal" g WHERE g."memberId" = p."memberId" AND g."status" = 'ACTIVE')
    + (SELECT count(*) FROM json_each(p."goals") k WHERE k."key" < j."key" AND k."type" = 'text' AND trim(k."value") <> '') < 2
    THEN 'ACTIVE' ELSE 'PARKED' END,
  '[]', p."updatedAt", p."updatedAt"
FROM "Profile" p, json_each(CASE WHEN json_valid(p."goals") AND json_type(p."goals") = 'array' THEN p."goals" ELSE '[]' END) j
WHERE j."type" = 'text' AND trim(j."value") <> ''
  AND NOT EXISTS (SELECT 1 FROM "Goal" g WHERE g."memberId" = p."memberId" AND lower(trim(g."text")) = lower(trim(j."value")));

-- AlterTable
ALTER TABLE "Match" ADD COLUMN "cohortName" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Profile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "careerStage" TEXT,
    "trainingYear" INTEGER,
    "specialty" TEXT,
    "subspecialty" TEXT,
    "careerPaths" JSONB NOT NULL,
    "interests" JSONB NOT NULL,
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
INSERT INTO "new_Profile" ("bio", "cadenceOffered", "capacity", "careerPaths", "careerStage", "copublishes", "createdAt", "editorialRoles", "expertise", "handsOn", "helpedGrants", "id", "interests", "meetingCadence", "meetingFormats", "memberId", "pastFellows", "priorities", "rolesOffered", "rolesWanted", "specialty", "subspecialty", "supervisorNote", "trainingYear", "updatedAt", "wantsHandsOn", "workspaceId") SELECT "bio", "cadenceOffered", "capacity", "careerPaths", "careerStage", "copublishes", "createdAt", "editorialRoles", "expertise", "handsOn", "helpedGrants", "id", "interests", "meetingCadence", "meetingFormats", "memberId", "pastFellows", "priorities", "rolesOffered", "rolesWanted", "specialty", "subspecialty", "supervisorNote", "trainingYear", "updatedAt", "wantsHandsOn", "workspaceId" FROM "Profile";
DROP TABLE "Profile";
ALTER TABLE "new_Profile" RENAME TO "Profile";
CREATE UNIQUE INDEX "Profile_memberId_key" ON "Profile"("memberId");
CREATE INDEX "Profile_workspaceId_idx" ON "Profile"("workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Data: each match remembers its trainee's cohort (by name), as reports show it.
UPDATE "Match" SET "cohortName" = (
  SELECT c."name" FROM "Enrollment" e JOIN "Cohort" c ON c."id" = e."cohortId"
  WHERE e."programId" = "Match"."programId" AND e."memberId" = "Match"."traineeId" AND e."role" = 'TRAINEE'
);
