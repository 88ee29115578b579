import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../support/appProcess.js";
import { createTestDatabase } from "../support/databases.js";
import { connect, openDatabase } from "../../src/store/database.js";

/**
 * The commands in README → "Backups and restores", run as written (in bash, in a scratch folder;
 * `npm run cli --` is what package.json makes it, `node dist/src/cli/main.js`). The restore examples
 * name a dated file; the test makes that file by running the backup example into it.
 */

const README = readFileSync(path.join(projectRoot, "README.md"), "utf8");
const section = README.slice(README.indexOf("## Backups and restores"), README.indexOf("\n## ", README.indexOf("## Backups and restores") + 5));
const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.trim().split("\n"));
const cliScript = path.join(projectRoot, "dist", "src", "cli", "main.js");
const today = new Date().toISOString().slice(0, 10);

function sh(command: string, cwd: string, env: Record<string, string>) {
  const line = command.replace(/^npm run cli --/, `node ${JSON.stringify(cliScript)}`);
  const r = spawnSync("bash", ["--norc", "--noprofile", "-c", line], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("README: backups and restores", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rounds-backup-docs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows a backup and a restore command for SQLite, and pg_dump and pg_restore for PostgreSQL", () => {
    expect(commands).toHaveLength(4);
    expect(commands[0]).toMatch(/^npm run cli -- backup --out /);
    expect(commands[1]).toMatch(/^npm run cli -- restore /);
    expect(commands[2]).toMatch(/^pg_dump /);
    expect(commands[3]).toMatch(/^pg_restore /);
  });

  it("the SQLite commands run as written", async () => {
    const env = { DATABASE_URL: "file:./data/rounds.db" };
    const { db } = await openDatabase(`file:${path.join(dir, "data", "rounds.db")}`);
    await db.prisma.workspace.create({ data: { id: "T0DOCS" } });
    await db.close();
    const [backup, restore] = commands;
    const made = sh(backup!, dir, env);
    expect(made.err).toBe("");
    expect(made.code).toBe(0);
    expect(existsSync(path.join(dir, "backups", `rounds-${today}.db`))).toBe(true);
    const named = /restore (\S+)/.exec(restore!)![1]!;
    if (!existsSync(path.join(dir, named))) copyFileSync(path.join(dir, "backups", `rounds-${today}.db`), path.join(dir, named));
    const restored = sh(restore!, dir, env);
    expect(restored.err).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.out).toContain("Restored ");
    const after = connect(`file:${path.join(dir, "data", "rounds.db")}`);
    expect((await after.prisma.workspace.findMany()).map((w) => w.id)).toEqual(["T0DOCS"]);
    await after.close();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("the PostgreSQL commands run as written: a dump, then a restore over the changed database brings it back", async () => {
    const pg = await createTestDatabase("postgresql");
    try {
      const { db } = await openDatabase(pg.url);
      await db.prisma.workspace.create({ data: { id: "T0DOCS", name: "Before" } });
      const [, , dump, restore] = commands;
      const dumped = sh(dump!, dir, { DATABASE_URL: pg.url });
      expect(dumped.err).toBe("");
      expect(dumped.code).toBe(0);
      const named = /rounds-\d{4}-\d\d-\d\d\.dump/.exec(restore!)![0];
      if (!existsSync(path.join(dir, named))) copyFileSync(path.join(dir, `rounds-${today}.dump`), path.join(dir, named));
      await db.prisma.workspace.update({ where: { id: "T0DOCS" }, data: { name: "After" } });
      await db.prisma.workspace.create({ data: { id: "T0LATER" } });
      await db.close();
      const restored = sh(restore!, dir, { DATABASE_URL: pg.url });
      expect(restored.err).toBe("");
      expect(restored.code).toBe(0);
      const after = connect(pg.url);
      expect(await after.prisma.workspace.findMany({ select: { id: true, name: true } })).toEqual([{ id: "T0DOCS", name: "Before" }]);
      await after.close();
      // Rounds starts on it: its migrations are all recorded.
      const reopened = await openDatabase(pg.url);
      expect(reopened.migrations.applied).toEqual([]);
      await reopened.db.close();
    } finally {
      await pg.drop();
    }
  });
});
