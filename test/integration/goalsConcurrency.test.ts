import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addGoal, addProgressNote } from "../../src/features/goals-meetings/goals.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

const TEAM = "T0GOALS";
const NOW = new Date("2026-11-02T10:00:00Z");
const directory = { userProfile: async () => { throw new Error("every member is cached"); } };

describe.each(testProviders)("goals under concurrency on %s", (provider) => {
  let database: MigratedTestDatabase;
  const member: Record<string, string> = {};

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const prisma = database.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    const programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme" } })).id;
    for (const key of ["ana", "maya", "jun", "bo"]) {
      member[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: `U0${key.toUpperCase()}`, name: key, refreshedAt: NOW } })).id;
    }
    await prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: member.ana!, role: "TRAINEE" } });
    for (const mentor of ["maya", "jun"]) {
      await prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: member.ana!, mentorId: member[mentor]!, role: "mentor", startedAt: NOW } });
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("five goals added at once leave exactly two active; the others are asked which to park", async () => {
    const outcomes = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => addGoal({ db: database.prisma, directory, workspaceId: TEAM, now: NOW }, "U0ANA", `Goal ${i}`, null)),
    );
    expect(outcomes.filter((o) => o.kind === "done")).toHaveLength(2);
    expect(outcomes.filter((o) => o.kind === "choose-park")).toHaveLength(3);
    expect(await database.prisma.goal.count({ where: { workspaceId: TEAM, memberId: member.ana!, status: "ACTIVE" } })).toBe(2);
  });

  it("a double click on Track adds the goal once: both clicks answer with the same goal", async () => {
    const outcomes = await Promise.all(
      ["Present at ASH in December", "  present at ASH in  December "].map((text) => addGoal({ db: database.prisma, directory, workspaceId: TEAM, now: NOW }, "U0BO", text, null)),
    );
    const goals = await database.prisma.goal.findMany({ where: { workspaceId: TEAM, memberId: member.bo! } });
    expect(goals).toHaveLength(1);
    expect(outcomes.map((o) => (o.kind === "done" ? o.goal.id : o.kind))).toEqual([goals[0]!.id, goals[0]!.id]);
  });

  it("progress notes written at the same moment by the trainee and two mentors are all kept", async () => {
    const goal = await database.prisma.goal.findFirstOrThrow({ where: { memberId: member.ana!, status: "ACTIVE" } });
    await Promise.all(
      ["U0ANA", "U0MAYA", "U0JUN", "U0ANA", "U0MAYA"].map((who, i) => addProgressNote({ db: database.prisma, directory, workspaceId: TEAM, now: NOW }, who, goal.id, `note ${i}`)),
    );
    const stored = await database.prisma.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect((stored.progress as { note: string }[]).map((p) => p.note).sort()).toEqual(["note 0", "note 1", "note 2", "note 3", "note 4"]);
  });
});
