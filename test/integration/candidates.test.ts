import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { testProviders } from "../support/databases.js";
import { mentorPool, traineeTies } from "../../src/store/candidates.js";

describe.each(testProviders)("loading a trainee's candidate mentors on %s", (provider) => {
  let db: MigratedTestDatabase;
  let programId: string;
  const now = new Date("2026-11-21T12:00:00Z");

  beforeAll(async () => {
    db = await createMigratedDatabase(provider);
    const p = db.prisma;
    await p.workspace.createMany({ data: [{ id: "T" }, { id: "T2" }] });
    programId = (await p.program.create({ data: { workspaceId: "T", name: "P" } })).id;
    // More mentors than SQLite allows bound parameters in one query (999).
    await p.member.createMany({ data: Array.from({ length: 1201 }, (_, i) => ({ id: `m${i}`, workspaceId: "T", slackUserId: `U${i}`, name: `n${i}`, refreshedAt: now })) });
    await p.enrollment.createMany({ data: Array.from({ length: 1200 }, (_, i) => ({ workspaceId: "T", programId, memberId: `m${i + 1}`, role: "MENTOR" as const })) });
    await p.match.create({ data: { workspaceId: "T", programId, traineeId: "m0", mentorId: "m7", role: "sponsor", startedAt: now } });
    await p.mentorRequest.create({
      data: { workspaceId: "T", programId, traineeId: "m0", mentorId: "m9", role: "coach", status: "DECLINED", createdAt: new Date("2026-11-01T12:00:00Z"), respondedAt: new Date("2026-11-02T00:00:00Z") },
    });
    await p.exclusion.create({ data: { workspaceId: "T", memberId: "m11", excludedId: "m0" } });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("loads every mentor of a large program with their load, history with the trainee and exclusions", async () => {
    const rows = await mentorPool(db.prisma, "T", [programId]);
    const ties = await traineeTies(db.prisma, "T", "m0");
    expect(rows).toHaveLength(1200);
    const byId = new Map(rows.map((r) => [r.memberId, r]));
    expect(byId.get("m7")).toMatchObject({ activeMentees: 1 });
    expect(ties.roles.get("m7")).toEqual(["sponsor"]);
    expect(ties.declinedAt.get("m9")).toEqual([new Date("2026-11-02T00:00:00Z")]);
    expect(byId.get("m9")!.replyHours).toEqual([12]);
    expect(ties.excluded.has("m11")).toBe(true);
    expect(byId.get("m12")).toMatchObject({ activeMentees: 0 });
    expect([ties.excluded.has("m12"), ties.roles.get("m12"), ties.declinedAt.get("m12")]).toEqual([false, undefined, undefined]);
  });

  it("finds nothing of the program from another workspace", async () => {
    expect(await mentorPool(db.prisma, "T2", [programId])).toEqual([]);
    const ties = await traineeTies(db.prisma, "T2", "m0");
    expect([ties.roles.size, ties.declinedAt.size, ties.excluded.size]).toEqual([0, 0, 0]);
  });
});
