-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Program" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "checkinCadence" TEXT NOT NULL DEFAULT 'MONTHLY',
    "announcementChannel" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "defaultCapacity" INTEGER NOT NULL DEFAULT 3,
    "vocabulary" JSONB,
    "checkinAlsoTrainee" BOOLEAN NOT NULL DEFAULT false,
    "breaks" JSONB,
    "rankingWeights" JSONB,
    "academicYearStart" TEXT NOT NULL DEFAULT '07-01',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Program_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Program" ("announcementChannel", "breaks", "checkinAlsoTrainee", "checkinCadence", "createdAt", "defaultCapacity", "description", "id", "name", "rankingWeights", "timezone", "updatedAt", "vocabulary", "workspaceId") SELECT "announcementChannel", "breaks", "checkinAlsoTrainee", "checkinCadence", "createdAt", "defaultCapacity", "description", "id", "name", "rankingWeights", "timezone", "updatedAt", "vocabulary", "workspaceId" FROM "Program";
DROP TABLE "Program";
ALTER TABLE "new_Program" RENAME TO "Program";
CREATE UNIQUE INDEX "Program_workspaceId_name_key" ON "Program"("workspaceId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

