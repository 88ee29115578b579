import type { Db } from "../../store/database.js";
import type { WithMessages } from "../context.js";
import { findMember } from "../../store/members.js";
import * as store from "../../store/dashboard.js";
import { periodCounts } from "../../store/dashboardPeriods.js";
import { mentorCapacity } from "../../domain/capacity.js";
import { completedWindows, type ReportWindow } from "../../domain/dashboardPeriods.js";
import { pairsAtRisk, type RiskReason } from "../../domain/dashboardRisk.js";
import { MatchAlreadyEnded, MatchNotFound } from "../../domain/errors.js";
import { openHelpAskers } from "../../domain/nudges.js";
import { helpEvidence } from "../../store/checkins.js";
import type { Actor } from "../programs/audit.js";
import { endForDirector, queueNudges } from "./pairActions.js";
import { rosterCached } from "./rosterCache.js";
import type { Payload } from "../requests/requests.js";

/** How many pending requests per program the dashboard names (the rest are counted). */
export const OLDEST_REQUESTS_SHOWN = 5;

export interface LoadEntry {
  mentor: store.Party;
  active: number;
  capacity: number;
}

export interface ThanksEntry {
  mentor: store.Party;
  count: number;
}

export interface PendingEntry extends store.PendingRequestRow {
  ageDays: number;
}

export interface RiskEntry extends store.ActivePair {
  reason: RiskReason;
}

export interface ProgramDashboard {
  program: store.DashboardProgram;
  /** The last complete reporting period (program cadence, program time zone). */
  period: ReportWindow;
  totals: { trainees: number; mentors: number; matchedTrainees: number };
  cohorts: store.CohortCounts[];
  pending: { total: number; oldest: PendingEntry[] };
  meetingsLastPeriod: number;
  checkinsLastPeriod: { sent: number; answered: number };
  /** Every pair at risk, most urgent first (the view shows the first few). */
  atRisk: RiskEntry[];
  /** Mentors with no place left, fullest first; then those with room, most room first. */
  load: { full: LoadEntry[]; room: LoadEntry[]; openPlaces: number };
  /** Mentors thanked, most thanked first. */
  thanks: ThanksEntry[];
}

export interface Dashboard {
  asOf: Date;
  programs: ProgramDashboard[];
}

const DAY_MS = 86_400_000;
/** String.localeCompare's order, from one collator: localeCompare sets one up per call, and a program's mentors are sorted by name on every open. */
const byText = new Intl.Collator().compare;

type Roster = Pick<ProgramDashboard, "totals" | "cohorts" | "load" | "thanks">;

/** What changes only with the program's people: read, counted and sorted once per roster fingerprint (rosterCache.ts). */
async function programRoster(db: Db, workspaceId: string, programId: string): Promise<Roster> {
  const [cohorts, load, thanks] = await Promise.all([
    store.cohortCounts(db, workspaceId, programId),
    store.mentorLoad(db, workspaceId, programId),
    store.thanksReceived(db, workspaceId, programId),
  ]);
  const sum = (f: (c: store.CohortCounts) => number) => cohorts.reduce((n, c) => n + f(c), 0);
  const loads = load.map((m) => ({ memberId: m.memberId, mentor: m.mentor, active: m.active, capacity: mentorCapacity(m.profileCapacity, m.programDefaults) }));
  const byName = (a: LoadEntry, b: LoadEntry) => byText(a.mentor.name, b.mentor.name);
  const full = loads.filter((m) => m.active >= m.capacity).sort((a, b) => b.active - b.capacity - (a.active - a.capacity) || byName(a, b));
  const room = loads.filter((m) => m.active < m.capacity).sort((a, b) => b.capacity - b.active - (a.capacity - a.active) || byName(a, b));
  const mentorsById = new Map(load.map((m) => [m.memberId, m.mentor]));
  return {
    totals: { trainees: sum((c) => c.trainees), mentors: sum((c) => c.mentors), matchedTrainees: sum((c) => c.matchedTrainees) },
    cohorts,
    load: { full, room, openPlaces: room.reduce((n, m) => n + m.capacity - m.active, 0) },
    thanks: [...thanks.entries()]
      .filter(([id]) => mentorsById.has(id))
      .map(([id, count]) => ({ mentor: mentorsById.get(id)!, count }))
      .sort((a, b) => b.count - a.count || byText(a.mentor.name, b.mentor.name)),
  };
}

async function programDashboard(db: Db, workspaceId: string, program: store.DashboardProgram, rosterFingerprint: string, now: Date): Promise<ProgramDashboard> {
  const period = completedWindows(program.cadence, program.timezone, now, 1)[0]!;
  const calendar = { cadence: program.cadence, timezone: program.timezone };
  const [roster, pending, periods, evidence] = await Promise.all([
    rosterCached(db, `${workspaceId}/${program.id}`, rosterFingerprint, () => programRoster(db, workspaceId, program.id)),
    store.pendingRequests(db, workspaceId, program.id, OLDEST_REQUESTS_SHOWN),
    periodCounts(db, workspaceId, program.id, calendar, [period], now),
    store.riskCandidateEvidence(db, workspaceId, program.id, program.cadence, now),
  ]);
  const lastPeriod = periods.get(period.key)!;
  const risks = pairsAtRisk(evidence, now);
  const pairs = await store.activePairs(db, workspaceId, risks.map((r) => r.matchId));
  return {
    program,
    period,
    totals: roster.totals,
    cohorts: roster.cohorts,
    pending: { total: pending.total, oldest: pending.oldest.map((r) => ({ ...r, ageDays: Math.floor((now.getTime() - r.createdAt.getTime()) / DAY_MS) })) },
    meetingsLastPeriod: lastPeriod.meetings,
    checkinsLastPeriod: { sent: lastPeriod.sent, answered: lastPeriod.answered },
    atRisk: risks.flatMap((r) => {
      const pair = pairs.get(r.matchId);
      return pair ? [{ ...pair, reason: r.reason }] : [];
    }),
    load: roster.load,
    thanks: roster.thanks,
  };
}

/**
 * The director's dashboard: every program of the workspace (or one), as of `now`. The roster
 * fingerprint is read first, so a change made while the dashboard is read shows on the next open.
 */
export async function directorDashboard(db: Db, workspaceId: string, now: Date, programId?: string): Promise<Dashboard> {
  const [fingerprint, programs] = await Promise.all([store.rosterFingerprint(db, workspaceId), store.dashboardPrograms(db, workspaceId, programId)]);
  const dashboards: ProgramDashboard[] = [];
  for (const p of programs) dashboards.push(await programDashboard(db, workspaceId, p, fingerprint, now));
  return { asOf: now, programs: dashboards };
}

/** The words of the messages the dashboard's buttons send; src/features/dashboard-reports/views/messages.ts writes them. */
export interface DashboardMessages {
  /** "Nudge both" to one side; `askedBy`: who of the pair has asked for help (empty: a nudge to meet). */
  nudge(pair: store.PairForDirector, to: "trainee" | "mentor", directorSlackId: string, askedBy: readonly ("trainee" | "mentor")[]): Payload;
  endedByDirector(pair: store.PairForDirector, to: "trainee" | "mentor", directorSlackId: string): Payload;
}

async function activePair(db: Db, workspaceId: string, matchId: string): Promise<store.PairForDirector> {
  const pair = await store.pairForDirector(db, workspaceId, matchId);
  if (!pair) throw new MatchNotFound(matchId);
  if (pair.status !== "ACTIVE") throw new MatchAlreadyEnded(matchId);
  return pair;
}

const reachable = (p: store.Party) => !p.erased;

export type NudgeOutcome = { outcome: "sent"; pair: store.PairForDirector } | { outcome: "already"; pair: store.PairForDirector };

/**
 * "Nudge both": a friendly DM to the trainee and the mentor, through the outbox. Once per pair and
 * check-in period, however often it is pressed (or by however many directors, here or on an escalation DM): the outbox key says so.
 */
export async function nudgePair(ctx: WithMessages<DashboardMessages>, by: Actor, matchId: string): Promise<NudgeOutcome> {
  const { db, now, messages } = ctx;
  const pair = await activePair(db, by.workspaceId, matchId);
  const { answers, lastMeetingOn } = await helpEvidence(db, by.workspaceId, matchId);
  const askedBy = openHelpAskers(pair, answers, lastMeetingOn);
  const notices = (["trainee", "mentor"] as const)
    .filter((to) => reachable(pair[to]))
    .map((to) => ({ to, channel: pair[to].slackUserId, payload: messages.nudge(pair, to, by.actor, askedBy) }));
  const queued = await queueNudges(db, by, { id: pair.matchId, startedAt: pair.startedAt, cadence: pair.cadence }, notices, now);
  return { outcome: queued ? "sent" : "already", pair };
}

/**
 * "End match" (after the director confirmed): ends the mentorship and tells both, kindly, through
 * the outbox. Ending an ended match is refused (MatchAlreadyEnded), so a double click ends it once.
 */
export async function endPairAsDirector(ctx: WithMessages<DashboardMessages>, by: Actor, matchId: string): Promise<store.PairForDirector> {
  const { db, now, messages } = ctx;
  const pair = await activePair(db, by.workspaceId, matchId);
  const director = await findMember(db, by.workspaceId, by.actor); // requireDirector has created the row
  if (!director) throw new MatchNotFound(matchId);
  const notices = (["trainee", "mentor"] as const)
    .filter((to) => reachable(pair[to]))
    .map((to) => ({ to: pair[to].memberId, channel: pair[to].slackUserId, payload: messages.endedByDirector(pair, to, by.actor) }));
  const details = { by: "director", trainee: pair.trainee.memberId, mentor: pair.mentor.memberId };
  await endForDirector(db, by, { id: matchId, endedById: director.id }, notices, `match-ended:${matchId}`, "match.end", details, now);
  return { ...pair, status: "ENDED" };
}
