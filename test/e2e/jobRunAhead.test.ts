import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack, PostedMessage } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, input } from "../support/slackDriver.js";
import { runJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import { periodByIndex } from "../../src/domain/cadence.js";

/**
 * What an operator does: `npm run cli -- job run NAME --now <a moment days or weeks ahead>` as its
 * own process, beside the running app. Everything the run decides is due must reach Slack within
 * seconds (the app's outbox sends it on the real clock), and the command must say how many messages
 * it queued. Each job's work is set up so that nothing is due at the real time (the app's own
 * scheduler finds nothing), only at the moment the run is told it is.
 */

const TEAM = "T0AHEAD";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const P = {
  dir: { id: "U0DIR", name: "Dr. Director" },
  mia: { id: "U0MIA", name: "Dr. Mia" },
  kim: { id: "U0KIM", name: "Dr. Kim" },
  ray: { id: "U0RAY", name: "Dr. Ray" },
  tom: { id: "U0TOM", name: "Tom Fellow" },
  uma: { id: "U0UMA", name: "Uma Resident" },
  ned: { id: "U0NED", name: "Ned Student" },
  lou: { id: "U0LOU", name: "Lou Fellow" },
  ana: { id: "U0ANA", name: "Ana Fellow" },
  ben: { id: "U0BEN", name: "Ben Fellow" },
};
type Key = keyof typeof P;

const keyOf = (m: PostedMessage) => String(m.metadata?.event_payload.key ?? "");

/** The value of the Approve button in a preview's blocks. */
function approveValue(blocks: unknown): string {
  const walk = (x: unknown): string | undefined => {
    if (Array.isArray(x)) return x.map(walk).find(Boolean);
    if (!x || typeof x !== "object") return undefined;
    const o = x as Record<string, unknown>;
    if (o.action_id === "round_preview_approve" && typeof o.value === "string") return o.value;
    return Object.values(o).map(walk).find(Boolean);
  };
  const value = walk(blocks);
  if (!value) throw new Error("the preview has no Approve button");
  return value;
}

describe.each(testProviders)("`job run NAME --now <ahead of the clock>` beside the running app delivers what it queued within seconds on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  const ids = {} as Record<Key, string>;
  const cliOutput: string[] = [];
  /** The real time the world was set up; every --now below is days or weeks after it. */
  const REAL = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  /** A monthly and a weekly pair, both started the day before. */
  const monthly = { startedAt: new Date(REAL.getTime() - DAY), cadence: "MONTHLY" as const };
  const weekly = { startedAt: new Date(REAL.getTime() - DAY), cadence: "WEEKLY" as const };
  const rotationAt = new Date(REAL.getTime() + 10 * DAY);
  const stableAt = new Date(REAL.getTime() + 20 * DAY);
  const announceAt = new Date(REAL.getTime() + 15 * DAY);
  let announcements = { due: "", later: "" };

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const [key, u] of Object.entries(P)) slack.addUser({ ...u, teamId: TEAM, tz: "UTC", isAdmin: key === "dir" });
    slack.addChannel({ id: "C0NEWS", name: "fellows-news", botIsMember: true });
    const p = db.prisma;
    await p.workspace.create({ data: { id: TEAM } });
    programId = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", timezone: "UTC", defaultCapacity: 3 } })).id;
    const cohortId = (await p.cohort.create({ data: { workspaceId: TEAM, programId, name: "2027 Fellows" } })).id;
    for (const [key, u] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await p.member.create({ data: { workspaceId: TEAM, slackUserId: u.id, name: u.name, tz: "UTC", isAdmin: key === "dir", refreshedAt: REAL } })).id;
    }
    const enroll = (key: Key, role: "TRAINEE" | "MENTOR" | "DIRECTOR", cohort: string | null = null) => ({ workspaceId: TEAM, programId, memberId: ids[key], role, cohortId: cohort });
    await p.enrollment.createMany({
      data: [
        enroll("dir", "DIRECTOR"),
        ...(["mia", "kim", "ray"] as Key[]).map((k) => enroll(k, "MENTOR")),
        ...(["tom", "uma", "ned", "lou"] as Key[]).map((k) => enroll(k, "TRAINEE")),
        ...(["ana", "ben"] as Key[]).map((k) => enroll(k, "TRAINEE", cohortId)),
      ],
    });
    for (const k of ["mia", "kim", "ray"] as Key[]) {
      await p.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: ids[k], careerStage: "senior_faculty", specialty: "hematology", rolesOffered: ["mentor"] } });
    }
    // Tom and Dr. Mia meet monthly: the first month ends about a month from now.
    await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.tom, mentorId: ids.mia, role: "mentor", introChannelId: "G-SEEDED-1", ...monthly } });
    // Uma and Dr. Ray meet weekly; Dr. Ray will leave the check-ins of the first three weeks unanswered.
    const quiet = await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.uma, mentorId: ids.ray, role: "mentor", introChannelId: "G-SEEDED-2", ...weekly } });
    for (const index of [0, 1, 2]) {
      const period = periodByIndex(weekly, index);
      await p.checkin.create({ data: { workspaceId: TEAM, matchId: quiet.id, periodKey: period.key, recipient: "mentor", sentAt: period.end } });
    }
    const round = (name: string, kind: "ROTATION" | "STABLE", nextRunAt: Date, options: object) =>
      p.round.create({ data: { workspaceId: TEAM, programId, cohortId, name, kind, options, nextRunAt, createdById: P.dir.id } });
    await round("Peer pairs", "ROTATION", rotationAt, {});
    await round("Stable match", "STABLE", stableAt, { rankDays: 2 });
    const announcement = (text: string, postAt: Date) =>
      p.announcement.create({ data: { workspaceId: TEAM, programId, cohortIds: [], channelId: "C0NEWS", text, postAt, createdById: P.dir.id } });
    announcements = { due: (await announcement("Journal club moves to Thursday", announceAt)).id, later: (await announcement("Grand rounds in March", new Date(REAL.getTime() + 30 * DAY))).id };
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => ({ id: P[k].id, teamId: TEAM }) });

  /** Waits (a few seconds at most) for the message with this outbox key prefix in a conversation (a user id: their DM). */
  const arrives = (channel: string, keyPrefix: string) => slack.waitFor(() => slack.messagesIn(channel).find((m) => keyOf(m).startsWith(keyPrefix)), 10_000);
  const dm = (who: Key, keyPrefix: string) => arrives(P[who].id, keyPrefix);

  /**
   * `cli job run NAME --now AT` as its own process. Checks its one line on stdout against the
   * outbox rows (with these key prefixes) it wrote, and returns how many it queued.
   */
  async function runAhead(name: string, at: Date, keyPrefixes: string[]): Promise<number> {
    expect(at.getTime()).toBeGreaterThan(Date.now() + HOUR);
    const since = new Date();
    const run = await runJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, name, at);
    cliOutput.push(run.out);
    expect(run.code, run.out).toBe(0);
    const queued = await db.prisma.outboxMessage.count({ where: { workspaceId: TEAM, createdAt: { gte: since }, OR: keyPrefixes.map((k) => ({ key: { startsWith: k } })) } });
    expect(queued, run.out).toBeGreaterThan(0);
    expect(run.said).toMatch(new RegExp(`^${name}: ${queued} messages? queued \\(as of [A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d UTC\\); the running app sends them\\.\\n$`));
    return queued;
  }

  it("checkins: the check-in, the escalation and the stay-pause-leave question arrive within seconds; so does the reminder a later run queues", async () => {
    const firstMonth = periodByIndex(monthly, 0);
    const asOf = new Date(firstMonth.end.getTime() + 4 * DAY);
    expect(await runAhead("checkins", asOf, ["checkin:", "reminder:", "escalate:", "stay:"])).toBe(3);
    await dm("mia", "checkin:");
    await dm("dir", "escalate:");
    await dm("ray", "stay:");

    await runAhead("checkins", new Date(asOf.getTime() + 6 * DAY), ["checkin:", "reminder:", "escalate:", "stay:"]);
    await dm("mia", "reminder:");
  }, 60_000);

  it("agenda-prompts: the trainee's prompt two days before the meeting is due arrives within seconds", async () => {
    const firstMonth = periodByIndex(monthly, 0);
    await runAhead("agenda-prompts", new Date(firstMonth.end.getTime() - DAY), ["agenda:"]);
    await dm("tom", "agenda:");
  }, 60_000);

  it("request-reminders: a request made in Slack gets its reminder to the mentor, then its expiry to the trainee", async () => {
    const { triggerId } = await drive.press("ned", "findmentor_request", JSON.stringify({ mentorId: ids.mia, programId }));
    const modal = await drive.opened<{ callback_id: string; private_metadata?: string }>(triggerId);
    expect(await drive.submit("ned", modal, { role: input.pick("mentor"), message: input.text("") })).toBe("");
    const request = await db.prisma.mentorRequest.findFirstOrThrow({ where: { workspaceId: TEAM, traineeId: ids.ned } });
    const made = request.createdAt.getTime();
    expect(await runAhead("request-reminders", new Date(made + 6.5 * DAY), ["request-reminder:", "request-expired:"])).toBe(1);
    await dm("mia", `request-reminder:${request.id}`);
    expect(await runAhead("request-reminders", new Date(made + 10.5 * DAY), ["request-reminder:", "request-expired:"])).toBe(1);
    await dm("ned", `request-expired:${request.id}`);
  }, 60_000);

  it("rounds: the day-before notices and the director's preview arrive within seconds; an introduction whose group DM Slack failed to open at approval arrives on the outbox's retry", async () => {
    expect(await runAhead("rounds", new Date(rotationAt.getTime() - 12 * HOUR), ["round-notice:"])).toBe(2);
    await dm("ana", "round-notice:");
    await dm("ben", "round-notice:");

    expect(await runAhead("rounds", new Date(rotationAt.getTime() + MINUTE), ["round-preview:"])).toBe(1);
    const preview = await dm("dir", "round-preview:");

    // The director approves, and Slack fails to open the peers' group DM once: the outbox retries.
    slack.failNext("conversations.open", { error: "fatal_error" });
    const opens = slack.callsTo("conversations.open").length;
    await drive.press("dir", "round_preview_approve", approveValue(preview.blocks), { channel: preview.channel, ts: preview.ts });
    await slack.waitFor(() => slack.callsTo("conversations.open").length > opens + 1, 15_000);
    const group = await db.prisma.roundGroup.findFirstOrThrow({ where: { workspaceId: TEAM } });
    await arrives(`G-${[P.ana.id, P.ben.id].sort().join("-")}`, `round-intro:${group.id}`);
  }, 120_000);

  it("rounds: a stable round's rank invitations, to the trainees and then to the mentors they ranked, and its preview arrive within seconds", async () => {
    expect(await runAhead("rounds", new Date(stableAt.getTime() + MINUTE), ["round-rank:"])).toBe(2);
    await dm("ana", "round-rank:");
    await dm("ben", "round-rank:");
    const run = await db.prisma.roundRun.findFirstOrThrow({ where: { scheduledFor: stableAt } });
    await db.prisma.roundRanking.create({ data: { workspaceId: TEAM, runId: run.id, memberId: ids.ana, ranks: [ids.mia] } });

    expect(await runAhead("rounds", new Date(stableAt.getTime() + DAY + MINUTE), ["round-rank-mentor:"])).toBe(1);
    await dm("mia", `round-rank-mentor:${run.id}`);
    expect(await runAhead("rounds", new Date(stableAt.getTime() + 2 * DAY + MINUTE), ["round-preview:"])).toBe(1);
    await dm("dir", `round-preview:${run.id}`);
  }, 60_000);

  it("announcements: the announcement due at --now is posted within seconds; one due later stays scheduled", async () => {
    expect(await runAhead("announcements", new Date(announceAt.getTime() + MINUTE), ["announcement:"])).toBe(1);
    await arrives("C0NEWS", `announcement:${announcements.due}`);
    expect((await db.prisma.announcement.findUniqueOrThrow({ where: { id: announcements.later } })).status).toBe("SCHEDULED");
    expect(await db.prisma.outboxMessage.count({ where: { key: `announcement:${announcements.later}` } })).toBe(0);
  }, 60_000);

  it("prune-deliveries says what it pruned, and nothing about messages", async () => {
    const run = await runJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "prune-deliveries", new Date(Date.now() + 3 * DAY));
    cliOutput.push(run.out);
    expect(run.code, run.out).toBe(0);
    expect(run.said).toMatch(/^prune-deliveries: \d+ old Slack delivery keys? pruned \(as of [^)]+\)\.\n$/);
  });

  it("neither the app nor a job run printed a DeprecationWarning", () => {
    expect(cliOutput.length).toBeGreaterThan(10);
    expect(app.output()).not.toContain("DeprecationWarning");
    for (const out of cliOutput) expect(out).not.toContain("DeprecationWarning");
  });
});
