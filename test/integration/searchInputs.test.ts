import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { testProviders } from "../support/databases.js";
import { searchInputs } from "../../src/store/searchInputs.js";
import { traineeTies, type TraineeTies } from "../../src/store/candidates.js";
import { findProfile } from "../../src/store/profiles.js";
import { traineeProgramIds } from "../../src/store/traineePrograms.js";
import { findMentors, searchMentors } from "../../src/features/findmentor/findMentor.js";
import { EMPTY_PROFILE, type ProfileData } from "../../src/domain/profile.js";
import type { MemberProfile } from "../../src/store/members.js";

/** Ties with each mentor's list sorted (the separate reads return rows in no set order). */
const sorted = (t: TraineeTies) => ({
  roles: new Map([...t.roles].map(([k, v]) => [k, [...v].sort()])),
  declinedAt: new Map([...t.declinedAt].map(([k, v]) => [k, [...v].sort((a, b) => a.getTime() - b.getTime())])),
  excluded: t.excluded,
});

describe.each(testProviders)("the trainee's part of a search in one statement on %s", (provider) => {
  let db: MigratedTestDatabase;
  const now = new Date("2026-11-21T12:00:00Z");
  const fullProfile: ProfileData = {
    ...EMPTY_PROFILE,
    careerStage: "fellow",
    trainingYear: 2,
    specialty: "hematology",
    careerPaths: ["research"],
    interests: ["thrombosis", "grants", "x"],
    priorities: ["research", "balance"],
    meetingFormats: ["video"],
    wantsHandsOn: false,
    expertise: [],
    rolesOffered: ["coach"],
    capacity: 4,
    handsOn: true,
    helpedGrants: false,
    copublishes: null,
    bio: "Likes \"quotes\" and ünïcode",
  };

  beforeAll(async () => {
    db = await createMigratedDatabase(provider);
    const p = db.prisma;
    await p.workspace.createMany({ data: [{ id: "T" }, { id: "T2" }] });
    const p1 = (await p.program.create({ data: { workspaceId: "T", name: "P1" } })).id;
    const p2 = (await p.program.create({ data: { workspaceId: "T", name: "P2" } })).id;
    const other = (await p.program.create({ data: { workspaceId: "T2", name: "P1" } })).id;
    const member = (id: string, workspaceId = "T", refreshedAt = now) => ({ id, workspaceId, slackUserId: `U${id.toUpperCase()}`, name: id, refreshedAt });
    await p.member.createMany({
      data: [
        ...["t", "np", "ne", "m1", "m2", "m3", "m4", "m5"].map((id) => member(id)),
        { ...member("stale", "T", new Date(now.getTime() - 25 * 3_600_000)) },
        { ...member("unreached", "T", new Date(now.getTime() - 25 * 3_600_000)) },
        { ...member("t-other", "T2"), slackUserId: "UT" },
      ],
    });
    // t: a trainee in two programs (and a mentor in one), with every kind of tie.
    await p.enrollment.createMany({
      data: [
        { workspaceId: "T", programId: p2, memberId: "t", role: "TRAINEE" },
        { workspaceId: "T", programId: p1, memberId: "t", role: "TRAINEE" },
        { workspaceId: "T", programId: p1, memberId: "t", role: "MENTOR" },
        { workspaceId: "T", programId: p1, memberId: "np", role: "TRAINEE" },
        { workspaceId: "T", programId: p1, memberId: "ne", role: "MENTOR" },
        { workspaceId: "T", programId: p1, memberId: "stale", role: "TRAINEE" },
        { workspaceId: "T2", programId: other, memberId: "t-other", role: "TRAINEE" },
        ...["m1", "m2", "m3", "m4", "m5"].map((memberId) => ({ workspaceId: "T", programId: p1, memberId, role: "MENTOR" as const })),
      ],
    });
    await p.profile.create({ data: { workspaceId: "T", memberId: "t", ...fullProfile } });
    await p.profile.create({ data: { workspaceId: "T", memberId: "ne", ...EMPTY_PROFILE, handsOn: false, wantsHandsOn: true } });
    await p.profile.create({ data: { workspaceId: "T", memberId: "stale", ...EMPTY_PROFILE } });
    await p.profile.create({ data: { workspaceId: "T2", memberId: "t-other", ...EMPTY_PROFILE, specialty: "elsewhere" } });
    const match = (traineeId: string, mentorId: string, role: string, status: "ACTIVE" | "ENDED" = "ACTIVE") => ({ workspaceId: "T", programId: p1, traineeId, mentorId, role, status, startedAt: now });
    await p.match.createMany({ data: [match("t", "m1", "mentor"), match("t", "m1", "coach"), match("t", "m3", "sponsor"), match("t", "m2", "mentor", "ENDED"), match("np", "m1", "mentor")] });
    const request = (traineeId: string, mentorId: string, status: "PENDING" | "DECLINED" | "ACCEPTED", respondedAt: Date | null) => ({
      workspaceId: "T",
      programId: p1,
      traineeId,
      mentorId,
      role: "mentor",
      status,
      createdAt: new Date("2026-11-01T12:00:00Z"),
      respondedAt,
    });
    await p.mentorRequest.createMany({
      data: [
        request("t", "m2", "DECLINED", new Date("2026-11-02T00:00:00.123Z")),
        request("t", "m2", "DECLINED", null),
        request("t", "m4", "PENDING", null),
        request("t", "m5", "ACCEPTED", new Date("2026-11-03T00:00:00Z")),
        request("np", "m2", "DECLINED", new Date("2026-11-04T00:00:00Z")),
      ],
    });
    await p.exclusion.createMany({
      data: [
        { workspaceId: "T", memberId: "t", excludedId: "m4" },
        { workspaceId: "T", memberId: "m5", excludedId: "t" },
        { workspaceId: "T", memberId: "m1", excludedId: "m2" },
      ],
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  const separately = async (workspaceId: string, memberId: string) => ({
    programIds: await traineeProgramIds(db.prisma, workspaceId, memberId),
    profile: await findProfile(db.prisma, workspaceId, memberId),
    ties: sorted(await traineeTies(db.prisma, workspaceId, memberId)),
  });

  it.each([
    ["t", "a trainee in 2 programs with ties of every kind"],
    ["np", "a trainee with no profile"],
    ["ne", "a member who is not enrolled as a trainee"],
    ["m5", "a mentor who excluded a trainee"],
    ["nobody", "a member id no row has"],
  ])("reads for %s (%s) what the separate reads do", async (memberId) => {
    const one = await searchInputs(db.prisma, "T", { memberId });
    expect({ programIds: one.programIds, profile: one.profile, ties: sorted(one.ties) }).toEqual(await separately("T", memberId));
  });

  it("holds each value with its type: dates, booleans, numbers, lists and text", async () => {
    const { programIds, profile, ties, member } = await searchInputs(db.prisma, "T", { memberId: "t" });
    expect(programIds).toHaveLength(2);
    expect([...programIds].sort()).toEqual(programIds);
    expect(profile).toEqual(fullProfile);
    expect(sorted(ties)).toEqual({
      roles: new Map([
        ["m1", ["coach", "mentor"]],
        ["m3", ["sponsor"]],
      ]),
      declinedAt: new Map([["m2", [new Date("2026-11-02T00:00:00.123Z"), expect.any(Date)]]]),
      excluded: new Set(["m4", "m5"]),
    });
    expect(member).toEqual({ id: "t", refreshedAt: now });
    expect((await searchInputs(db.prisma, "T", { memberId: "ne" })).profile).toMatchObject({ handsOn: false, wantsHandsOn: true, copublishes: null, interests: [] });
  });

  it("finds the member by Slack user id in the workspace, or no one", async () => {
    const bySlack = await searchInputs(db.prisma, "T", { slackUserId: "UT" });
    expect(bySlack).toEqual(await searchInputs(db.prisma, "T", { memberId: "t" }));
    const there = await searchInputs(db.prisma, "T2", { slackUserId: "UT" });
    expect(there.member?.id).toBe("t-other");
    expect({ programIds: there.programIds, profile: there.profile, ties: sorted(there.ties) }).toEqual(await separately("T2", "t-other"));
    expect(await searchInputs(db.prisma, "T", { slackUserId: "UNOBODY" })).toEqual({ member: null, programIds: [], profile: null, ties: { roles: new Map(), declinedAt: new Map(), excluded: new Set() } });
    expect((await searchInputs(db.prisma, "T2", { memberId: "t" })).programIds).toEqual([]);
  });

  describe("findMentors", () => {
    const asked: string[] = [];
    const directory = {
      async userProfile(slackUserId: string): Promise<MemberProfile> {
        asked.push(slackUserId);
        return { name: `${slackUserId} renamed`, realName: null, email: null, tz: "UTC", isAdmin: false, isOwner: false };
      },
    };
    const ctx = () => ({ db: db.prisma, directory, workspaceId: "T", now });
    const input = { keywords: "", page: 0 };

    it("answers a known member without asking Slack, as the search by member id does", async () => {
      asked.length = 0;
      expect(await findMentors(ctx(), "UT", input)).toEqual(await searchMentors(db.prisma, "T", "t", input, now));
      expect(await findMentors(ctx(), "UNP", input)).toEqual({ kind: "no_profile" });
      expect(asked).toEqual([]);
    });

    it("refreshes a member whose Slack details are a day old, then searches for them", async () => {
      asked.length = 0;
      expect(await findMentors(ctx(), "USTALE", input)).toEqual(await searchMentors(db.prisma, "T", "stale", input, now));
      expect(asked).toEqual(["USTALE"]);
      expect(await db.prisma.member.findUniqueOrThrow({ where: { id: "stale" } })).toMatchObject({ name: "USTALE renamed", refreshedAt: now });
    });

    it("uses the stored member when Slack cannot be asked, asking once", async () => {
      const tried: string[] = [];
      const down = { userProfile: async (slackUserId: string): Promise<MemberProfile> => Promise.reject(new Error(`no answer for ${(tried.push(slackUserId), slackUserId)}`)) };
      const result = await findMentors({ ...ctx(), directory: down }, "UUNREACHED", input);
      expect(result).toMatchObject({ kind: "not_enrolled", standing: { member: { id: "unreached", name: "unreached" }, enrollments: [] } });
      expect(tried).toEqual(["UUNREACHED"]);
      await expect(findMentors({ ...ctx(), directory: down }, "UNOBODY", input)).rejects.toThrow("no answer for UNOBODY");
    });

    it("creates a member on first contact and tells them they are not enrolled", async () => {
      asked.length = 0;
      const result = await findMentors(ctx(), "UNEW", input);
      expect(asked).toEqual(["UNEW"]);
      expect(result).toMatchObject({ kind: "not_enrolled", standing: { member: { slackUserId: "UNEW", name: "UNEW renamed" }, enrollments: [], isDirector: false } });
      expect(await findMentors(ctx(), "UNEW", input)).toEqual(result);
      expect(asked).toEqual(["UNEW"]);
    });
  });
});
