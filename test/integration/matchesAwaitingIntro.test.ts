import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { testProviders } from "../support/databases.js";
import { matchesAwaitingIntro } from "../../src/store/matches.js";

describe.each(testProviders)("matches waiting for an introduction on %s", (provider) => {
  let db: MigratedTestDatabase;
  const made = new Date("2026-11-01T12:00:00Z");

  beforeAll(async () => {
    db = await createMigratedDatabase(provider);
    const p = db.prisma;
    await p.workspace.create({ data: { id: "T" } });
    const program = await p.program.create({ data: { workspaceId: "T", name: "P" } });
    await p.member.createMany({ data: ["t1", "t2", "t3", "t4", "m"].map((id) => ({ id, workspaceId: "T", slackUserId: `U${id}`, name: id, refreshedAt: made })) });
    const round = await p.round.create({ data: { workspaceId: "T", programId: program.id, name: "R", kind: "MENTOR_MATCH", options: {}, createdById: "U0DIR" } });
    const run = await p.roundRun.create({ data: { workspaceId: "T", roundId: round.id, scheduledFor: made, status: "APPROVED" } });
    // Three matches a round made (the round introduces those itself), then one from /findmentor.
    for (const [i, trainee] of ["t1", "t2", "t3", "t4"].entries()) {
      const match = await p.match.create({
        data: { workspaceId: "T", programId: program.id, traineeId: trainee, mentorId: "m", role: "mentor", startedAt: made, createdAt: new Date(made.getTime() + i * 1000) },
      });
      if (trainee !== "t4") await p.roundGroup.create({ data: { workspaceId: "T", runId: run.id, memberIds: [trainee, "m"], matchId: match.id } });
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("pages past matches a round will introduce, so they never starve the others", async () => {
    const waiting = await matchesAwaitingIntro(db.prisma, new Date("2026-11-02T00:00:00Z"), 2);
    expect(waiting.map((m) => m.trainee.memberId)).toEqual(["t4"]);
  });

  it("leaves out matches made after the cut-off (the accept is still introducing them)", async () => {
    expect(await matchesAwaitingIntro(db.prisma, made, 2)).toEqual([]);
  });
});
