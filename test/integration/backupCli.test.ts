import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/jobRunner.js";
import { projectRoot } from "../support/appProcess.js";
import { migrate } from "../../src/store/migrator.js";

/**
 * `npm run cli -- backup` and `restore` as an operator meets them on SQLite without the app: what
 * they refuse (and that refusing changes nothing), and that the database a restore replaces is kept
 * whole, including commits a crashed process left only in its -wal file.
 */

describe("cli backup and restore on SQLite", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rounds-backup-cli-"));
  const live = path.join(dir, "data", "rounds.db");
  const url = `file:${live}`;
  const backup = path.join(dir, "rounds-1.db");
  const cli = (args: string[], databaseUrl = url) => runCli(args, { DATABASE_URL: databaseUrl });
  const workspaces = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare(`SELECT id FROM "Workspace" ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
    } finally {
      db.close();
    }
  };
  /** Inserts a workspace from a separate process that exits without closing the database: its commit stays in the -wal. */
  const crashAfterInsert = (file: string, id: string) => {
    const script = `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(file)}); db.prepare('INSERT INTO "Workspace" (id, name, createdAt, updatedAt) VALUES (?, ?, 0, 0)').run(${JSON.stringify(id)}, "crash"); process.exit(0);`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: projectRoot });
    expect(r.status).toBe(0);
  };

  beforeAll(async () => {
    await migrate(url);
    crashAfterInsert(live, "T0BEFORE");
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("backs up the newest commits, even those only in the -wal file, into one checked file; never over an existing file", async () => {
    expect(existsSync(`${live}-wal`)).toBe(true);
    const r = await cli(["backup", "--out", backup]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Checked: SQLite's integrity check passed;");
    expect(workspaces(backup)).toEqual(["T0BEFORE"]);

    const again = await cli(["backup", "--out", backup]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("already exists; a backup never overwrites a file.");
  });

  it("refuses a file that is not a Rounds database, or one a newer Rounds made, and changes nothing", async () => {
    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "not a database\n".repeat(100));
    const notDb = await cli(["restore", text]);
    expect(notDb.code).toBe(1);
    expect(notDb.err).toBe(`Not restored: ${text} is not a usable Rounds database: file is not a database. Nothing was changed.\n`);

    const plain = path.join(dir, "plain.db");
    new Database(plain).exec("CREATE TABLE notes (x)").close();
    expect((await cli(["restore", plain])).err).toContain("is not a usable Rounds database: it has no _prisma_migrations table.");

    const newer = path.join(dir, "newer.db");
    expect((await cli(["backup", "--out", newer])).code).toBe(0);
    const db = new Database(newer);
    db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'abc', '2099-01-01', '20990101000000_from_the_future', '2099-01-01', 1)`).run();
    db.close();
    const refused = await cli(["restore", newer]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("it was made by a newer version of Rounds (migration 20990101000000_from_the_future is unknown to this one)");

    expect(workspaces(live)).toEqual(["T0BEFORE"]);
    expect(readdirSync(path.dirname(live)).filter((f) => f.includes("restoring") || f.includes("before-restore"))).toEqual([]);
  });

  it("replaces a stopped database in one step and keeps the old one whole, the commits in its -wal included", async () => {
    crashAfterInsert(live, "T0AFTER"); // committed after the backup, and only in the -wal so far
    const r = await cli(["restore", backup]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const kept = /kept as (\S+);/.exec(r.out)?.[1];
    expect(kept).toMatch(/rounds\.db\.before-restore-\d{4}-\d\d-\d\dT/);
    expect(workspaces(live)).toEqual(["T0BEFORE"]);
    expect(workspaces(kept!)).toEqual(["T0AFTER", "T0BEFORE"]);
    // No -wal or -shm of the old database is left to be read as the new one's.
    expect(readdirSync(path.dirname(live)).sort()).toEqual(["rounds.db", path.basename(kept!)].sort());
  });

  it("on PostgreSQL, says to use pg_dump and pg_restore, with the commands, and exits 2", async () => {
    const pgUrl = "postgresql://rounds@127.0.0.1:5432/rounds";
    const b = await cli(["backup", "--out", path.join(dir, "x.db")], pgUrl);
    expect(b.code).toBe(2);
    expect(b.err).toContain(`pg_dump --format=custom --file="rounds-$(date +%F).dump" "$DATABASE_URL"`);
    const r = await cli(["restore", backup], pgUrl);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" rounds-YYYY-MM-DD.dump`);
  });
});
