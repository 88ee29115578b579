import { periodByIndex, periodIndexAt, type Cadence, type MatchTimeline, type Period } from "./cadence.js";
import { inDateRanges, localDate, nextSendTime, previousSendTime, type DateRange, type DeliveryOptions } from "./deliveryTime.js";

/**
 * The check-in plan: given the time and what has happened so far, which check-in DMs, reminders,
 * escalations, "stay, pause or leave?" questions and agenda prompts are due now. A pure function:
 * the job feeds it the active matches and their history, runs each action once under its run key,
 * and records it (the JobRun row's unique run key is the "done" set the next plan reads).
 *
 * Rules (docs/checkins.md tells people the same in their words):
 *
 * - **Check-in.** When a period ends, the check-in for that period ("did you meet?") goes to the
 *   mentor, and to the trainee too when the program says so (`alsoTrainee`). It is sent at the first
 *   working-hours slot (10:00 local, Mon–Fri, not on a break day in their calendar) at or after the
 *   period's end. Only the most recently ended period is ever asked about: once the next period has
 *   ended too, an unsent check-in is dropped, never sent late (so a job that was down, or a match
 *   imported with an old start date, never sends a pile of check-ins). Once either person has
 *   answered for a period, the other is not asked about it.
 * - **Paused.** A person who is paused now, or was paused at the moment the period ended, is not
 *   sent that period's check-in (skipped, not delayed). Paused people get no reminders, asks or
 *   agenda prompts either.
 * - **Program breaks** (inclusive date ranges in the program's time zone): a period whose end falls on
 *   a break day is skipped entirely: no check-in, no reminder, no agenda prompt. The next period is
 *   unaffected (skipped, not postponed, so a long break never stores up a queue of messages).
 *   Break days also count as holidays when choosing a send day (in each recipient's own calendar).
 * - **Reminder.** One reminder per recipient, `reminderAfterDays` (3) after the check-in was sent, at
 *   the next working-hours slot, if nobody has answered for that period and it is still the latest
 *   ended period.
 * - **Escalation** to the directors: `need-help` when anyone answers "Need help" (once per period);
 *   `no-meeting` when `noMeetingPeriods` (2) consecutive checked-in periods ended without a meeting
 *   (answered, but nobody said "We met"; or nobody answered within `ignoredAfterDays`). Once per streak:
 *   keyed by the period that completed it, and only while the streak is still unbroken.
 * - **Stay, pause or leave?** A person who has ignored `ignoredInARow` (3) of their check-ins in a row
 *   (no answer from anyone within `ignoredAfterDays` (6) of sending) is asked once per streak whether
 *   to stay, pause or leave. Nobody is ever dropped silently.
 * - **Agenda prompt.** The trainee is prompted to set an agenda `agendaDaysBefore` (2) days before the
 *   current period ends (= the next one starts): the last working-hours slot on or before that moment,
 *   or, if that would fall before the period started, its first slot.
 * - Ended matches are skipped entirely. Check-ins still pending in the outbox are not this plan's business.
 *
 * Run keys (deterministic, one per action; a second trigger, a second instance or a restart after a
 * crash finds the key done and sends nothing twice):
 *   checkin:<match>:<period>:<mentor|trainee>   reminder:<match>:<period>:<mentor|trainee>
 *   escalate:<match>:<period>:<need-help|no-meeting>   stay:<match>:<period>:<mentor|trainee>
 *   agenda:<match>:<period>
 * where <period> is the period key from cadence.ts (UTC start date, YYYY-MM-DD).
 *
 * Cost: O(matches × (history length + a few luxon conversions)); unsent work is the only work that
 * builds luxon objects, and a match with nothing left to do builds none or one.
 */

export type Role = "mentor" | "trainee";
export type CheckinAnswer = "MET" | "SCHEDULED" | "NOT_YET" | "NEED_HELP";
export type EscalationCause = "need-help" | "no-meeting";

export interface PlanPerson {
  /** IANA zone (Member.tz); an unknown zone reads as UTC. */
  tz: string | null;
  /** Member.pausedAt / pausedUntil: paused from pausedAt until pausedUntil (null = until they resume). */
  pausedAt?: Date | null;
  pausedUntil?: Date | null;
}

/** One check-in DM as sent (one per period and recipient). */
export interface CheckinRecord {
  periodKey: string;
  /** Default "mentor". */
  recipient?: Role;
  sentAt: Date | null;
  answeredAt?: Date | null;
  answer?: CheckinAnswer | null;
  reminderSentAt?: Date | null;
}

export interface MatchHistory {
  checkins?: readonly CheckinRecord[];
  /** Run keys already done (JobRun rows). */
  doneRunKeys?: ReadonlySet<string> | readonly string[];
}

export interface PlanMatch extends MatchTimeline {
  matchId: string;
  /** The cadence in force: the agreed one, else the program's (cadence.ts effectiveCadence). */
  cadence: Cadence;
  status?: "ACTIVE" | "ENDED";
  endedAt?: Date | null;
  mentor: PlanPerson;
  trainee: PlanPerson;
  /** Also send the check-in to the trainee (program setting). */
  alsoTrainee?: boolean;
  /** The program's zone, used to read break dates against a period's end. Default UTC. */
  programTz?: string | null;
  /** Program breaks: `YYYY-MM-DD` dates or inclusive ranges. */
  programBreaks?: readonly (string | DateRange)[];
  history?: MatchHistory;
}

export interface PlanOptions {
  reminderAfterDays?: number;
  /** A check-in nobody answered this many days after it was sent counts as ignored. */
  ignoredAfterDays?: number;
  agendaDaysBefore?: number;
  ignoredInARow?: number;
  noMeetingPeriods?: number;
  /** Local send time; default 10:00. */
  hour?: number;
  minute?: number;
}

export const PLAN_DEFAULTS = {
  reminderAfterDays: 3,
  ignoredAfterDays: 6,
  agendaDaysBefore: 2,
  ignoredInARow: 3,
  noMeetingPeriods: 2,
  hour: 10,
  minute: 0,
} as const satisfies Required<PlanOptions>;

interface Base {
  runKey: string;
  matchId: string;
  periodKey: string;
}

export type CheckinAction =
  | (Base & { kind: "send-checkin"; recipient: Role; period: Period; sendAt: Date })
  | (Base & { kind: "send-reminder"; recipient: Role; sendAt: Date })
  | (Base & { kind: "escalate"; cause: EscalationCause })
  | (Base & { kind: "ask-stay-pause-leave"; recipient: Role; sendAt: Date })
  | (Base & { kind: "agenda-prompt"; recipient: "trainee"; sendAt: Date });

export const runKeys = {
  checkin: (matchId: string, periodKey: string, role: Role) => `checkin:${matchId}:${periodKey}:${role}`,
  reminder: (matchId: string, periodKey: string, role: Role) => `reminder:${matchId}:${periodKey}:${role}`,
  escalate: (matchId: string, periodKey: string, cause: EscalationCause) => `escalate:${matchId}:${periodKey}:${cause}`,
  stay: (matchId: string, periodKey: string, role: Role) => `stay:${matchId}:${periodKey}:${role}`,
  agenda: (matchId: string, periodKey: string) => `agenda:${matchId}:${periodKey}`,
};

const DAY_MS = 86_400_000;
/** previousSendTime(x) is never earlier than x minus this, when there are no holidays. */
const AGENDA_MAX_LEAD_MS = 5 * DAY_MS;

/** Paused at instant `t`: pausedAt ≤ t < pausedUntil (no pausedUntil = until they resume). */
export function pausedAtInstant(person: PlanPerson, t: Date): boolean {
  if (!person.pausedAt || person.pausedAt.getTime() > t.getTime()) return false;
  return !person.pausedUntil || person.pausedUntil.getTime() > t.getTime();
}

type Settled = "met" | "not-met" | "ignored" | "pending";

interface PeriodState {
  key: string;
  records: CheckinRecord[];
  answered: boolean;
  met: boolean;
}

/** Every action due at `now` across `matches`, each with its run key, each key at most once. */
export function planCheckins(now: Date, matches: readonly PlanMatch[], options: PlanOptions = {}): CheckinAction[] {
  const o = { ...PLAN_DEFAULTS, ...options };
  const out: CheckinAction[] = [];
  const emitted = new Set<string>();
  const emit = (a: CheckinAction) => {
    if (emitted.has(a.runKey)) return;
    emitted.add(a.runKey);
    out.push(a);
  };
  for (const match of matches) planMatch(now, match, o, emit);
  return out;
}

function planMatch(now: Date, match: PlanMatch, o: Required<PlanOptions>, emit: (a: CheckinAction) => void): void {
  const t = now.getTime();
  if (match.status === "ENDED" || (match.endedAt && match.endedAt.getTime() <= t)) return;
  const currentIndex = periodIndexAt(match, now);
  if (currentIndex < 0) return;

  const id = match.matchId;
  const doneKeys = match.history?.doneRunKeys;
  const done = (key: string) =>
    !!doneKeys && (Array.isArray(doneKeys) ? (doneKeys as readonly string[]).includes(key) : (doneKeys as ReadonlySet<string>).has(key));
  const records = sortedRecords(match.history?.checkins ?? []);
  const breaks = match.programBreaks ?? [];
  const delivery: DeliveryOptions = { hour: o.hour, minute: o.minute, holidays: breaks };
  const inBreak = (p: Period) => breaks.length > 0 && inDateRanges(localDate(p.end, match.programTz), breaks);
  const person = (role: Role) => (role === "mentor" ? match.mentor : match.trainee);
  const availableNow = (role: Role) => !pausedAtInstant(person(role), now);
  const roles: Role[] = match.alsoTrainee ? ["mentor", "trainee"] : ["mentor"];

  // The period a check-in asks about: the one that ended most recently.
  const closed = currentIndex >= 1 ? periodByIndex(match, currentIndex - 1) : null;
  const closedInBreak = closed ? inBreak(closed) : false;

  // Once either person has answered for the period, the other is not asked about it.
  const closedAnswered = !!closed && records.some((r) => r.periodKey === closed.key && r.answer);
  if (closed && !closedInBreak && !closedAnswered) {
    for (const role of roles) {
      const runKey = runKeys.checkin(id, closed.key, role);
      if (done(runKey) || records.some((r) => r.periodKey === closed.key && roleOf(r) === role && r.sentAt)) continue;
      if (!availableNow(role) || pausedAtInstant(person(role), closed.end)) continue;
      const sendAt = nextSendTime(closed.end, person(role).tz, delivery);
      if (sendAt.getTime() <= t) emit({ kind: "send-checkin", runKey, matchId: id, periodKey: closed.key, recipient: role, period: closed, sendAt });
    }
  }

  // Reminders: only for the latest ended period, once, when nobody has answered.
  if (closed && !closedInBreak) {
    const forPeriod = records.filter((r) => r.periodKey === closed.key);
    if (!forPeriod.some((r) => r.answer)) {
      for (const r of forPeriod) {
        const role = roleOf(r);
        if (!r.sentAt || r.reminderSentAt) continue;
        const runKey = runKeys.reminder(id, closed.key, role);
        if (done(runKey) || !availableNow(role)) continue;
        const sendAt = nextSendTime(new Date(r.sentAt.getTime() + o.reminderAfterDays * DAY_MS), person(role).tz, delivery);
        if (sendAt.getTime() <= t) emit({ kind: "send-reminder", runKey, matchId: id, periodKey: closed.key, recipient: role, sendAt });
      }
    }
  }

  if (records.length) {
    const periods = periodStates(records);
    const settle = (p: PeriodState): Settled => settled(p, t, o.ignoredAfterDays);

    // Need help: once per period.
    for (const p of periods) {
      if (!p.records.some((r) => r.answer === "NEED_HELP")) continue;
      const runKey = runKeys.escalate(id, p.key, "need-help");
      if (!done(runKey)) emit({ kind: "escalate", runKey, matchId: id, periodKey: p.key, cause: "need-help" });
    }

    // No meeting for N checked-in periods in a row: once per (still unbroken) streak.
    const noMeeting = ongoingStreakTrigger(periods, settle, (s) => s === "not-met" || s === "ignored", o.noMeetingPeriods);
    if (noMeeting) {
      const runKey = runKeys.escalate(id, noMeeting.key, "no-meeting");
      if (!done(runKey)) emit({ kind: "escalate", runKey, matchId: id, periodKey: noMeeting.key, cause: "no-meeting" });
    }

    // Someone ignored N of their check-ins in a row: ask them once per (still unbroken) streak.
    const byKey = new Map(periods.map((p) => [p.key, p]));
    for (const role of roles) {
      const mine = records.filter((r) => roleOf(r) === role && r.sentAt);
      const trigger = ongoingStreakTrigger(
        mine,
        (r) => {
          if (byKey.get(r.periodKey)!.answered) return "met"; // answered by someone: not ignored
          return r.sentAt!.getTime() + o.ignoredAfterDays * DAY_MS <= t ? "ignored" : "pending";
        },
        (s) => s === "ignored",
        o.ignoredInARow,
      );
      if (!trigger) continue;
      const runKey = runKeys.stay(id, trigger.periodKey, role);
      if (done(runKey) || !availableNow(role)) continue;
      const sendAt = nextSendTime(new Date(trigger.sentAt!.getTime() + o.ignoredAfterDays * DAY_MS), person(role).tz, delivery);
      if (sendAt.getTime() <= t) emit({ kind: "ask-stay-pause-leave", runKey, matchId: id, periodKey: trigger.periodKey, recipient: role, sendAt });
    }
  }

  // Agenda prompt for the meeting due by the end of the current period.
  const current = periodByIndex(match, currentIndex);
  const agendaKey = runKeys.agenda(id, current.key);
  const agendaTarget = current.end.getTime() - o.agendaDaysBefore * DAY_MS;
  // Without breaks the slot is never more than a long weekend (plus a day of zone offset) before the
  // target, so most of a period needs no luxon work at all.
  const agendaTooEarly = breaks.length === 0 && t < agendaTarget - AGENDA_MAX_LEAD_MS;
  if (!agendaTooEarly && !done(agendaKey) && availableNow("trainee") && !inBreak(current)) {
    const tz = match.trainee.tz;
    let sendAt = previousSendTime(new Date(agendaTarget), tz, delivery);
    if (sendAt.getTime() < current.start.getTime()) sendAt = nextSendTime(current.start, tz, delivery);
    if (sendAt.getTime() <= t && sendAt.getTime() < current.end.getTime()) {
      emit({ kind: "agenda-prompt", runKey: agendaKey, matchId: id, periodKey: current.key, recipient: "trainee", sendAt });
    }
  }
}

const roleOf = (r: CheckinRecord): Role => r.recipient ?? "mentor";

function sortedRecords(records: readonly CheckinRecord[]): readonly CheckinRecord[] {
  for (let i = 1; i < records.length; i++) {
    if (records[i - 1]!.periodKey > records[i]!.periodKey) return [...records].sort((a, b) => (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0));
  }
  return records;
}

/** Records grouped by period, in period order (records are sorted by period key). */
function periodStates(records: readonly CheckinRecord[]): PeriodState[] {
  const out: PeriodState[] = [];
  for (const r of records) {
    let last = out[out.length - 1];
    if (!last || last.key !== r.periodKey) {
      last = { key: r.periodKey, records: [], answered: false, met: false };
      out.push(last);
    }
    last.records.push(r);
    if (r.answer) last.answered = true;
    if (r.answer === "MET") last.met = true;
  }
  return out;
}

function settled(p: PeriodState, t: number, ignoredAfterDays: number): Settled {
  if (p.met) return "met";
  if (p.answered) return "not-met";
  const sent = p.records.filter((r) => r.sentAt);
  if (!sent.length) return "pending";
  return sent.every((r) => r.sentAt!.getTime() + ignoredAfterDays * DAY_MS <= t) ? "ignored" : "pending";
}

/**
 * The item that completed a run of `length` consecutive `counts` items, provided the run has not
 * been broken since. "pending" items (not settled yet) neither extend nor break a run.
 */
function ongoingStreakTrigger<T>(items: readonly T[], state: (item: T) => Settled, counts: (s: Settled) => boolean, length: number): T | null {
  let run = 0;
  let trigger: T | null = null;
  for (const item of items) {
    const s = state(item);
    if (s === "pending") continue;
    if (counts(s)) {
      run++;
      if (run === length) trigger = item;
    } else {
      run = 0;
      trigger = null;
    }
  }
  return trigger;
}
