import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack } from "../../src/slack/standin/server.js";
import type { TestDatabase } from "../support/databases.js";
import { startApp, type AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { runCli, runJob } from "../support/jobRunner.js";
import { connect, type Database } from "../../src/store/database.js";
import { periodByIndex } from "../../src/domain/cadence.js";

/**
 * What an operator does on SQLite: `npm run cli -- backup --out FILE` while Rounds runs and a
 * check-in fan-out writes thousands of rows, then `restore` into a new file and Rounds started on
 * it. Everything committed before the backup began is in it, and the copy is one consistent
 * snapshot: each check-in with the message that was queued for it in the same transaction.
 */

const TEAM = "T0BACKUP";
const DAY = 86_400_000;
/** Three pages of the check-in job (2,000 matches a page, one transaction each): the backup is taken after the first. */
const MATCHES = 6_000;

const cli = (args: string[], databaseUrl: string) => runCli(args, { DATABASE_URL: databaseUrl });

/** What must survive: each committed check-in row as it was, and the outbox keys queued with them. */
async function committed(db: Database) {
  const checkins = await db.prisma.checkin.findMany({ where: { workspaceId: TEAM }, orderBy: { id: "asc" }, select: { id: true, matchId: true, periodKey: true, recipient: true, sentAt: true } });
  const keys = (await db.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM }, select: { key: true } })).map((r) => r.key);
  return { checkins, keys };
}

describe("backup while Rounds runs, restore into a new file, and Rounds on the restored file (SQLite)", () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let restoredApp: AppProcess | undefined;
  let restoredDb: Database | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), "rounds-backup-"));
  const backupFile = path.join(dir, "backups", "rounds-backup.db");
  const restoredUrl = `file:${path.join(dir, "restored", "rounds.db")}`;
  const REAL = new Date();
  const monthly = { startedAt: new Date(REAL.getTime() - DAY), cadence: "MONTHLY" as const };
  /** After the first month: every pair's first check-in is due. */
  const asOf = new Date(periodByIndex(monthly, 0).end.getTime() + 4 * DAY);
  let before: Awaited<ReturnType<typeof committed>>;
  let backupOut = "";

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld("sqlite"));
    const p = db.prisma;
    await p.workspace.create({ data: { id: TEAM, name: "Backup General" } });
    const programId = (await p.program.create({ data: { workspaceId: TEAM, name: "Residency", timezone: "UTC", checkinCadence: "MONTHLY" } })).id;
    const person = (id: string) => ({ id, workspaceId: TEAM, slackUserId: `U${id.toUpperCase()}`, name: `Person ${id}`, tz: "UTC", refreshedAt: REAL });
    const mentors = Array.from({ length: MATCHES / 4 }, (_, i) => person(`m${i}`));
    const trainees = Array.from({ length: MATCHES }, (_, i) => person(`t${i}`));
    for (let i = 0; i < mentors.length + trainees.length; i += 1000) await p.member.createMany({ data: [...mentors, ...trainees].slice(i, i + 1000) });
    // Introduced long ago (a group DM on record): the restored app's start-up has no introductions to backfill, only the fan-out to finish.
    const matches = trainees.map((t, i) => ({ id: `match${String(i).padStart(5, "0")}`, workspaceId: TEAM, programId, traineeId: t.id, mentorId: mentors[i % mentors.length]!.id, role: "mentor", introChannelId: `G${TEAM}${i}`, ...monthly }));
    for (let i = 0; i < matches.length; i += 1000) await p.match.createMany({ data: matches.slice(i, i + 1000) });
  }, 120_000);

  afterAll(async () => {
    await restoredDb?.close();
    await restoredApp?.stop();
    await stopWorld({ db, app, slack, database });
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up during a check-in fan-out: all that was committed before it began, in one consistent snapshot", async () => {
    const run = runJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "checkins", asOf);
    // Once the first pages are committed (and the app's outbox is sending them), the backup starts.
    const deadline = Date.now() + 60_000;
    while ((await db.prisma.checkin.count({ where: { workspaceId: TEAM } })) < 1_000) {
      if (Date.now() > deadline) throw new Error("the check-in job committed nothing within a minute");
      await new Promise((r) => setTimeout(r, 10));
    }
    // From here until the backup is done this test holds SQLite's write lock (a transaction takes it
    // as it begins): the job's next page waits for it, so the backup is taken mid-fan-out however fast
    // the job is on this machine. What was committed is read under the same lock.
    const backup = await db.prisma.$transaction(
      async (tx) => {
        before = {
          checkins: await tx.checkin.findMany({ where: { workspaceId: TEAM }, orderBy: { id: "asc" }, select: { id: true, matchId: true, periodKey: true, recipient: true, sentAt: true } }),
          keys: (await tx.outboxMessage.findMany({ where: { workspaceId: TEAM }, select: { key: true } })).map((r) => r.key),
        };
        return cli(["backup", "--out", backupFile], database.url);
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    backupOut = backup.out;
    const job = await run;
    expect(job.code).toBe(0);
    expect(job.said).toContain(`${MATCHES.toLocaleString("en-US")} messages queued`);

    expect(backup.err).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/^Backed up .*rounds\.db to .*rounds-backup\.db \(\d+\.\d MB\), as it was at /);
    expect(backup.out).toMatch(/Checked: SQLite's integrity check passed; \d+ migrations applied, all finished\.\n$/);
    // One self-contained file: no -wal or -shm beside it.
    expect(existsSync(`${backupFile}-wal`)).toBe(false);
    expect(existsSync(`${backupFile}-shm`)).toBe(false);

    const copy = connect(`file:${backupFile}`);
    try {
      const saved = await committed(copy);
      expect(before.checkins.length).toBeGreaterThanOrEqual(1_000);
      // The backup was taken mid-fan-out: it holds more than was seen before it began, but not all.
      expect(saved.checkins.length).toBeGreaterThanOrEqual(before.checkins.length);
      expect(saved.checkins.length).toBeLessThan(MATCHES);
      const savedById = new Map(saved.checkins.map((c) => [c.id, c]));
      expect(before.checkins.filter((c) => JSON.stringify(savedById.get(c.id)) !== JSON.stringify(c))).toEqual([]);
      const savedKeys = new Set(saved.keys);
      expect(before.keys.filter((k) => !savedKeys.has(k))).toEqual([]);
      // Consistent: each check-in in the copy has the message queued with it, and no message is without its check-in.
      expect(saved.keys.filter((k) => k.startsWith("checkin:")).sort()).toEqual(saved.checkins.map((c) => `checkin:${c.matchId}:${c.periodKey}:mentor`).sort());
      expect(await copy.prisma.match.count({ where: { workspaceId: TEAM } })).toBe(MATCHES);
    } finally {
      await copy.close();
    }
  }, 180_000);

  it("refuses to restore over the database of the running app, and changes nothing", async () => {
    const checkinsBefore = await db.prisma.checkin.count();
    const refused = await cli(["restore", backupFile], database.url);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("is open in another program — Rounds itself");
    expect(refused.err).toContain("Nothing was changed.");
    expect(refused.out).toBe("");
    expect(await db.prisma.checkin.count()).toBe(checkinsBefore);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  }, 60_000);

  it("restores into a new file; Rounds starts on it with every row committed before the backup, and finishes the fan-out once", async () => {
    expect(backupOut).not.toBe("");
    const restore = await cli(["restore", backupFile], restoredUrl);
    expect(restore.err).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.out).toContain(`Restored ${backupFile} into ${restoredUrl.slice("file:".length)}`);
    expect(restore.out).not.toContain("kept as"); // there was no database there to keep

    await app.stop();
    restoredApp = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: restoredUrl });
    restoredDb = connect(restoredUrl);
    const after = await committed(restoredDb);
    const byId = new Map(after.checkins.map((c) => [c.id, c]));
    expect(before.checkins.filter((c) => JSON.stringify(byId.get(c.id)) !== JSON.stringify(c))).toEqual([]);
    const keys = new Set(after.keys);
    expect(before.keys.filter((k) => !keys.has(k))).toEqual([]);

    // The same run again on the restored database queues only what the backup had not: each pair once in all.
    const rerun = await runJob({ databaseUrl: restoredUrl, slackApiUrl: slack.apiUrl }, "checkins", asOf);
    expect(rerun.code).toBe(0);
    expect(rerun.said).toContain(`${(MATCHES - after.checkins.length).toLocaleString("en-US")} messages queued`);
    const checkins = await restoredDb.prisma.checkin.findMany({ where: { workspaceId: TEAM }, select: { matchId: true } });
    expect(checkins).toHaveLength(MATCHES);
    expect(new Set(checkins.map((c) => c.matchId)).size).toBe(MATCHES);
  }, 180_000);
});
