import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceRounds, createRound, followingRun, type RoundPorts } from "../../src/features/rounds/rounds.js";
import { roundFormSchema } from "../../src/domain/roundOptions.js";
import { roundNoticeMessages } from "../../src/features/rounds/views/notices.js";
import { findRound } from "../../src/store/rounds.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { oneClock } from "../support/jobRunner.js";

const TEAM = "T0RJOB";
const ZONE = "Europe/Berlin";
const HOUR = 3_600_000;

describe.each(testProviders)("the rounds job's steps, run concurrently without the lease, on %s", (provider) => {
  let database: MigratedTestDatabase;
  let programId = "";
  const proposed: string[] = [];
  const previews: string[] = [];

  /** Part A's seam, recorded: the proposal marks the run, the preview is an outbox message keyed per run. */
  const ports: RoundPorts = {
    messages: roundNoticeMessages,
    preview: {
      async propose(db, workspaceId, runId) {
        proposed.push(runId);
        await db.roundRun.updateMany({ where: { workspaceId, id: runId }, data: { proposal: { pairs: [] } } });
      },
      async sendPreview(db, workspaceId, runId, sendFrom) {
        previews.push(runId);
        const { enqueue } = await import("../../src/store/outbox.js");
        return (await enqueue(db, { workspaceId, key: `round-preview:${runId}:U0DIR`, channel: "U0DIR", payload: { text: "preview" }, notBefore: sendFrom })) ? 1 : 0;
      },
    },
  };
  const failOnError = (error: unknown) => {
    throw error;
  };

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const prisma = database.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Berlin track", timezone: ZONE } })).id;
    for (let i = 0; i < 6; i++) {
      const m = await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: `U0P${i}`, name: `Peer ${i}`, refreshedAt: new Date() } });
      await prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: m.id, role: "TRAINEE" } });
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("four passes racing at the notice time, then at the run time, create one run, one notice per person and one preview", async () => {
    const now = new Date("2026-03-23T08:00:00Z"); // a Monday
    const form = roundFormSchema.parse({ name: "Weekly peers", target: `p:${programId}`, kind: "ROTATION", when: "weekly", weekday: "2", time: "09:00" });
    const created = await createRound(database.prisma, { workspaceId: TEAM, actor: "U0DIR" }, form, now);
    if (!created.ok) throw new Error(created.message);
    const first = created.round.nextRunAt!;
    expect(first.toISOString()).toBe("2026-03-24T08:00:00.000Z"); // Tuesday 09:00 Berlin (CET)

    const dayBefore = new Date(first.getTime() - 23 * HOUR);
    await Promise.all([1, 2, 3, 4].map(() => advanceRounds(database.prisma, oneClock(dayBefore), ports, failOnError)));
    expect(await database.prisma.roundRun.count()).toBe(1);
    const notices = await database.prisma.outboxMessage.findMany({ where: { key: { startsWith: "round-notice:" } } });
    expect(notices).toHaveLength(6);
    expect(new Set(notices.map((n) => n.channel)).size).toBe(6);

    const atRun = new Date(first.getTime() + 60_000);
    await Promise.all([1, 2, 3, 4].map(() => advanceRounds(database.prisma, oneClock(atRun), ports, failOnError)));
    const runs = await database.prisma.roundRun.findMany();
    expect(runs.map((r) => r.status)).toEqual(["PREVIEW"]);
    expect(await database.prisma.outboxMessage.count({ where: { key: { startsWith: "round-preview:" } } })).toBe(1);
    expect(await database.prisma.jobRun.count({ where: { key: `round-fire:${runs[0]!.id}` } })).toBe(1);
    // The round moved on once, to the following Tuesday — after the clocks changed (CEST): still 09:00 local.
    const round = await findRound(database.prisma, TEAM, created.round.id);
    expect(round!.nextRunAt!.toISOString()).toBe("2026-03-31T07:00:00.000Z");
    // A pass later changes nothing.
    await advanceRounds(database.prisma, oneClock(new Date(atRun.getTime() + HOUR)), ports, failOnError);
    expect(await database.prisma.outboxMessage.count({ where: { key: { startsWith: "round-" } } })).toBe(7);
  });

  it("a crash between firing and the preview is healed by the next pass", async () => {
    const round = await findRound(database.prisma, TEAM, (await database.prisma.round.findFirstOrThrow()).id);
    const at = round!.nextRunAt!;
    const broken: RoundPorts = { ...ports, preview: { ...ports.preview, propose: async () => Promise.reject(new Error("crash")) } };
    const errors: unknown[] = [];
    await advanceRounds(database.prisma, oneClock(new Date(at.getTime() - HOUR)), ports, failOnError);
    await advanceRounds(database.prisma, oneClock(new Date(at.getTime() + 60_000)), broken, (e) => errors.push(e));
    expect(errors).toHaveLength(1);
    const run = await database.prisma.roundRun.findFirstOrThrow({ where: { scheduledFor: at } });
    expect(run.status).toBe("PREVIEW");
    expect(await database.prisma.outboxMessage.count({ where: { key: `round-preview:${run.id}:U0DIR` } })).toBe(0);
    await advanceRounds(database.prisma, oneClock(new Date(at.getTime() + 120_000)), ports, failOnError);
    expect(await database.prisma.outboxMessage.count({ where: { key: `round-preview:${run.id}:U0DIR` } })).toBe(1);
  });

  it("a recurring round skips occurrences missed while nothing ran, instead of running them late", () => {
    const round = { schedule: "0 9 * * 1", timezone: ZONE, kind: "ROTATION", options: {} } as Parameters<typeof followingRun>[0];
    const next = followingRun(round, new Date("2026-01-05T08:00:00Z"), new Date("2026-01-21T12:00:00Z"));
    expect(next!.toISOString()).toBe("2026-01-26T08:00:00.000Z");
  });
});
