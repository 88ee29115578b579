import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptRequest, submitRequest } from "../../src/features/requests/requests.js";
import { AlreadyRequested, RequestNoLongerPending } from "../../src/domain/errors.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import { requestMessages } from "../../src/features/requests/views/messages.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { seedProgram } from "../support/programSeed.js";

const TEAM = "T0ACCEPT";
const NOW = new Date("2026-11-02T10:00:00Z");
const directory = { userProfile: async () => { throw new Error("every member is cached"); } };

describe.each(testProviders)("accepting and submitting requests under concurrency on %s", (provider) => {
  let database: MigratedTestDatabase;
  let programId = "";
  let member: Record<string, string> = {};

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const people = Object.fromEntries(["mentor", "roomy", "t1", "t2", "t3", "t4", "t5", "t6"].map((key) => [key, { role: key === "mentor" || key === "roomy" ? ("MENTOR" as const) : ("TRAINEE" as const) }]));
    ({ programId, member } = await seedProgram(database.prisma, TEAM, people, NOW));
    await database.prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: member.mentor!, capacity: 1 } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("of five accepts racing for a mentor's single place, exactly one wins (its match noting the trainee's cohort) and the other four close, each trainee told once", async () => {
    const cohort = await database.prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2026–27 Fellows" } });
    await database.prisma.enrollment.updateMany({ where: { workspaceId: TEAM, role: "TRAINEE" }, data: { cohortId: cohort.id } });
    const requests = await Promise.all(
      ["t1", "t2", "t3", "t4", "t5"].map((t) =>
        database.prisma.mentorRequest.create({ data: { workspaceId: TEAM, programId, traineeId: member[t]!, mentorId: member.mentor!, role: "mentor", createdAt: NOW } }),
      ),
    );
    const outcomes = await Promise.allSettled(requests.map((r) => acceptRequest({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: requestMessages }, "U0MENTOR", r.id)));
    const settled = outcomes.map((o) => (o.status === "fulfilled" ? o.value.outcome : o.reason instanceof RequestNoLongerPending ? `gone:${o.reason.status}` : String(o.reason)));
    expect(settled.filter((s) => s === "accepted")).toHaveLength(1);
    // The others found their request closed by the winner (or, first to the lock after it, closed it themselves).
    for (const s of settled.filter((s) => s !== "accepted")) expect(["full", "gone:MENTOR_FULL"]).toContain(s);
    expect(await database.prisma.match.findMany({ where: { workspaceId: TEAM, mentorId: member.mentor!, status: "ACTIVE" }, select: { cohortName: true } })).toEqual([{ cohortName: "2026–27 Fellows" }]);
    expect(await database.prisma.mentorRequest.count({ where: { workspaceId: TEAM, status: "ACCEPTED" } })).toBe(1);
    expect(await database.prisma.mentorRequest.count({ where: { workspaceId: TEAM, status: "MENTOR_FULL" } })).toBe(4);
    const told = await database.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM, key: { startsWith: "request-full:" } }, select: { key: true } });
    const closed = await database.prisma.mentorRequest.findMany({ where: { workspaceId: TEAM, status: "MENTOR_FULL" }, select: { id: true } });
    expect(told.map((m) => m.key).sort()).toEqual(closed.map((r) => `request-full:${r.id}`).sort());
  });

  it("four simultaneous submits of the same request store one and answer the rest 'already requested'", async () => {
    const input = { mentorId: member.roomy!, programId, role: "coach", message: "hello", goal: null };
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map(() => submitRequest({ db: database.prisma, directory, workspaceId: TEAM, now: NOW, messages: requestMessages }, "U0T6", input)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(AlreadyRequested);
    expect(await database.prisma.mentorRequest.count({ where: { workspaceId: TEAM, traineeId: member.t6!, role: "coach" } })).toBe(1);
    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: TEAM, key: { startsWith: "request:" } } })).toBe(1);
  });
});
