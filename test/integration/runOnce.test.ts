import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "../../src/store/database.js";
import { claimKey, hasRun, runOnce } from "../../src/store/jobRuns.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

const NOW = new Date("2026-03-02T09:00:00Z");
const TEAM = "T0RUNONCE";

describe.each(testProviders)("run-once job keys on %s", (provider) => {
  let database: MigratedTestDatabase;
  let n = 0;
  const key = () => `checkin:match-${(n += 1)}:2026-03`;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    await database.prisma.workspace.create({ data: { id: TEAM, name: "Run once" } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** The work of a job: one audit row naming the key, written in the run's transaction. */
  const audit = (runKey: string) => async (tx: Tx) => {
    await tx.auditLog.create({ data: { workspaceId: TEAM, actor: "job", action: "checkin.sent", target: runKey } });
  };
  const auditRows = (runKey: string) => database.prisma.auditLog.count({ where: { workspaceId: TEAM, target: runKey } });

  it("the first run executes the work, records the key and returns true", async () => {
    const k = key();
    expect(await runOnce(database.prisma, { key: k, job: "checkin", workspaceId: TEAM }, NOW, audit(k))).toBe(true);
    expect(await auditRows(k)).toBe(1);
    expect(await database.prisma.jobRun.findUnique({ where: { key: k } })).toMatchObject({
      job: "checkin",
      workspaceId: TEAM,
      status: "DONE",
      startedAt: NOW,
      finishedAt: NOW,
    });
  });

  it("claimKey takes a key once: the row reads back as Prisma wrote it, a second claim (or a runOnce) finds it taken", async () => {
    const k = `command:trigger-${(n += 1)}`;
    expect(await claimKey(database.prisma, { key: k, job: "slack-delivery", workspaceId: TEAM }, NOW)).toBe(true);
    expect(await database.prisma.jobRun.findUnique({ where: { key: k } })).toMatchObject({
      job: "slack-delivery",
      workspaceId: TEAM,
      status: "DONE",
      startedAt: NOW,
      finishedAt: NOW,
    });
    expect(await claimKey(database.prisma, { key: k, job: "slack-delivery", workspaceId: TEAM }, NOW)).toBe(false);
    expect(await hasRun(database.prisma, k)).toBe(true);
    expect(await runOnce(database.prisma, { key: k, job: "slack-delivery" }, NOW, audit(k))).toBe(false);
    expect(await auditRows(k)).toBe(0);
    const noTeam = `event:Ev-${n}`;
    expect(await claimKey(database.prisma, { key: noTeam, job: "slack-delivery", workspaceId: null }, NOW)).toBe(true);
    expect((await database.prisma.jobRun.findUnique({ where: { key: noTeam } }))?.workspaceId).toBeNull();
    expect(await database.prisma.jobRun.count({ where: { key: { in: [k, noTeam] } } })).toBe(2);
  });

  it("a second run with the same key returns false and does not execute the work", async () => {
    const k = key();
    await runOnce(database.prisma, { key: k, job: "checkin" }, NOW, audit(k));
    let executed = false;
    const again = await runOnce(database.prisma, { key: k, job: "checkin" }, NOW, async (tx) => {
      executed = true;
      await audit(k)(tx);
    });
    expect(again).toBe(false);
    expect(executed).toBe(false);
    expect(await auditRows(k)).toBe(1);
  });

  it("work that throws rolls back its writes and the key, so a retry runs", async () => {
    const k = key();
    const failing = runOnce(database.prisma, { key: k, job: "checkin" }, NOW, async (tx) => {
      await audit(k)(tx);
      throw new Error("Slack directory unavailable");
    });
    await expect(failing).rejects.toThrow("Slack directory unavailable");
    expect(await auditRows(k)).toBe(0);
    expect(await hasRun(database.prisma, k)).toBe(false);

    expect(await runOnce(database.prisma, { key: k, job: "checkin" }, NOW, audit(k))).toBe(true);
    expect(await auditRows(k)).toBe(1);
  });

  it("a unique violation inside the work is the work's error, not a finished run", async () => {
    const k = key();
    const duplicate = runOnce(database.prisma, { key: k, job: "checkin" }, NOW, async (tx) => {
      await tx.workspace.create({ data: { id: TEAM } }); // already exists
    });
    await expect(duplicate).rejects.toMatchObject({ code: "P2002" });
    expect(await hasRun(database.prisma, k)).toBe(false);
  });

  it("runs started at once with the same key commit the work exactly once", async () => {
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => runOnce(database.prisma, { key: k, job: "checkin" }, NOW, audit(k))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await auditRows(k)).toBe(1);
    expect(await database.prisma.jobRun.count({ where: { key: k } })).toBe(1);
  });
});
