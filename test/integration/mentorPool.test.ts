import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { testProviders } from "../support/databases.js";
import { poolFingerprint } from "../../src/store/candidates.js";
import { cachedMentorPool, warmMentorPools } from "../../src/features/findmentor/mentorPool.js";
import { searchMentors } from "../../src/features/findmentor/findMentor.js";
import { connect } from "../../src/store/database.js";
import { poolCache } from "../../src/metrics/poolCache.js";
import { createLogger } from "../../src/logger.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";

// The pool starts its workers from the compiled dist/ files (what `npm start` runs), so take it from there.
const compiledPool = "../../dist/src/workers/mentorSearchPool.js";
const { MentorSearchPool } = (await import(compiledPool)) as typeof import("../../src/workers/mentorSearchPool.js");
const compiledRegistry = "../../dist/src/metrics/registry.js";
const { registry } = (await import(compiledRegistry)) as typeof import("../../src/metrics/registry.js");
const compiledSearchMetrics = "../../dist/src/metrics/search.js";
await import(compiledSearchMetrics); // registers the search metrics, as the app does
/** A series' value in /metrics (the pool's, from dist/). */
const metricValue = async (series: string) => Number((await registry.metrics()).split("\n").find((l) => l.startsWith(`${series} `))?.split(" ")[1] ?? NaN);

describe.each(testProviders)("the cached mentor pool on %s", (provider) => {
  let db: MigratedTestDatabase;
  let programId: string;
  const now = new Date("2026-11-21T12:00:00Z");
  const later = (ms: number) => new Date(now.getTime() + ms);

  beforeAll(async () => {
    db = await createMigratedDatabase(provider);
    const p = db.prisma;
    await p.workspace.createMany({ data: [{ id: "T" }, { id: "T2" }] });
    programId = (await p.program.create({ data: { workspaceId: "T", name: "P" } })).id;
    await p.member.createMany({ data: ["t", "m1", "m2", "m3"].map((id) => ({ id, workspaceId: "T", slackUserId: `U${id}`, name: id, refreshedAt: now })) });
    await p.enrollment.createMany({ data: ["m1", "m2"].map((memberId) => ({ workspaceId: "T", programId, memberId, role: "MENTOR" as const })) });
    await p.enrollment.create({ data: { workspaceId: "T", programId, memberId: "t", role: "TRAINEE" } });
    await p.profile.create({ data: { workspaceId: "T", memberId: "t", ...EMPTY_PROFILE, interests: ["thrombosis"] } });
  });

  afterAll(async () => {
    await db?.drop();
  });

  const ids = async (nowMs: number) => (await cachedMentorPool(db.prisma, "T", [programId], nowMs)).map((m) => m.memberId).sort();

  it("serves the same pool while nothing changed and sees a new mentor once the next check is due", async () => {
    const t0 = 1_000_000;
    expect(await ids(t0)).toEqual(["m1", "m2"]);
    await db.prisma.enrollment.create({ data: { workspaceId: "T", programId, memberId: "m3", role: "MENTOR" } });
    // Within a second of the last check the cached pool is served as it was…
    expect(await ids(t0 + 500)).toEqual(["m1", "m2"]);
    // …after that the fingerprint check notices the change.
    expect(await ids(t0 + 1_600)).toEqual(["m1", "m2", "m3"]);
  });

  it("changes its fingerprint for what a pool is read from, and not for unrelated writes", async () => {
    const p = db.prisma;
    const changes = async (write: () => Promise<unknown>) => {
      const before = await poolFingerprint(p, "T");
      await new Promise((r) => setTimeout(r, 5)); // updatedAt has millisecond precision
      await write();
      return (await poolFingerprint(p, "T")) !== before;
    };
    expect(await changes(() => p.member.update({ where: { id: "m1" }, data: { pausedAt: later(1), pausedUntil: null } }))).toBe(true);
    expect(await changes(() => p.member.update({ where: { id: "m1" }, data: { pausedAt: null } }))).toBe(true);
    expect(await changes(() => p.profile.update({ where: { memberId: "t" }, data: { interests: ["grants"] } }))).toBe(true);
    expect(await changes(() => p.program.update({ where: { id: programId }, data: { defaultCapacity: 5 } }))).toBe(true);
    const match = await p.match.create({ data: { workspaceId: "T", programId, traineeId: "t", mentorId: "m2", role: "mentor", startedAt: later(2) } });
    expect(await changes(() => p.match.update({ where: { id: match.id }, data: { status: "ENDED", endedAt: later(3) } }))).toBe(true);
    expect(await changes(() => p.enrollment.deleteMany({ where: { memberId: "m3", role: "MENTOR" } }))).toBe(true);
    // A Slack refresh, a new pending request or a chosen cadence leave every pool as it was.
    expect(await changes(() => p.member.update({ where: { id: "m2" }, data: { name: "m2", refreshedAt: later(4) } }))).toBe(false);
    expect(await changes(() => p.mentorRequest.create({ data: { workspaceId: "T", programId, traineeId: "t", mentorId: "m1", role: "mentor" } }))).toBe(false);
    expect(await changes(() => p.match.update({ where: { id: match.id }, data: { cadence: "WEEKLY" } }))).toBe(false);
    // Another workspace's writes are not this workspace's business.
    expect(await changes(() => p.member.create({ data: { id: "x", workspaceId: "T2", slackUserId: "Ux", name: "x", refreshedAt: now, pausedAt: now } }))).toBe(false);
  });

  it("loads every workspace's pool at start-up, so the first search finds it in memory", async () => {
    const fresh = connect(db.url); // as a newly started instance (or search worker) does
    try {
      poolCache.take();
      expect(await warmMentorPools(fresh.prisma)).toBe(1); // T has mentors, T2 none
      expect(poolCache.take()).toEqual({ hits: 0, misses: 1 });
      const result = await searchMentors(fresh.prisma, "T", "t", { keywords: "", page: 0 }, now);
      expect(result.kind).toBe("mentors");
      expect(poolCache.take()).toEqual({ hits: 1, misses: 0 });
    } finally {
      await fresh.close();
    }
  });

  it("gives a mentor of two programs only the program the trainee is in, with that program's capacity", async () => {
    const p = db.prisma;
    const other = await p.program.create({ data: { workspaceId: "T", name: "Other", defaultCapacity: 1 } });
    await p.member.create({ data: { id: "both", workspaceId: "T", slackUserId: "Uboth", name: "both", refreshedAt: now } });
    await p.enrollment.createMany({
      data: [
        { workspaceId: "T", programId, memberId: "both", role: "MENTOR" as const },
        { workspaceId: "T", programId: other.id, memberId: "both", role: "MENTOR" as const },
      ],
    });
    const t0 = 5_000_000;
    const inP = (await cachedMentorPool(p, "T", [programId], t0)).find((m) => m.memberId === "both")!;
    const { defaultCapacity } = await p.program.findUniqueOrThrow({ where: { id: programId } });
    expect({ programIds: inP.programIds, defaults: inP.programDefaults }).toEqual({ programIds: [programId], defaults: [defaultCapacity] });
    const inOther = await cachedMentorPool(p, "T", [other.id], t0 + 10);
    expect(inOther.map((m) => [m.memberId, m.programIds, m.programDefaults])).toEqual([["both", [other.id], [1]]]);
    const inBoth = (await cachedMentorPool(p, "T", [other.id, programId], t0 + 20)).find((m) => m.memberId === "both")!;
    expect([...inBoth.programIds].sort()).toEqual([programId, other.id].sort());
    await p.enrollment.deleteMany({ where: { memberId: "both" } });
    await p.program.delete({ where: { id: other.id } });
  });

  it("offers senior co-mentors beside a junior-faculty mentor, never the junior one or a full one", async () => {
    const p = db.prisma;
    const { searchCoMentors } = await import("../../src/features/findmentor/findMentor.js");
    await p.member.createMany({ data: ["jr", "sr1", "sr2"].map((id) => ({ id, workspaceId: "T", slackUserId: `U${id}`, name: id, refreshedAt: now })) });
    await p.enrollment.createMany({ data: ["jr", "sr1", "sr2"].map((memberId) => ({ workspaceId: "T", programId, memberId, role: "MENTOR" as const })) });
    const mentor = { ...EMPTY_PROFILE, rolesOffered: ["mentor"], specialty: "hematology", expertise: ["thrombosis"] };
    await p.profile.createMany({
      data: [
        { workspaceId: "T", memberId: "jr", ...mentor, careerStage: "junior_faculty" },
        { workspaceId: "T", memberId: "sr1", ...mentor, careerStage: "senior_faculty" },
        { workspaceId: "T", memberId: "sr2", ...mentor, careerStage: "senior_faculty", capacity: 1 },
      ],
    });
    await p.match.create({ data: { workspaceId: "T", programId, traineeId: "m1", mentorId: "sr2", role: "mentor", startedAt: now } });
    const offer = await searchCoMentors(p, "T", "t", "jr", now);
    expect(offer.map((c) => c.memberId)).toEqual(["sr1"]);
    // Each reason once: the card names the stage, and what the junior mentor shares is not said again as the trainee's reason.
    expect(offer[0]!.reasons).toEqual(["same specialty as the junior mentor: hematology", "shares with the junior mentor: thrombosis", "5 of 5 places open", "new here: no reply history yet"]);
    expect(await searchCoMentors(p, "T", "t", "sr1", now)).toEqual([]);
  });

  it("answers searches from a worker thread with the same result as in-process, and survives a dead worker", async () => {
    const pool = new MentorSearchPool(db.url, 1, createLogger("silent"));
    try {
      // The worker loads the pools as it starts, and says so.
      expect(await pool.warmed(20_000)).toBe(true);
      const here = await searchMentors(db.prisma, "T", "t", { keywords: "", page: 0 }, now);
      const there = await pool.search.mentors("T", { memberId: "t" }, { keywords: "", page: 0 }, now);
      expect(there).toEqual(here);
      expect(there.kind).toBe("mentors");
      expect(await pool.search.mentors("T2", { memberId: "t" }, { keywords: "", page: 0 }, now)).toEqual({ kind: "not_enrolled" });
      // A worker that dies (out of memory, a native crash) is replaced; later searches still work.
      await pool.threads[0]!.terminate();
      await new Promise((r) => setTimeout(r, 200));
      expect(await pool.search.mentors("T", { memberId: "t" }, { keywords: "", page: 0 }, now)).toEqual(here);
      expect(await pool.search.coMentors("T", "t", "m1", now)).toEqual([]); // m1 is not junior faculty
    } finally {
      await pool.close();
    }
  });

  it("refuses searches beyond its bounded queue as SearchBusy, and answers the rest", async () => {
    const pool = new MentorSearchPool(db.url, 1, createLogger("silent"));
    try {
      // The pool runs from dist/, so its errors are dist's classes.
      const compiledErrors = "../../dist/src/domain/errors.js";
      const { SearchBusy } = (await import(compiledErrors)) as typeof import("../../src/domain/errors.js");
      const busyBefore = await metricValue('rounds_slack_busy_answers_total{queue="search"}');
      const cacheBefore = (await metricValue('rounds_mentor_pool_cache_total{outcome="hit"}')) + (await metricValue('rounds_mentor_pool_cache_total{outcome="miss"}'));
      const asked = Array.from({ length: 300 }, () => pool.search.mentors("T", { memberId: "t" }, { keywords: "", page: 0 }, now));
      const settled = await Promise.allSettled(asked);
      const refused = settled.filter((s) => s.status === "rejected");
      const answered = settled.filter((s) => s.status === "fulfilled");
      expect(refused.length).toBeGreaterThan(0);
      expect(answered.length).toBeGreaterThanOrEqual(100);
      for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SearchBusy);
      for (const a of answered) expect((a as PromiseFulfilledResult<{ kind: string }>).value.kind).toBe("mentors");
      // Each refusal is a "very busy" answer in /metrics; the answered ones brought their cache tallies back.
      expect(await metricValue('rounds_slack_busy_answers_total{queue="search"}')).toBe(busyBefore + refused.length);
      const cacheAfter = (await metricValue('rounds_mentor_pool_cache_total{outcome="hit"}')) + (await metricValue('rounds_mentor_pool_cache_total{outcome="miss"}'));
      expect(cacheAfter - cacheBefore).toBeGreaterThanOrEqual(answered.length);
    } finally {
      await pool.close();
    }
  });
  it("shows a mentor's profile change, and a program's changed words, made through another instance in the next search once a second has passed", async () => {
    const p = db.prisma;
    const another = connect(db.url); // a second Rounds instance writing to the same database
    try {
      await p.profile.upsert({
        where: { memberId: "m1" },
        create: { workspaceId: "T", memberId: "m1", ...EMPTY_PROFILE, rolesOffered: ["mentor"], expertise: [] },
        update: { expertise: [] },
      });
      await p.profile.upsert({
        where: { memberId: "m2" },
        create: { workspaceId: "T", memberId: "m2", ...EMPTY_PROFILE, rolesOffered: ["mentor"], expertise: [] },
        update: { expertise: [] },
      });
      await new Promise((r) => setTimeout(r, 1_100));
      const search = (keywords: string) => searchMentors(p, "T", "t", { keywords, page: 0 }, now);
      const first = await search("zebrafish");
      expect(first.kind).toBe("no_fit");
      // Another instance saves m2's profile with the word; this instance's next search (a second on) ranks m2 for it.
      await another.prisma.profile.update({ where: { memberId: "m2" }, data: { expertise: ["zebrafish"] } });
      await new Promise((r) => setTimeout(r, 1_100));
      const second = await search("zebrafish");
      expect(second.kind).toBe("mentors");
      expect(second.kind === "mentors" && second.cards.map((c) => c.memberId)).toEqual(["m2"]);
      expect(second.kind === "mentors" && second.cards[0]!.reasons.join(" ")).toContain("zebrafish");
      // The program's capacity default changes on the other instance: the card's capacity follows.
      await another.prisma.program.update({ where: { id: programId }, data: { defaultCapacity: 7 } });
      await new Promise((r) => setTimeout(r, 1_100));
      const third = await search("zebrafish");
      expect(third.kind === "mentors" && third.cards[0]!.capacity).toBe(7);
    } finally {
      await another.close();
    }
  });
});
