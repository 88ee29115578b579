import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseMember, PERSON_COLUMNS } from "../../src/store/privacy.js";
import { projectRoot } from "../../src/paths.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

/**
 * A column holds a person when it names a member (memberId, traineeId, mentorId, excludedId, fromId,
 * toId, memberIds) or who did something (…ById). By name, not by relation: the survey and round-table
 * tables keep member ids in plain columns with no relation to Member, which is how their rows escaped
 * erasure and "Your data in Rounds" until this check read every column.
 */
const HOLDS_A_PERSON = /^(memberId|traineeId|mentorId|excludedId|fromId|toId|memberIds)$|ById$/;

/** `Model.column` for every column of the schema (Member itself aside) that holds a person. */
function personColumnsInSchema(): string[] {
  const schema = readFileSync(path.join(projectRoot, "prisma/schema.prisma"), "utf8");
  const found: string[] = [];
  let model = "";
  for (const line of schema.split("\n")) {
    const opened = /^model (\w+) \{/.exec(line);
    if (opened) model = opened[1]!;
    else if (line.startsWith("}")) model = "";
    else {
      const field = /^\s+(\w+)\s+(String|Json)\??(\s|$)/.exec(line);
      if (model && model !== "Member" && field && HOLDS_A_PERSON.test(field[1]!)) found.push(`${model}.${field[1]}`);
    }
  }
  return found.sort();
}

describe("what becomes of each column that holds a person", () => {
  it("every such column of prisma/schema.prisma is listed in PERSON_COLUMNS (store/privacy.ts), and nothing else is", () => {
    const listed = Object.entries(PERSON_COLUMNS).flatMap(([model, columns]) => Object.keys(columns).map((c) => `${model}.${c}`)).sort();
    const inSchema = personColumnsInSchema();
    expect(inSchema).toContain("SurveyInvitation.memberId");
    expect(inSchema).toContain("RoundTableSeat.memberId");
    expect(listed).toEqual(inSchema);
  });
});

const TEAM = "T0ERASECOVER";

describe.each(testProviders)("deleting one's data on %s", (provider) => {
  let database: MigratedTestDatabase;
  const ids: Record<"tina" | "tom" | "max", string> = { tina: "", tom: "", max: "" };

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const p = database.prisma;
    await p.workspace.create({ data: { id: TEAM } });
    const programId = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } })).id;
    for (const k of ["tina", "tom", "max"] as const) ids[k] = (await p.member.create({ data: { workspaceId: TEAM, slackUserId: `U0${k.toUpperCase()}`, name: k, tz: "UTC", refreshedAt: new Date() } })).id;
    // A row in every table whose rows erasure deletes, for Tina and for Tom (whose rows must stay).
    for (const k of ["tina", "tom"] as const) {
      const memberId = ids[k];
      await p.enrollment.create({ data: { workspaceId: TEAM, programId, memberId, role: "TRAINEE" } });
      await p.profile.create({ data: { workspaceId: TEAM, memberId, careerPaths: [], interests: [], priorities: [], rolesWanted: [], meetingFormats: [], expertise: [], rolesOffered: [] } });
      await p.goal.create({ data: { workspaceId: TEAM, memberId, text: "A goal", progress: [] } });
      await p.exclusion.create({ data: { workspaceId: TEAM, memberId, excludedId: ids.max } });
      await p.surveyInvitation.create({ data: { workspaceId: TEAM, programId, kind: "program", milestone: "year-2026", period: "2026–27", memberId, key: `program:program:year-2026:${memberId}`, sentAt: new Date(), answered: true } });
    }
    await p.exclusion.create({ data: { workspaceId: TEAM, memberId: ids.max, excludedId: ids.tina } });
    await p.surveyResponse.create({ data: { id: "anonymous", workspaceId: TEAM, programId, kind: "program", milestone: "year-2026", period: "2026–27", answers: { overall: 4 } } });
    const session = await p.roundTableSession.create({
      data: {
        workspaceId: TEAM,
        programId,
        startsAt: new Date(Date.now() + 3 * 86_400_000),
        rotations: 1,
        minutesPerRotation: 20,
        tableSize: 6,
        choiceDeadline: new Date(Date.now() + 2 * 86_400_000),
        createdById: "U0DIR",
        seatedAt: new Date(),
        hosts: { create: [{ workspaceId: TEAM, memberId: ids.max, careerPath: "academic_research" }] },
      },
      select: { id: true, hosts: { select: { id: true } } },
    });
    for (const k of ["tina", "tom"] as const) {
      await p.roundTableChoice.create({ data: { workspaceId: TEAM, sessionId: session.id, memberId: ids[k], paths: ["academic_research"] } });
      await p.roundTableSeat.create({ data: { workspaceId: TEAM, sessionId: session.id, hostId: session.hosts[0]!.id, memberId: ids[k], rotation: 0 } });
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** Rows holding `memberId` in each column PERSON_COLUMNS says erasure deletes. */
  const deletedColumnRows = async (memberId: string) => {
    const counts: Record<string, number> = {};
    for (const [model, columns] of Object.entries(PERSON_COLUMNS)) {
      for (const [column, fate] of Object.entries(columns)) {
        if (fate.erasure !== "deleted") continue;
        const delegate = (database.prisma as unknown as Record<string, { count(args: unknown): Promise<number> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
        counts[`${model}.${column}`] = await delegate.count({ where: { [column]: memberId } });
      }
    }
    return counts;
  };

  it("is all or nothing: an erasure that fails part-way (here its last write) leaves every row as it was", async () => {
    const before = await deletedColumnRows(ids.tina);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    const broken = { workspaceId: "T0NOSUCHTEAM", key: "member-left:broken", channel: "U0MAX", payload: { text: "x" }, notBefore: new Date() };
    await expect(eraseMember(database.prisma, TEAM, ids.tina, new Date(), [broken])).rejects.toThrow();
    expect(await deletedColumnRows(ids.tina)).toEqual(before);
    expect(await database.prisma.member.findUniqueOrThrow({ where: { id: ids.tina } })).toMatchObject({ name: "tina", erasedAt: null });
    expect(await database.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "member.erased" } })).toBe(0);
  });

  it("deletes the rows of every column PERSON_COLUMNS marks deleted — survey invitations and round-table choices and seats among them — and only the person's", async () => {
    const tomBefore = await deletedColumnRows(ids.tom);
    const counts = await eraseMember(database.prisma, TEAM, ids.tina, new Date());
    expect(counts).toMatchObject({ surveyInvitations: 1, roundTableChoices: 1, roundTableSeats: 1 });
    expect(Object.entries(await deletedColumnRows(ids.tina)).filter(([, n]) => n > 0)).toEqual([]);
    expect(await deletedColumnRows(ids.tom)).toEqual(tomBefore);
    // The anonymous answers stay: they were never linked to her. The table she sat at stays for Tom.
    expect(await database.prisma.surveyResponse.count({ where: { workspaceId: TEAM } })).toBe(1);
    expect(await database.prisma.roundTableHost.count({ where: { workspaceId: TEAM, memberId: ids.max } })).toBe(1);
  });
});
