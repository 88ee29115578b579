import { academicYearAt, academicYearStarting, type AcademicYear } from "./academicYear.js";
import { CAREER_STAGES } from "./vocabulary.js";
import { nextSendTime } from "./deliveryTime.js";

/**
 * Closing a program's academic year (the July rollover), as pure decisions: when the close opens,
 * which cohort graduates by default, and — given the cohorts, the active matches and the
 * "continue next year?" answers — the plan that approving applies: who graduates (and becomes an
 * alumnus), whose training year advances, which matches continue and which end. No I/O, no clock.
 */

const DAY_MS = 86_400_000;

/** Directors are offered the close, and both people of a match are asked "continue next year?", this long before the year ends. */
export const CLOSE_OPENS_DAYS_BEFORE_END = 42;
/** A year not closed by its end can still be closed this long into the next one. */
export const CLOSE_LATE_DAYS_AFTER_END = 42;

export type ContinuationAnswer = "CONTINUE" | "END";

/** The year a close at `now` is for, or why there is none now. */
export type ClosableYear =
  | { kind: "open"; year: AcademicYear; /** true when the year has already ended (a late close). */ late: boolean }
  | { kind: "not_yet"; year: AcademicYear; opensAt: Date };

/**
 * The academic year a director may close at `now`: the current one from 6 weeks before its end, or
 * the previous one during the first 6 weeks of the next (closing late). Otherwise, not yet: the
 * current year's close opens 6 weeks before its end.
 */
export function closableYear(now: Date, start: string, zone: string): ClosableYear {
  const current = academicYearAt(now, start, zone);
  const opensAt = new Date(current.end.getTime() - CLOSE_OPENS_DAYS_BEFORE_END * DAY_MS);
  if (now >= opensAt) return { kind: "open", year: current, late: false };
  if (now.getTime() < current.start.getTime() + CLOSE_LATE_DAYS_AFTER_END * DAY_MS) {
    return { kind: "open", year: academicYearStarting(current.startYear - 1, start, zone), late: true };
  }
  return { kind: "not_yet", year: current, opensAt };
}

/** Whether the "continue next year?" questions for `year` are due at `now` (its last 6 weeks). */
export function continuationAsksDue(year: AcademicYear, now: Date): boolean {
  return now < year.end && now.getTime() >= year.end.getTime() - CLOSE_OPENS_DAYS_BEFORE_END * DAY_MS;
}

/**
 * When the year's "continue next year?" question (or the director's "close the year" prompt) goes
 * to one person: the first 10:00 on a working day in their own time zone from the moment the asks
 * open — the rule check-ins and surveys follow (deliveryTime.ts nextSendTime).
 */
export function continuationAskAt(year: AcademicYear, tz: string | null | undefined): Date {
  return nextSendTime(new Date(year.end.getTime() - CLOSE_OPENS_DAYS_BEFORE_END * DAY_MS), tz);
}

/** Whether `year`'s question is due at `now` for someone in `tz`: in the last 6 weeks, once their working morning has come. */
export function continuationAskDue(year: AcademicYear, tz: string | null | undefined, now: Date): boolean {
  return continuationAsksDue(year, now) && continuationAskAt(year, tz).getTime() <= now.getTime();
}

export interface CohortFacts {
  id: string;
  name: string;
  startsOn: Date | null;
  endsOn: Date | null;
  /** The cohort's trainees in the program, with their training year (null when not given). */
  trainees: readonly { memberId: string; trainingYear: number | null }[];
}

/**
 * The cohort that graduates unless the director chooses another: one whose end date falls in the
 * year (or before it: overdue); else the one whose trainees are furthest in training (highest
 * median training year); else the oldest (earliest start, then name). Null when the program has
 * no cohort with trainees.
 */
export function defaultGraduatingCohort(cohorts: readonly CohortFacts[], year: Pick<AcademicYear, "end">): string | null {
  const withTrainees = cohorts.filter((c) => c.trainees.length > 0);
  if (withTrainees.length === 0) return null;
  const ending = withTrainees.filter((c) => c.endsOn !== null && c.endsOn < year.end).sort((a, b) => a.endsOn!.getTime() - b.endsOn!.getTime() || a.name.localeCompare(b.name));
  if (ending[0]) return ending[0].id;
  const median = (c: CohortFacts) => {
    const years = c.trainees.map((t) => t.trainingYear).filter((y): y is number => y !== null).sort((a, b) => a - b);
    return years.length ? years[Math.floor((years.length - 1) / 2)]! : null;
  };
  const known = withTrainees.map((c) => ({ c, m: median(c) })).filter((x): x is { c: CohortFacts; m: number } => x.m !== null);
  if (known.length) {
    const top = Math.max(...known.map((x) => x.m));
    const furthest = known.filter((x) => x.m === top).map((x) => x.c);
    if (furthest.length === 1) return furthest[0]!.id;
    return oldest(furthest).id;
  }
  return oldest(withTrainees).id;
}

function oldest(cohorts: readonly CohortFacts[]): CohortFacts {
  return [...cohorts].sort((a, b) => {
    if (a.startsOn && b.startsOn && a.startsOn.getTime() !== b.startsOn.getTime()) return a.startsOn.getTime() - b.startsOn.getTime();
    if (a.startsOn && !b.startsOn) return -1;
    if (!a.startsOn && b.startsOn) return 1;
    return a.name.localeCompare(b.name);
  })[0]!;
}

export interface MatchFacts {
  id: string;
  traineeId: string;
  mentorId: string;
}

export interface AnswerFacts {
  matchId: string;
  memberId: string;
  answer: ContinuationAnswer;
}

/** Why a match ends with the year. */
export type EndReason = "graduating" | "trainee_declined" | "mentor_declined" | "both_declined";

export interface MatchDecision {
  matchId: string;
  outcome: "continue" | "end";
  reason: EndReason | null;
  /** Sides that have not answered "continue next year?" (an unanswered match continues). */
  unanswered: ("trainee" | "mentor")[];
}

export interface YearPlanInput {
  cohorts: readonly CohortFacts[];
  /** The cohort the director chose to graduate (null: none graduates). */
  graduatingCohortId: string | null;
  /** Trainees of the program in no cohort: their training year advances too. */
  traineesWithoutCohort: readonly { memberId: string; trainingYear: number | null }[];
  /** The program's active matches. */
  matches: readonly MatchFacts[];
  answers: readonly AnswerFacts[];
}

export interface YearPlan {
  graduatingCohortId: string | null;
  /** Trainees of the graduating cohort: they become alumni and are invited to mentor. */
  graduates: string[];
  /** Trainees who stay, whose training year goes up by one. */
  advancing: { memberId: string; from: number; to: number }[];
  /** Trainees who stay with no training year to advance. */
  stayingWithoutYear: string[];
  matches: MatchDecision[];
}

/**
 * The plan a close applies. A graduate's matches end; any other match ends when either side
 * answered "end", and continues otherwise (no answer counts as continue). A trainee who is in the
 * graduating cohort graduates even if also listed elsewhere.
 */
export function planYearClose(input: YearPlanInput): YearPlan {
  const graduating = input.cohorts.find((c) => c.id === input.graduatingCohortId) ?? null;
  const graduates = [...new Set(graduating?.trainees.map((t) => t.memberId) ?? [])];
  const graduateSet = new Set(graduates);
  const staying = new Map<string, number | null>();
  for (const c of input.cohorts) if (c.id !== graduating?.id) for (const t of c.trainees) if (!graduateSet.has(t.memberId)) staying.set(t.memberId, t.trainingYear);
  for (const t of input.traineesWithoutCohort) if (!graduateSet.has(t.memberId) && !staying.has(t.memberId)) staying.set(t.memberId, t.trainingYear);
  const advancing: YearPlan["advancing"] = [];
  const stayingWithoutYear: string[] = [];
  for (const [memberId, year] of staying) {
    if (year === null) stayingWithoutYear.push(memberId);
    else advancing.push({ memberId, from: year, to: year + 1 });
  }
  const answerOf = new Map(input.answers.map((a) => [`${a.matchId}:${a.memberId}`, a.answer]));
  const matches = input.matches.map((m): MatchDecision => {
    const trainee = answerOf.get(`${m.id}:${m.traineeId}`);
    const mentor = answerOf.get(`${m.id}:${m.mentorId}`);
    const unanswered = [...(trainee ? [] : (["trainee"] as const)), ...(mentor ? [] : (["mentor"] as const))];
    if (graduateSet.has(m.traineeId)) return { matchId: m.id, outcome: "end", reason: "graduating", unanswered };
    const reason: EndReason | null =
      trainee === "END" && mentor === "END" ? "both_declined" : trainee === "END" ? "trainee_declined" : mentor === "END" ? "mentor_declined" : null;
    return { matchId: m.id, outcome: reason ? "end" : "continue", reason, unanswered };
  });
  return { graduatingCohortId: graduating?.id ?? null, graduates, advancing, stayingWithoutYear, matches };
}

/**
 * The career stage an alumnus has moved on to: the next stage up (a fellow becomes junior
 * faculty); a stage with none above, or none given, stays as it is.
 */
export function movedOnStage(stage: string | null): string | null {
  if (!stage) return null;
  const at = CAREER_STAGES.findIndex((s) => s.key === stage);
  if (at < 0) return stage;
  return CAREER_STAGES[at + 1]?.key ?? stage;
}

/** The mentor part of an alumnus's profile, pre-filled from their trainee profile: the stage moved on, interests kept as expertise. */
export function alumnusMentorProfile<P extends { careerStage: string | null; interests: string[]; expertise: string[]; rolesWanted: string[]; rolesOffered: string[]; meetingCadence: string | null; cadenceOffered: string | null }>(
  trainee: P,
): P {
  return {
    ...trainee,
    careerStage: movedOnStage(trainee.careerStage),
    expertise: [...new Set([...trainee.expertise, ...trainee.interests])],
    rolesOffered: trainee.rolesOffered.length ? trainee.rolesOffered : trainee.rolesWanted,
    cadenceOffered: trainee.cadenceOffered ?? trainee.meetingCadence,
  };
}
