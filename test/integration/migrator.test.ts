import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  MigrationChecksumChanged,
  MigrationFailed,
  MigrationLeftUnfinished,
  migrate,
} from "../../src/store/migrator.js";
import { sqliteFilePath } from "../../src/store/provider.js";
import { projectRoot } from "../support/appProcess.js";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases.js";
import { tableNames, withRawSql } from "../support/rawSql.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  logs: string | null;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: number;
}

/** The project's migrations for a provider, read the way Prisma reads them: name and sha256 of migration.sql. */
function projectMigrations(provider: string): { name: string; checksum: string }[] {
  const dir = path.join(projectRoot, provider === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      checksum: createHash("sha256").update(readFileSync(path.join(dir, name, "migration.sql"))).digest("hex"),
    }));
}

describe.each(testProviders)("the start-up migrator on %s", (provider) => {
  let database: TestDatabase;
  let scratch: string;

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    scratch = mkdtempSync(path.join(os.tmpdir(), "rounds-migrations-"));
  });

  afterEach(async () => {
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const rows = () =>
    withRawSql(database.url, (sql) =>
      sql.all<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`),
    );
  const tables = () => withRawSql(database.url, (sql) => tableNames(sql, provider));

  /** Writes FOLDER/migration.sql into the scratch migrations folder. */
  const writeMigration = (name: string, sql: string) => {
    mkdirSync(path.join(scratch, name), { recursive: true });
    writeFileSync(path.join(scratch, name, "migration.sql"), sql);
  };

  it("applies every project migration to an empty database and records each as prisma migrate deploy does", async () => {
    const expected = projectMigrations(provider);
    expect(expected.length).toBeGreaterThan(0);

    const result = await migrate(database.url);

    expect(result).toEqual({ provider, applied: expected.map((m) => m.name), alreadyApplied: 0 });
    const recorded = await rows();
    expect(recorded.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(expected);
    for (const row of recorded) {
      expect(row.id).toMatch(UUID);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.started_at).not.toBeNull();
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
      if (provider === "sqlite") {
        // Prisma's own timestamp text in SQLite, e.g. 2026-11-21T21:56:24.550+00:00
        expect(String(row.started_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
        expect(String(row.finished_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      } else {
        expect(row.started_at).toBeInstanceOf(Date);
        expect(row.finished_at).toBeInstanceOf(Date);
      }
    }
    expect(await tables()).toEqual(
      expect.arrayContaining(["Workspace", "Member", "Program", "Profile", "JobLease", "JobRun", "OutboxMessage"]),
    );
  });

  it("a second run applies nothing and records nothing new", async () => {
    await migrate(database.url);
    const before = await rows();

    const again = await migrate(database.url);

    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(projectMigrations(provider).length);
    expect(await rows()).toEqual(before);
  });

  it("applies only the migrations added since the last run", async () => {
    writeMigration("20260101000000_first", `CREATE TABLE "First" ("id" INTEGER NOT NULL PRIMARY KEY);`);
    await migrate(database.url, { migrationsDir: scratch });
    writeMigration("20260102000000_second", `CREATE TABLE "Second" ("id" INTEGER NOT NULL PRIMARY KEY);`);

    const result = await migrate(database.url, { migrationsDir: scratch });

    expect(result.applied).toEqual(["20260102000000_second"]);
    expect(result.alreadyApplied).toBe(1);
    expect(await tables()).toEqual(["First", "Second"]);
  });

  it("refuses an applied migration whose migration.sql changed, and applies nothing further", async () => {
    writeMigration("20260101000000_first", `CREATE TABLE "First" ("id" INTEGER NOT NULL PRIMARY KEY);`);
    await migrate(database.url, { migrationsDir: scratch });
    writeMigration("20260101000000_first", `CREATE TABLE "First" ("id" INTEGER NOT NULL PRIMARY KEY, "x" TEXT);`);
    writeMigration("20260102000000_second", `CREATE TABLE "Second" ("id" INTEGER NOT NULL PRIMARY KEY);`);

    const error = await migrate(database.url, { migrationsDir: scratch }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationChecksumChanged);
    expect((error as MigrationChecksumChanged).migration).toBe("20260101000000_first");
    expect((error as Error).message).toContain("npm run db:migration -- NAME");
    expect(await tables()).toEqual(["First"]);
    expect((await rows()).map((r) => r.migration_name)).toEqual(["20260101000000_first"]);
  });

  it("rolls back a failing migration completely, records no row for it, and stops there", async () => {
    writeMigration("20260101000000_good", `CREATE TABLE "Good" ("id" INTEGER NOT NULL PRIMARY KEY);`);
    writeMigration(
      "20260102000000_bad",
      `CREATE TABLE "Partial" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" ("id") VALUES (1);\n`,
    );
    writeMigration("20260103000000_after", `CREATE TABLE "After" ("id" INTEGER NOT NULL PRIMARY KEY);`);

    const error = await migrate(database.url, { migrationsDir: scratch }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationFailed);
    expect((error as MigrationFailed).migration).toBe("20260102000000_bad");
    expect((error as Error).message).toContain("NoSuchTable");
    expect(await tables()).toEqual(["Good"]);
    expect((await rows()).map((r) => r.migration_name)).toEqual(["20260101000000_good"]);
  });

  it("applies a failed migration once it is fixed, with the checksum of the fixed file", async () => {
    writeMigration("20260102000000_bad", `CREATE TABLE "Partial" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" ("id") VALUES (1);`);
    await expect(migrate(database.url, { migrationsDir: scratch })).rejects.toBeInstanceOf(MigrationFailed);
    const fixed = `CREATE TABLE "Partial" ("id" INTEGER NOT NULL PRIMARY KEY);`;
    writeMigration("20260102000000_bad", fixed);

    const result = await migrate(database.url, { migrationsDir: scratch });

    expect(result.applied).toEqual(["20260102000000_bad"]);
    expect(await tables()).toEqual(["Partial"]);
    expect((await rows()).map((r) => r.checksum)).toEqual([createHash("sha256").update(fixed).digest("hex")]);
  });

  it("refuses to go on when a migration is recorded as started but never finished", async () => {
    writeMigration("20260101000000_first", `CREATE TABLE "First" ("id" INTEGER NOT NULL PRIMARY KEY);`);
    await migrate(database.url, { migrationsDir: scratch });
    await withRawSql(database.url, (sql) =>
      sql.exec(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ('00000000-0000-4000-8000-000000000000', ?, NULL, '20260102000000_half', ?, 0)`,
        ["0".repeat(64), provider === "sqlite" ? "2026-01-02T00:00:00.000+00:00" : new Date("2026-01-02T00:00:00Z")],
      ),
    );
    writeMigration("20260103000000_third", `CREATE TABLE "Third" ("id" INTEGER NOT NULL PRIMARY KEY);`);

    const error = await migrate(database.url, { migrationsDir: scratch }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationLeftUnfinished);
    expect((error as MigrationLeftUnfinished).migration).toBe("20260102000000_half");
    expect((error as Error).message).toContain("prisma migrate resolve");
    expect(await tables()).toEqual(["First"]);
  });

  it("two migrators starting at once apply each migration exactly once", async () => {
    const results = await Promise.all([migrate(database.url), migrate(database.url)]);

    const names = projectMigrations(provider).map((m) => m.name);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    expect((await rows()).map((r) => r.migration_name)).toEqual(names);
  });

  if (provider === "sqlite") {
    const parentAndChild = `CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY);
CREATE TABLE "Child" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "parentId" TEXT NOT NULL,
    CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);`;

    it("a migration that rebuilds a parent table (as prisma migrate diff writes them for SQLite) keeps the rows that reference it", async () => {
      writeMigration("20260101000000_tables", parentAndChild);
      await migrate(database.url, { migrationsDir: scratch });
      await withRawSql(database.url, (sql) => sql.exec(`INSERT INTO "Parent" VALUES ('p1'); INSERT INTO "Child" VALUES ('c1', 'p1');`));
      // Prisma's template for a change SQLite cannot ALTER (here: a new required column with a default).
      writeMigration(
        "20260102000000_redefine_parent",
        `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL DEFAULT '');
INSERT INTO "new_Parent" ("id") SELECT "id" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`,
      );

      await migrate(database.url, { migrationsDir: scratch });

      const [parents, children] = await withRawSql(database.url, async (sql) => [
        await sql.all(`SELECT * FROM "Parent"`),
        await sql.all(`SELECT * FROM "Child"`),
      ]);
      expect(parents).toEqual([{ id: "p1", name: "" }]);
      expect(children).toEqual([{ id: "c1", parentId: "p1" }]);
    });

    it("refuses (and rolls back) a migration that leaves rows pointing at nothing", async () => {
      writeMigration("20260101000000_tables", parentAndChild);
      writeMigration("20260102000000_orphan", `INSERT INTO "Child" VALUES ('c1', 'missing');`);

      const error = await migrate(database.url, { migrationsDir: scratch }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(MigrationFailed);
      expect((error as Error).message).toContain("Child → Parent");
      expect(await withRawSql(database.url, (sql) => sql.all(`SELECT * FROM "Child"`))).toEqual([]);
      expect((await rows()).map((r) => r.migration_name)).toEqual(["20260101000000_tables"]);
    });

    it("leaves the SQLite file in WAL journal mode", async () => {
      await migrate(database.url);
      const [mode] = await withRawSql(database.url, (sql) => sql.all<{ journal_mode: string }>("PRAGMA journal_mode"));
      expect(mode?.journal_mode).toBe("wal");
    });

    it("leaves nothing for `prisma migrate deploy` to do afterwards (same bookkeeping as Prisma's)", async () => {
      await migrate(database.url);
      const file = path.resolve(sqliteFilePath(database.url));
      // prisma.config.ts's adapter opens a fixed file; this config points Prisma at the test database.
      // It lives under the project (data/ is git-ignored) so that its imports resolve.
      mkdirSync(path.join(projectRoot, "data"), { recursive: true });
      const configDir = mkdtempSync(path.join(projectRoot, "data", "prisma-config-"));
      const config = path.join(configDir, "prisma.config.ts");
      writeFileSync(
        config,
        [
          `import { defineConfig } from "prisma/config";`,
          `import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";`,
          `export default defineConfig({`,
          `  experimental: { adapter: true },`,
          `  engine: "js",`,
          `  adapter: async () => new PrismaBetterSQLite3({ url: ${JSON.stringify(`file:${file}`)} }),`,
          `  schema: ${JSON.stringify(path.join(projectRoot, "prisma/schema.prisma"))},`,
          `});`,
        ].join("\n"),
      );
      try {
        const run = spawnSync(path.join(projectRoot, "node_modules/.bin/prisma"), ["migrate", "deploy", "--config", config], {
          cwd: projectRoot,
          env: { ...process.env, DATABASE_URL: `file:${file}`, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
          encoding: "utf8",
          timeout: 60_000,
        });
        const output = `${run.stdout}\n${run.stderr}`;
        expect(run.status, output).toBe(0);
        expect(output).toContain(`${projectMigrations("sqlite").length} migrations found in prisma/migrations`);
        expect(output).toContain("No pending migrations to apply.");
        expect((await rows()).length).toBe(projectMigrations("sqlite").length);
      } finally {
        rmSync(configDir, { recursive: true, force: true });
      }
    });
  }
});
