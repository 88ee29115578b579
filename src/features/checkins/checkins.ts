import { randomUUID } from "node:crypto";
import { providerOfClient, type Db } from "../../store/database.js";
import { enqueue, type OutgoingMessage } from "../../store/outbox.js";
import { runOnce } from "../../store/jobRuns.js";
import { liveWorkspacesOnly } from "../../store/workspaces.js";
import {
  checkinDirectors,
  checkinIdsOf,
  doneEscalationKeys,
  findMatchForCheckins,
  historyOfMatch,
  markEscalated,
  markReminded,
  upsertSentCheckin,
  workspacesWithActiveMatches,
  type CheckinParty,
  type MatchOfCheckin,
  type PlanRow,
} from "../../store/checkins.js";
import { activeMatchBatch, runBatchOnce, type BatchItem } from "../../store/checkinsBatch.js";
import { PLAN_DEFAULTS, planCheckins, runKeys, type CheckinAction, type CheckinAnswer, type EscalationCause, type PlanOptions, type Role } from "../../domain/checkinPlan.js";
import type { Payload } from "../requests/requests.js";
import type { RunTime } from "../ports.js";
import { askedForHelp } from "../../domain/nudges.js";
import { queuedCheckinAsk, queuedCheckinReminder, queuedEscalation, queuedStayAsk } from "./queuedMessages.js";

/** The job name on every check-in run key (JobRun.job). */
export const CHECKIN_JOB = "checkins";

/** What the check-in messages show of a person: their mention and their name. */
export type NamedParty = Pick<CheckinParty, "slackUserId" | "name">;

/** One check-in DM as its recipient sees it. */
export interface CheckinCard {
  checkinId: string;
  matchId: string;
  /** The period asked about: its key, the UTC date it started (YYYY-MM-DD). */
  periodKey: string;
  recipient: Role;
  you: NamedParty;
  other: NamedParty;
  programName: string;
  /** The answer for the period (theirs, else the other person's), and who gave it. */
  answer: CheckinAnswer | null;
  answeredBySlackId: string | null;
  /** The program's directors have been told about this period (after Need help; false: they will be, at a later run). */
  directorTold: boolean;
}

export interface HistoryPeriod {
  periodKey: string;
  answers: { recipient: Role; slackUserId: string; sent: boolean; answer: CheckinAnswer | null }[];
}

/** What a director is told about a stuck pair. */
export interface EscalationCard {
  matchId: string;
  periodKey: string;
  cause: EscalationCause;
  programName: string;
  role: string;
  startedAt: Date;
  mentor: NamedParty;
  trainee: NamedParty;
  /** Need help: who of the pair asked, this period (mentor, trainee or both); empty for no-meeting. */
  askedBy: Role[];
  /** The most recent periods, oldest first. */
  history: HistoryPeriod[];
}

/** "Stay, pause or leave?" to someone who ignored several check-ins in a row. */
export interface StayCard {
  matchId: string;
  periodKey: string;
  recipient: Role;
  you: NamedParty;
  other: NamedParty;
  programName: string;
  ignored: number;
}

/** The words of every check-in message; src/features/checkins/views/messages.ts writes them. */
export interface CheckinMessages {
  checkin(card: CheckinCard): Payload;
  reminder(card: CheckinCard): Payload;
  escalation(card: EscalationCard): Payload;
  stayAsk(card: StayCard): Payload;
  /** "Nudge both" to one side; `askedBy`: who of the pair asked for help (empty: a nudge to meet). */
  nudge(match: MatchOfCheckin, side: Role, directorSlackId: string, askedBy: readonly Role[]): Payload;
  endedByDirector(match: MatchOfCheckin, side: Role, reassign: boolean, directorSlackId: string): Payload;
}

export interface CheckinRunResult {
  checkins: number;
  reminders: number;
  escalations: number;
  asks: number;
  /** Escalations that found nobody to tell (retried at the next run). */
  noDirector: number;
  /** Outbox messages queued (an escalation queues one per director). */
  messages: number;
}

/** How many matches are planned and queued per transaction. */
export const PAGE_SIZE = 2000;
const HISTORY_PERIODS = 6;

const sideOf = (row: { mentor: CheckinParty; trainee: CheckinParty }, role: Role) => (role === "mentor" ? row.mentor : row.trainee);
const otherOf = (row: { mentor: CheckinParty; trainee: CheckinParty }, role: Role) => (role === "mentor" ? row.trainee : row.mentor);

function card(row: PlanRow, checkinId: string, periodKey: string, role: Role): CheckinCard {
  return { checkinId, matchId: row.plan.matchId, periodKey, recipient: role, you: sideOf(row, role), other: otherOf(row, role), programName: row.programName, answer: null, answeredBySlackId: null, directorTold: false };
}

/**
 * The check-in job: for every workspace, page through the active matches, ask the plan what is due
 * at `at.now`, and do each action exactly once; what it queues may go out from `at.sendFrom` (at
 * once: the plan only returns what is due, see RunTime). Everything due in a page (check-ins, reminders,
 * escalations, stay-pause-leave questions) is queued in one transaction: run keys, Checkin rows
 * and outbox messages together. If another instance raced for one of the keys, that page is done
 * again one action at a time with runOnce. Agenda prompts are left to the agenda feature.
 */
export async function queueDueCheckins(db: Db, at: RunTime, options: PlanOptions & { pageSize?: number } = {}): Promise<CheckinRunResult> {
  const result: CheckinRunResult = { checkins: 0, reminders: 0, escalations: 0, asks: 0, noDirector: 0, messages: 0 };
  const overlapped = providerOfClient(db) === "postgresql";
  for (const workspaceId of await workspacesWithActiveMatches(db, await liveWorkspacesOnly(db))) {
    const done = await doneEscalationKeys(db, workspaceId);
    const directorsOf = new Map<string, Director[]>(); // per program, looked up once a run
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? PAGE_SIZE));
    const read = (afterId: string | null) => activeMatchBatch(db, workspaceId, afterId, pageSize);
    let afterId: string | null = null;
    let prefetched: Promise<PlanRow[]> | null = null;
    for (let last = false; !last; ) {
      const page: PlanRow[] = await (prefetched ?? read(afterId));
      prefetched = null;
      if (!page.length) break;
      afterId = page[page.length - 1]!.plan.matchId;
      last = page.length < pageSize; // a short page is the last: no read of an empty page after it
      // PostgreSQL: the next page is read on another pool connection while this one is planned and
      // written. It sees the same rows it would read after this page's transaction: this page writes
      // only its own matches' check-ins and run keys (every run key names its match), and the next
      // page reads other matches (ids after afterId) and their check-ins; `done` (the escalate/stay
      // keys) was read once before the first page either way, and runBatchOnce checks each key
      // again inside its transaction. SQLite has one connection: the read would wait for the write.
      if (!last && overlapped) prefetched = quietUntilAwaited(read(afterId));
      for (const row of page) row.plan.history!.doneRunKeys = done;
      const actions = planCheckins(at.now, page.map((r) => r.plan), options);
      const programOf = new Map(page.map((r) => [r.plan.matchId, r.programId]));
      for (const programId of new Set(actions.filter((a) => a.kind === "escalate").map((a) => programOf.get(a.matchId)!))) {
        if (!directorsOf.has(programId)) directorsOf.set(programId, await checkinDirectors(db, workspaceId, programId));
      }
      await queuePage(db, workspaceId, page, actions, directorsOf, at, result, options.ignoredInARow ?? PLAN_DEFAULTS.ignoredInARow);
    }
  }
  return result;
}

/** A promise awaited later: until then a failure is not an unhandled rejection (it is thrown where awaited; dropped if never awaited, when the job has already failed). */
function quietUntilAwaited<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

type Director = Awaited<ReturnType<typeof checkinDirectors>>[number];

async function queuePage(
  db: Db,
  workspaceId: string,
  page: PlanRow[],
  actions: CheckinAction[],
  directorsOf: ReadonlyMap<string, Director[]>,
  at: RunTime,
  result: CheckinRunResult,
  ignoredInARow: number,
): Promise<void> {
  const now = at.now;
  const rows = new Map(page.map((r) => [r.plan.matchId, r]));
  const reminderIds = await checkinIdsOf(db, workspaceId, [...new Set(actions.filter((a) => a.kind === "send-reminder").map((a) => a.matchId))]);
  const items: { item: BatchItem; action: CheckinAction }[] = [];
  for (const action of actions) {
    const row = rows.get(action.matchId)!;
    // Each message is queued as its card (queuedMessages.ts) and rendered to Block Kit when the outbox sends it.
    const message = (channel: string, key: string, payload: Record<string, unknown>): OutgoingMessage => ({ workspaceId, key, channel, payload, notBefore: at.sendFrom });
    if (action.kind === "send-checkin") {
      const id = randomUUID();
      const newCheckin = { id, workspaceId, matchId: action.matchId, periodKey: action.periodKey, recipient: action.recipient, sentAt: now };
      const payload = queuedCheckinAsk(card(row, id, action.periodKey, action.recipient));
      items.push({ action, item: { runKey: action.runKey, newCheckin, messages: [message(sideOf(row, action.recipient).dmChannel, action.runKey, payload)] } });
    } else if (action.kind === "send-reminder") {
      const id = reminderIds.get(`${action.matchId}:${action.periodKey}:${action.recipient}`);
      if (!id) continue;
      const payload = queuedCheckinReminder(card(row, id, action.periodKey, action.recipient));
      items.push({ action, item: { runKey: action.runKey, remindCheckinId: id, messages: [message(sideOf(row, action.recipient).dmChannel, action.runKey, payload)] } });
    } else if (action.kind === "escalate") {
      const directors = directorsOf.get(row.programId) ?? [];
      if (!directors.length) {
        result.noDirector += 1; // the key stays free: the next run tries again
        continue;
      }
      const payload = queuedEscalation(escalationCard(row, action.periodKey, action.cause));
      const outgoing = directors.map((d) => message(d.dmChannel, `${action.runKey}:${d.memberId}`, payload));
      items.push({ action, item: { runKey: action.runKey, escalated: { matchId: action.matchId, periodKey: action.periodKey }, messages: outgoing } });
    } else if (action.kind === "ask-stay-pause-leave") {
      const payload = queuedStayAsk(stayCard(row, action.periodKey, action.recipient, ignoredInARow));
      items.push({ action, item: { runKey: action.runKey, messages: [message(sideOf(row, action.recipient).dmChannel, action.runKey, payload)] } });
    }
    // agenda-prompt: delivered by the agenda feature, not by the check-in job.
  }
  let doneKeys = await runBatchOnce(db, CHECKIN_JOB, workspaceId, items.map((i) => i.item), now);
  if (doneKeys === null) doneKeys = await oneByOne(db, workspaceId, items, rows, now);
  const doneSet = new Set(doneKeys);
  for (const { action, item } of items) {
    if (!doneSet.has(action.runKey)) continue;
    result.messages += item.messages.length;
    if (action.kind === "send-checkin") result.checkins += 1;
    else if (action.kind === "send-reminder") result.reminders += 1;
    else if (action.kind === "escalate") result.escalations += 1;
    else result.asks += 1;
  }
}

/** The slow path after a race with another instance: each item under its own run key. */
async function oneByOne(db: Db, workspaceId: string, items: { item: BatchItem; action: CheckinAction }[], rows: Map<string, PlanRow>, now: Date): Promise<string[]> {
  const done: string[] = [];
  for (const { item, action } of items) {
    const ran = await runOnce(db, { key: item.runKey, job: CHECKIN_JOB, workspaceId }, now, async (tx) => {
      let outgoing: OutgoingMessage[] = item.messages;
      if (item.newCheckin && action.kind === "send-checkin") {
        const id = await upsertSentCheckin(tx, item.newCheckin);
        if (id !== item.newCheckin.id) outgoing = [{ ...outgoing[0]!, payload: queuedCheckinAsk(card(rows.get(action.matchId)!, id, action.periodKey, action.recipient)) }];
      }
      if (item.remindCheckinId) await markReminded(tx, workspaceId, [item.remindCheckinId], now);
      if (item.escalated) await markEscalated(tx, workspaceId, item.escalated.matchId, item.escalated.periodKey, now);
      for (const m of outgoing) await enqueue(tx, m);
    });
    if (ran) done.push(item.runKey);
  }
  return done;
}

function stayCard(row: PlanRow, periodKey: string, recipient: Role, ignored: number): StayCard {
  return { matchId: row.plan.matchId, periodKey, recipient, you: sideOf(row, recipient), other: otherOf(row, recipient), programName: row.programName, ignored };
}

function escalationCard(row: PlanRow, periodKey: string, cause: EscalationCause): EscalationCard {
  const history = (row.plan.history?.checkins ?? []).map((c) => ({ periodKey: c.periodKey, recipient: c.recipient ?? "mentor", sentAt: c.sentAt, answer: c.answer ?? null }));
  return {
    askedBy: cause === "need-help" ? askedForHelp(row, history, periodKey) : [],
    matchId: row.plan.matchId,
    periodKey,
    cause,
    programName: row.programName,
    role: row.role,
    startedAt: row.plan.startedAt,
    mentor: row.mentor,
    trainee: row.trainee,
    history: historyPeriods(row, history),
  };
}

/** The history a director sees: the last few periods, each recipient's answer. */
export function historyPeriods(
  match: { mentor: CheckinParty; trainee: CheckinParty },
  rows: readonly { periodKey: string; recipient: Role; sentAt: Date | null; answer: CheckinAnswer | null }[],
  limit = HISTORY_PERIODS,
): HistoryPeriod[] {
  const byPeriod = new Map<string, HistoryPeriod>();
  for (const r of rows) {
    const period = byPeriod.get(r.periodKey) ?? { periodKey: r.periodKey, answers: [] };
    period.answers.push({ recipient: r.recipient, slackUserId: sideOf(match, r.recipient).slackUserId, sent: r.sentAt !== null, answer: r.answer });
    byPeriod.set(r.periodKey, period);
  }
  return [...byPeriod.values()].sort((a, b) => a.periodKey.localeCompare(b.periodKey)).slice(-limit);
}

/**
 * Tells the program's directors about a stuck pair, once per (match, period, cause): the run key is
 * the plan's, so the job and a "Need help" click never both send it. Returns "done-before" when the
 * key had run, "no-director" (nothing sent, key left free for the next run) when nobody can be told.
 */
export async function escalateOnce(
  db: Db,
  workspaceId: string,
  matchId: string,
  periodKey: string,
  cause: EscalationCause,
  now: Date,
  messages: CheckinMessages,
): Promise<"escalated" | "done-before" | "no-director" | "match-gone"> {
  const match = await findMatchForCheckins(db, workspaceId, matchId);
  if (!match) return "match-gone";
  const directors = await checkinDirectors(db, workspaceId, match.programId);
  if (!directors.length) return "no-director";
  const rows = await historyOfMatch(db, workspaceId, matchId);
  const escalation: EscalationCard = {
    askedBy: cause === "need-help" ? askedForHelp(match, rows, periodKey) : [],
    matchId,
    periodKey,
    cause,
    programName: match.programName,
    role: match.role,
    startedAt: match.startedAt,
    mentor: match.mentor,
    trainee: match.trainee,
    history: historyPeriods(match, rows),
  };
  const key = runKeys.escalate(matchId, periodKey, cause);
  const ran = await runOnce(db, { key, job: CHECKIN_JOB, workspaceId }, now, async (tx) => {
    await markEscalated(tx, workspaceId, matchId, periodKey, now);
    for (const d of directors) {
      await enqueue(tx, { workspaceId, key: `${key}:${d.memberId}`, channel: d.dmChannel, payload: { ...messages.escalation(escalation) }, notBefore: now });
    }
  });
  return ran ? "escalated" : "done-before";
}
