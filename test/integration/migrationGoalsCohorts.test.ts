import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, migrationsDirFor } from "../../src/store/migrator.js";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases.js";
import { withRawSql } from "../support/rawSql.js";

/** The migration that moves profile goals into tracked goals and gives matches their trainee's cohort. */
const MIGRATION = "full_requests_match_cohort_tracked_goals";

describe.each(testProviders)("migrating a database with profile goals and cohorts on %s", (provider) => {
  let database: TestDatabase;
  let before: string;

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    // Every migration before this one, as an existing install has them.
    const all = migrationsDirFor(provider);
    before = mkdtempSync(path.join(os.tmpdir(), "rounds-before-"));
    for (const name of readdirSync(all, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name < readdirSync(all).find((n) => n.endsWith(MIGRATION))!)) {
      cpSync(path.join(all, name.name), path.join(before, name.name), { recursive: true });
    }
    await migrate(database.url, { migrationsDir: before });
  });

  afterEach(async () => {
    await database.drop();
    rmSync(before, { recursive: true, force: true });
  });

  it("turns each profile's goals into tracked goals (at most two active, tracked ones not doubled) and records each match's cohort", async () => {
    const at = provider === "sqlite" ? "2026-10-01T09:00:00.000+00:00" : new Date("2026-10-01T09:00:00Z");
    const json = provider === "sqlite" ? "?" : "?::jsonb";
    await withRawSql(database.url, async (sql) => {
      await sql.exec(`INSERT INTO "Workspace" ("id", "updatedAt") VALUES ('T', ?)`, [at]);
      await sql.exec(`INSERT INTO "Program" ("id", "workspaceId", "name", "updatedAt") VALUES ('p', 'T', 'Heme', ?)`, [at]);
      await sql.exec(`INSERT INTO "Cohort" ("id", "workspaceId", "programId", "name", "updatedAt") VALUES ('c', 'T', 'p', '2026–27 Fellows', ?)`, [at]);
      for (const id of ["tara", "uma", "nora"]) {
        await sql.exec(`INSERT INTO "Member" ("id", "workspaceId", "slackUserId", "name", "refreshedAt", "updatedAt") VALUES (?, 'T', ?, ?, ?, ?)`, [id, `U-${id}`, id, at, at]);
      }
      await sql.exec(`INSERT INTO "Enrollment" ("id", "workspaceId", "programId", "memberId", "role", "cohortId", "updatedAt") VALUES ('e1', 'T', 'p', 'tara', 'TRAINEE', 'c', ?)`, [at]);
      await sql.exec(`INSERT INTO "Enrollment" ("id", "workspaceId", "programId", "memberId", "role", "updatedAt") VALUES ('e2', 'T', 'p', 'nora', 'MENTOR', ?)`, [at]);
      const profile = (id: string, goals: unknown) =>
        sql.exec(
          `INSERT INTO "Profile" ("id", "workspaceId", "memberId", "careerPaths", "interests", "goals", "priorities", "rolesWanted", "meetingFormats", "expertise", "rolesOffered", "updatedAt")
           VALUES (?, 'T', ?, ${json}, ${json}, ${json}, ${json}, ${json}, ${json}, ${json}, ${json}, ?)`,
          [`pr-${id}`, id, "[]", "[]", JSON.stringify(goals), "[]", "[]", "[]", "[]", "[]", at],
        );
      await profile("tara", ["Win a K award", "  ", "Publish my first paper"]);
      await profile("uma", ["Learn R", "Present at ASH", "Pass boards"]);
      await profile("nora", "not a list");
      // Uma already tracks "Learn R" (active): it is not doubled, and only one more goal can be active.
      await sql.exec(`INSERT INTO "Goal" ("id", "workspaceId", "memberId", "text", "status", "progress", "updatedAt") VALUES ('g0', 'T', 'uma', 'learn r', 'ACTIVE', ${json}, ?)`, ["[]", at]);
      await sql.exec(`INSERT INTO "Match" ("id", "workspaceId", "programId", "traineeId", "mentorId", "role", "startedAt", "updatedAt") VALUES ('m1', 'T', 'p', 'tara', 'nora', 'mentor', ?, ?)`, [at, at]);
    });

    await migrate(database.url);

    await withRawSql(database.url, async (sql) => {
      const goals = await sql.all<{ memberId: string; text: string; status: string }>(`SELECT "memberId", "text", "status" FROM "Goal" ORDER BY "memberId", "text"`);
      expect(goals).toEqual([
        { memberId: "tara", text: "Publish my first paper", status: "ACTIVE" },
        { memberId: "tara", text: "Win a K award", status: "ACTIVE" },
        { memberId: "uma", text: "Pass boards", status: "PARKED" },
        { memberId: "uma", text: "Present at ASH", status: "PARKED" },
        { memberId: "uma", text: "learn r", status: "ACTIVE" },
      ]);
      expect(await sql.all(`SELECT "cohortName" FROM "Match"`)).toEqual([{ cohortName: "2026–27 Fellows" }]);
      const columns = provider === "sqlite" ? (await sql.all<{ name: string }>(`PRAGMA table_info("Profile")`)).map((c) => c.name) : (await sql.all<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'Profile'`)).map((c) => c.name);
      expect(columns).not.toContain("goals");
    });
  });
});
