-- Data: a trainee's profile goals become tracked goals (Goal rows) before the column goes; text
-- already tracked is skipped, and beyond two active goals the rest are parked (kept, not lost).
INSERT INTO "Goal" ("id", "workspaceId", "memberId", "text", "status", "progress", "createdAt", "updatedAt")
SELECT 'pg' || md5(p."id" || ':' || j.ord::text), p."workspaceId", p."memberId", btrim(j.elem #>> '{}'),
  (CASE WHEN (SELECT count(*) FROM "Goal" g WHERE g."memberId" = p."memberId" AND g."status" = 'ACTIVE')
    + (SELECT count(*) FROM jsonb_array_elements(p."goals") WITH ORDINALITY AS k(elem, ord) WHERE k.ord < j.ord AND jsonb_typeof(k.elem) = 'string' AND btrim(k.elem #>> '{}') <> '') < 2
    THEN 'ACTIVE' ELSE 'PARKED' END)::"GoalStatus",
  '[]'::jsonb, p."updatedAt", p."updatedAt"
FROM "Profile" p
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(p."goals") = 'array' THEN p."goals" ELSE '[]'::jsonb END) WITH ORDINALITY AS j(elem, ord)
WHERE jsonb_typeof(j.elem) = 'string' AND btrim(j.elem #>> '{}') <> ''
  AND NOT EXISTS (SELECT 1 FROM "Goal" g WHERE g."memberId" = p."memberId" AND lower(btrim(g."text")) = lower(btrim(j.elem #>> '{}')));

-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'MENTOR_FULL';

-- AlterTable
ALTER TABLE "Profile" DROP COLUMN "goals";

-- AlterTable
ALTER TABLE "Match" ADD COLUMN     "cohortName" TEXT;

-- Data: each match remembers its trainee's cohort (by name), as reports show it.
UPDATE "Match" SET "cohortName" = (
  SELECT c."name" FROM "Enrollment" e JOIN "Cohort" c ON c."id" = e."cohortId"
  WHERE e."programId" = "Match"."programId" AND e."memberId" = "Match"."traineeId" AND e."role" = 'TRAINEE'
);
