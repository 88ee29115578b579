import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editProposal, proposeRun } from "../../src/features/rounds/roundProposal.js";
import pino from "pino";
import { WebClient } from "@slack/web-api";
import { approveRun, discardRun, queueMissingIntroductions, sendPreview } from "../../src/features/rounds/roundApproval.js";
import { OutboxWorker } from "../../src/slack/outbox.js";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { RoundMentorFull, RoundPairNotAllowed, RoundProposalChanged, RoundRunNotInPreview } from "../../src/domain/errors.js";
import type { Db } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import { roundMessages } from "../../src/features/rounds/views/previewMessages.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { oneWorkspace } from "../../src/slack/tenancy/clients.js";

const TEAM = "T0ROUNDS";
const NOW = new Date("2026-03-02T15:00:00Z");
const by = { workspaceId: TEAM, actor: "U0DIR" };

describe.each(testProviders)("proposing and approving pairing rounds on %s", (provider) => {
  let database: MigratedTestDatabase;
  let slack: FakeSlack;
  /** Shifts the outbox's clock, to let retries come due. */
  let later = 0;
  let programId = "";
  let cohortId = "";
  const id: Record<string, string> = {};
  let seq = 0;

  const newRun = async (kind: "MENTOR_MATCH" | "ROTATION" | "SPEED", options: object = {}, roundId?: string) => {
    seq += 1;
    const round = roundId ?? (await database.prisma.round.create({ data: { workspaceId: TEAM, programId, cohortId, name: `Round ${seq}`, kind, options, createdById: "U0DIR" } })).id;
    const run = await database.prisma.roundRun.create({ data: { workspaceId: TEAM, roundId: round, scheduledFor: new Date(NOW.getTime() + seq * 60_000), status: "NOTICED" } });
    return { roundId: round, runId: run.id };
  };

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    slack = await new FakeSlack().start();
    const prisma = database.prisma;
    await prisma.workspace.createMany({ data: [{ id: TEAM }, { id: "T1OTHER" }] });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme", defaultCapacity: 2 } })).id;
    cohortId = (await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2026" } })).id;
    const otherCohort = (await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2025" } })).id;
    const people: [string, "TRAINEE" | "MENTOR", string | null][] = [
      ["t1", "TRAINEE", cohortId], ["t2", "TRAINEE", cohortId], ["t3", "TRAINEE", cohortId], ["t4", "TRAINEE", cohortId], ["t5", "TRAINEE", cohortId],
      ["t6", "TRAINEE", otherCohort], ["tx", "TRAINEE", otherCohort],
      ["m1", "MENTOR", null], ["m2", "MENTOR", null], ["m3", "MENTOR", null], ["m4", "MENTOR", null],
    ];
    for (const [key, role, cohort] of people) {
      id[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: `U0${key.toUpperCase()}`, name: key, refreshedAt: NOW, ...(key === "m3" ? { pausedAt: NOW } : {}) } })).id;
      await prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: id[key]!, role, cohortId: cohort } });
      await prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: id[key]!, specialty: "hematology", rolesOffered: role === "MENTOR" ? ["mentor"] : [], capacity: key === "m1" ? 1 : null } });
    }
    // m1's only place is taken; t1 confidentially excluded m2.
    await prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: id.tx!, mentorId: id.m1!, role: "mentor", startedAt: NOW } });
    await prisma.exclusion.create({ data: { workspaceId: TEAM, memberId: id.t1!, excludedId: id.m2! } });
  });

  afterAll(async () => {
    await slack?.stop();
    await database?.drop();
  });

  /** Delivers what the outbox holds, as the app's outbox worker does (the introductions open their group DMs). */
  const deliver = () =>
    new OutboxWorker({
      db: database.prisma,
      clients: oneWorkspace(new WebClient("xoxb-test-token", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } })),
      logger: pino({ level: "silent" }),
      ratePerSecond: 1000,
      reclaimAfterMs: 60_000,
      now: () => new Date(Date.now() + later),
    }).drain();
  /** Posts that carry this outbox key (a pair's group DM also holds earlier rounds' introductions). */
  const postsOf = (key: string) => slack.callsTo("chat.postMessage").filter((c) => JSON.stringify(c.args.metadata ?? {}).includes(`"${key}"`)).length;
  const introsPostedIn = (channel: string) => slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel && String(c.args.metadata ? JSON.stringify(c.args.metadata) : "").includes("intro:")).length;

  /**
   * The database as one director's approval sees it, with `meanwhile` (another director's action)
   * landing right after that approval first reads the run: the interleaving a loaded machine produces.
   */
  const interleaved = (meanwhile: () => Promise<unknown>): Db => {
    const real = database.prisma;
    let landed = false;
    const roundRun = new Proxy(real.roundRun, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (prop !== "findFirst" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          const result = (await value.apply(target, args)) as unknown;
          if (!landed) {
            landed = true;
            await meanwhile();
          }
          return result;
        };
      },
    });
    return new Proxy(real, {
      get(target, prop) {
        if (prop === "roundRun") return roundRun;
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  };

  it("a mentor-match proposal covers the cohort minus skips, respects capacity, pauses and exclusions, and is stored as the preview", async () => {
    const { runId } = await newRun("MENTOR_MATCH");
    await database.prisma.roundSkip.create({ data: { workspaceId: TEAM, runId, memberId: id.t5! } });
    const proposal = await proposeRun(database.prisma, TEAM, runId, NOW);
    const pairs = proposal.pairs.map((p) => [p.trainee, p.mentor]);
    expect(pairs.map(([t]) => t).sort()).toEqual([id.t1, id.t2, id.t3, id.t4].sort());
    for (const [t, m] of pairs) {
      expect([id.m2, id.m4]).toContain(m);
      if (t === id.t1) expect(m).toBe(id.m4);
    }
    expect(proposal.metrics).toMatchObject({ participants: 4, matched: 4, matchedPercent: 100 });
    const run = await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("PREVIEW");
    expect((run.proposal as { pairs: unknown[] }).pairs).toHaveLength(4);
  });

  it("an edit that breaks a rule is refused and stores nothing; a valid one is stored", async () => {
    const { runId } = await newRun("MENTOR_MATCH");
    const proposal = await proposeRun(database.prisma, TEAM, runId, NOW);
    const onM2 = proposal.pairs.find((p) => p.mentor === id.m2)!;
    const t1 = proposal.pairs.find((p) => p.trainee === id.t1)!;
    const refused = await editProposal({ db: database.prisma, now: NOW, workspaceId: TEAM }, runId, { kind: "swap", traineeA: t1.trainee, traineeB: onM2.trainee });
    expect(refused).toMatchObject({ ok: false, problem: "exclusion", trainee: id.t1, mentor: id.m2 });
    expect((await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).proposal).toEqual(JSON.parse(JSON.stringify(proposal)));
    const dropped = await editProposal({ db: database.prisma, now: NOW, workspaceId: TEAM }, runId, { kind: "drop", target: onM2.trainee });
    expect(dropped.ok).toBe(true);
    const stored = (await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).proposal as { pairs: unknown[]; unmatched: { reason: string }[] };
    expect(stored.pairs).toHaveLength(3);
    expect(stored.unmatched).toContainEqual({ memberId: onM2.trainee, reason: "dropped" });
    await discardRun(database.prisma, by, runId, NOW);
    await expect(approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId)).rejects.toBeInstanceOf(RoundRunNotInPreview);
  });

  it("a pair that became excluded after the preview is not approved, and nothing is created", async () => {
    const { runId } = await newRun("MENTOR_MATCH");
    const proposal = await proposeRun(database.prisma, TEAM, runId, NOW);
    const pair = proposal.pairs[0]!;
    const exclusion = await database.prisma.exclusion.create({ data: { workspaceId: TEAM, memberId: pair.mentor, excludedId: pair.trainee } });
    const before = await database.prisma.match.count();
    await expect(approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId)).rejects.toBeInstanceOf(RoundPairNotAllowed);
    expect(await database.prisma.match.count()).toBe(before);
    expect((await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("PREVIEW");
    await database.prisma.exclusion.delete({ where: { id: exclusion.id } });
    await discardRun(database.prisma, by, runId, NOW);
  });

  it("three approvals at once approve once: matches, groups with their match, one summary; introductions are queued once however often they run", async () => {
    const { runId } = await newRun("MENTOR_MATCH");
    await proposeRun(database.prisma, TEAM, runId, NOW);
    expect(await sendPreview(database.prisma, TEAM, runId, "U0DIR", NOW, roundMessages)).toBe(true);
    expect(await sendPreview(database.prisma, TEAM, runId, "U0DIR", NOW, roundMessages)).toBe(false);
    const results = await Promise.all([1, 2, 3].map(() => approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId)));
    expect(results.filter((r) => r.outcome === "approved")).toHaveLength(1);
    const run = await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "APPROVED", approvedById: "U0DIR" });
    const matches = await database.prisma.match.findMany({ where: { workspaceId: TEAM, status: "ACTIVE", startedAt: NOW, traineeId: { not: id.tx } } });
    expect(matches).toHaveLength(4);
    const groups = await database.prisma.roundGroup.findMany({ where: { runId } });
    expect(groups.map((g) => g.matchId).sort()).toEqual(matches.map((m) => m.id).sort());
    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: TEAM, key: `round-summary:${runId}` } })).toBe(1);

    // Two outbox workers deliver at once; the start-up check for missing introductions finds none.
    await Promise.all([deliver(), deliver()]);
    const channels = (await database.prisma.roundGroup.findMany({ where: { runId } })).map((g) => g.introChannelId!);
    expect(channels.map(introsPostedIn).reduce((a, b) => a + b, 0)).toBe(4);
    await queueMissingIntroductions(database.prisma, NOW, roundMessages);
    await Promise.all([deliver(), deliver()]);
    expect(channels.map(introsPostedIn).reduce((a, b) => a + b, 0)).toBe(4);
    const intros = await database.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM, key: { startsWith: "round-intro:" } } });
    expect(intros).toHaveLength(4);
    expect(JSON.stringify(intros[0]!.payload)).toContain("How often to meet");
    for (const m of await database.prisma.match.findMany({ where: { id: { in: matches.map((x) => x.id) } } })) {
      expect(m.introChannelId).toBe(`G-${["U0" + Object.entries(id).find(([, v]) => v === m.traineeId)![0].toUpperCase(), "U0" + Object.entries(id).find(([, v]) => v === m.mentorId)![0].toUpperCase()].sort().join("-")}`);
    }
    await expect(proposeRun(database.prisma, TEAM, runId, NOW)).rejects.toBeInstanceOf(RoundRunNotInPreview);
  });

  it("a proposal whose mentor filled up after the preview is not approved, and nothing is created", async () => {
    // t1–t4 have mentors now; only t5 is left, and m4 gets one more place for them.
    await database.prisma.profile.update({ where: { memberId: id.m4! }, data: { capacity: 3 } });
    const { runId } = await newRun("MENTOR_MATCH");
    const proposal = await proposeRun(database.prisma, TEAM, runId, NOW);
    expect(proposal.pairs.map((p) => p.trainee)).toEqual([id.t5]);
    const mentor = proposal.pairs[0]!.mentor;
    await database.prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: id.t6!, mentorId: mentor, role: "coach", startedAt: NOW } });
    const before = await database.prisma.match.count();
    await expect(approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId)).rejects.toBeInstanceOf(RoundMentorFull);
    expect(await database.prisma.match.count()).toBe(before);
    expect((await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("PREVIEW");
  });

  it("a rotation's approved groups are remembered: the next run of the round pairs people who have not met", async () => {
    const first = await newRun("ROTATION");
    await database.prisma.roundSkip.create({ data: { workspaceId: TEAM, runId: first.runId, memberId: id.t5! } });
    const p1 = await proposeRun(database.prisma, TEAM, first.runId, NOW);
    expect(p1.groups.map((g) => g.members.length)).toEqual([2, 2]);
    await approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, first.runId);
    expect(await database.prisma.roundGroup.count({ where: { runId: first.runId, matchId: null } })).toBe(2);
    expect(await database.prisma.outboxMessage.count({ where: { key: `round-summary:${first.runId}` } })).toBe(1);
    const second = await newRun("ROTATION", {}, first.roundId);
    await database.prisma.roundSkip.create({ data: { workspaceId: TEAM, runId: second.runId, memberId: id.t5! } });
    const p2 = await proposeRun(database.prisma, TEAM, second.runId, NOW);
    expect(p2.metrics.repeats).toBe(0);
    const met = new Set(p1.groups.flatMap((g) => g.members.flatMap((a) => g.members.filter((b) => b !== a).map((b) => `${a}|${b}`))));
    for (const g of p2.groups) for (const a of g.members) for (const b of g.members) if (a !== b) expect(met.has(`${a}|${b}`)).toBe(false);
  });

  it("a group DM Slack fails to open is retried, the others are introduced at once, each group once", async () => {
    await deliver(); // whatever earlier tests left queued
    const { runId } = await newRun("ROTATION", { groupSize: 2 });
    await proposeRun(database.prisma, TEAM, runId, NOW);
    await approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId);
    const groups = await database.prisma.roundGroup.findMany({ where: { runId } });
    expect(groups.length).toBeGreaterThan(1);
    const key = { workspaceId: TEAM, key: { in: groups.map((g) => `round-intro:${g.id}`) } };
    // The introductions were queued with the approval; Slack goes away for one conversations.open.
    slack.failNext("conversations.open", { status: 500 });
    await deliver();
    const opened = await database.prisma.roundGroup.findMany({ where: { runId, introChannelId: { not: null } } });
    expect(opened).toHaveLength(groups.length - 1);
    expect(opened.map((g) => introsPostedIn(g.introChannelId!))).toEqual(opened.map(() => 1));
    later += 60_000; // its retry comes due
    await deliver();
    await deliver();
    const all = await database.prisma.roundGroup.findMany({ where: { runId } });
    expect(all.map((g) => introsPostedIn(g.introChannelId!))).toEqual(groups.map(() => 1));
    expect(await database.prisma.outboxMessage.count({ where: { ...key, status: "SENT" } })).toBe(groups.length);
    const intros = await database.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM, key: { in: groups.map((g) => `round-intro:${g.id}`) } } });
    expect(intros).toHaveLength(groups.length);
    expect(JSON.stringify(intros[0]!.payload)).toContain("you're together this round");
  });

  it("approving a speed-mentoring event DMs each person their own schedule once, in their own time zone", async () => {
    await database.prisma.member.update({ where: { id: id.m2! }, data: { tz: "America/Chicago" } });
    const { runId } = await newRun("SPEED", { rotations: 2, minutesPerRotation: 10, breakMinutes: 5, startsAt: "2026-03-02T16:00:00Z" });
    const proposal = await proposeRun(database.prisma, TEAM, runId, NOW);
    expect(proposal.speed!.rotations).toHaveLength(2);
    await approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId);
    await approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId);
    const dms = await database.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM, key: { startsWith: `round-speed:${runId}:` } } });
    expect(dms.map((d) => d.channel).sort()).toEqual(Object.keys(proposal.speed!.byPerson).map((m) => proposal.people[m]!.slackUserId).sort());
    const m2 = JSON.stringify(dms.find((d) => d.channel === "U0M2")!.payload);
    expect(m2).toContain("*10:00–10:10* rotation 1");
    expect(m2).toContain("*10:15–10:25* rotation 2");
    expect(await database.prisma.roundGroup.count({ where: { runId } })).toBe(proposal.groups.length);
    const groups = await database.prisma.roundGroup.findMany({ where: { runId } });
    expect(await database.prisma.outboxMessage.count({ where: { key: { in: groups.map((g) => `round-intro:${g.id}`) } } })).toBe(0);
  });

  it("at start-up, an approved round's groups and an accepted match that an older release left unintroduced get one introduction each", async () => {
    const { runId } = await newRun("ROTATION", { groupSize: 2 });
    await proposeRun(database.prisma, TEAM, runId, NOW);
    await approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId);
    const groups = await database.prisma.roundGroup.findMany({ where: { runId } });
    const keys = groups.map((g) => `round-intro:${g.id}`);
    // As an older release left it: approved, but the app stopped before opening the group DMs.
    await database.prisma.outboxMessage.deleteMany({ where: { workspaceId: TEAM, key: { in: keys } } });
    const match = await database.prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: id.t6!, mentorId: id.m4!, role: "coach", startedAt: NOW } });
    await deliver(); // everything else queued so far goes out first
    const queued = await queueMissingIntroductions(database.prisma, NOW, roundMessages);
    expect(queued).toBeGreaterThanOrEqual(groups.length + 1);
    expect(await queueMissingIntroductions(database.prisma, NOW, roundMessages)).toBe(0);
    // A pair's group DM takes one message a second: earlier tests' introductions to the same pairs hold it a moment.
    for (let i = 0; i < 5; i++) {
      later += 2_000;
      await deliver();
    }
    expect(keys.map(postsOf)).toEqual(groups.map(() => 1));
    expect((await database.prisma.roundGroup.findMany({ where: { runId, introChannelId: { startsWith: "G-" } } })).length).toBe(groups.length);
    const introduced = await database.prisma.match.findUniqueOrThrow({ where: { id: match.id } });
    expect(introduced.introChannelId).toBe(`G-${["U0T6", "U0M4"].sort().join("-")}`);
    expect(postsOf(`intro:${match.id}`)).toBe(1);
    expect(await queueMissingIntroductions(database.prisma, NOW, roundMessages)).toBe(0);
  });

  it("another workspace cannot see or approve this workspace's runs", async () => {
    const { runId } = await newRun("MENTOR_MATCH");
    await expect(proposeRun(database.prisma, "T1OTHER", runId, NOW)).rejects.toThrow(/no round run/);
    await expect(approveRun({ db: database.prisma, now: NOW, workspaceId: "T1OTHER", messages: roundMessages }, { workspaceId: "T1OTHER", actor: "U1X" }, runId)).rejects.toThrow(/no round run/);
  });

  it("an edit that lands while a director's approval is under way is not approved unseen: they are told to look again, and nothing is created", async () => {
    const { runId } = await newRun("ROTATION");
    const shown = await proposeRun(database.prisma, TEAM, runId, NOW);
    expect(shown.groups.length).toBeGreaterThan(1);
    const drop = () => editProposal({ db: database.prisma, now: NOW, workspaceId: TEAM }, runId, { kind: "drop", target: "0" });
    await expect(approveRun({ db: interleaved(drop), now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId)).rejects.toBeInstanceOf(RoundProposalChanged);
    const run = await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("PREVIEW");
    expect((run.proposal as { groups: unknown[] }).groups).toHaveLength(shown.groups.length - 1);
    expect(await database.prisma.roundGroup.count({ where: { runId } })).toBe(0);
    // Looking again and approving approves what is shown now.
    const again = await approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId);
    expect(again.outcome).toBe("approved");
    expect(await database.prisma.roundGroup.count({ where: { runId } })).toBe(shown.groups.length - 1);
  });

  it("a director whose approval loses the race is answered with the approval that won, as it was approved, not the proposal they had read", async () => {
    const { runId } = await newRun("ROTATION");
    const shown = await proposeRun(database.prisma, TEAM, runId, NOW);
    const other = { workspaceId: TEAM, actor: "U0DIR2" };
    const dropThenApprove = async () => {
      await editProposal({ db: database.prisma, now: NOW, workspaceId: TEAM }, runId, { kind: "drop", target: "0" });
      expect((await approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, other, runId)).outcome).toBe("approved");
    };
    const late = await approveRun({ db: interleaved(dropThenApprove), now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId);
    expect(late.outcome).toBe("already");
    expect(late.run).toMatchObject({ status: "APPROVED", approvedById: "U0DIR2" });
    expect(late.proposal.groups).toHaveLength(shown.groups.length - 1);
    expect(await database.prisma.roundGroup.count({ where: { runId } })).toBe(shown.groups.length - 1);
  });

  it("a director whose approval finds the pairs already created by a colleague's approval of the same run is told it is approved, not that a pair is no longer allowed", async () => {
    await database.prisma.profile.update({ where: { memberId: id.m2! }, data: { capacity: 9 } });
    const { runId } = await newRun("MENTOR_MATCH");
    const shown = await proposeRun(database.prisma, TEAM, runId, NOW);
    expect(shown.pairs.length).toBeGreaterThan(0);
    const other = { workspaceId: TEAM, actor: "U0DIR2" };
    const late = await approveRun({ db: interleaved(() => approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, other, runId)), now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId);
    expect(late).toMatchObject({ outcome: "already", run: { status: "APPROVED", approvedById: "U0DIR2" } });
    expect(late.proposal.pairs).toEqual(shown.pairs);
    expect(await database.prisma.roundGroup.count({ where: { runId } })).toBe(shown.pairs.length);
  });

  /** The database as an approval sees it, with `meanwhile` landing just before its transaction begins (after the rule checks). */
  const beforeTransaction = (meanwhile: () => Promise<unknown>): Db => {
    const real = database.prisma;
    let landed = false;
    return new Proxy(real, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (prop !== "$transaction" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          if (!landed) {
            landed = true;
            await meanwhile();
          }
          return value.apply(target, args);
        };
      },
    });
  };

  it("Approve on an older preview message does not approve another director's later edit: they are told the proposal changed, nothing is created; the current version approves", async () => {
    const { runId } = await newRun("ROTATION");
    await proposeRun(database.prisma, TEAM, runId, NOW);
    const shownAt = (await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).updatedAt.getTime();
    await new Promise((r) => setTimeout(r, 5));
    expect((await editProposal({ db: database.prisma, now: NOW, workspaceId: TEAM }, runId, { kind: "drop", target: "0" })).ok).toBe(true);
    await expect(approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId, shownAt)).rejects.toBeInstanceOf(RoundProposalChanged);
    const run = await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("PREVIEW");
    expect(await database.prisma.roundGroup.count({ where: { runId } })).toBe(0);
    expect((await approveRun({ db: database.prisma, now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId, run.updatedAt.getTime())).outcome).toBe("approved");
  });

  it("a pair a /findmentor accept created between the approval's checks and its transaction is not created twice, nor a second mentor in the role", async () => {
    // Room to spare, so only the pairing rules (not a mentor's capacity) can stop the approval.
    await database.prisma.profile.updateMany({ where: { memberId: { in: [id.m2!, id.m4!] } }, data: { capacity: 50 } });
    for (const how of ["same pair", "another mentor in the role"] as const) {
      const { runId } = await newRun("MENTOR_MATCH", { role: "coach" });
      const proposal = await proposeRun(database.prisma, TEAM, runId, NOW);
      const pair = proposal.pairs[0]!;
      const other = [id.m2!, id.m4!].find((m) => m !== pair.mentor)!;
      let acceptedId = "";
      const accept = async () => {
        const mentorId = how === "same pair" ? pair.mentor : other;
        acceptedId = (await database.prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: pair.trainee, mentorId, role: "coach", startedAt: NOW } })).id;
      };
      const before = await database.prisma.match.count();
      await expect(approveRun({ db: beforeTransaction(accept), now: NOW, workspaceId: TEAM, messages: roundMessages }, by, runId)).rejects.toBeInstanceOf(RoundPairNotAllowed);
      expect(await database.prisma.match.count()).toBe(before + 1);
      expect(await database.prisma.match.count({ where: { traineeId: pair.trainee, role: "coach", status: "ACTIVE" } })).toBe(1);
      expect((await database.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("PREVIEW");
      await database.prisma.match.delete({ where: { id: acceptedId } });
      await discardRun(database.prisma, by, runId, NOW);
    }
  });
});
