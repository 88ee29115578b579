import { DateTime } from "luxon";
import { z } from "zod";
import { academicYearAt, academicYearStarting, DEFAULT_ACADEMIC_YEAR_START } from "./academicYear.js";
import { nextSendTime } from "./deliveryTime.js";

/**
 * Evaluation surveys: what a program asks, and when. Pure: time is a parameter.
 *
 * Three surveys, each on by default with wording that works without set-up:
 * - **mentee**: the trainee's view of the mentoring, six 1–5 agreement items modelled on published
 *   mentoring-effectiveness scales (the Mentorship Effectiveness Scale, Berk et al. 2005; the Mentor
 *   Competency Assessment, Fleming et al. 2013): availability, help with goals, career guidance,
 *   feedback, psychological support, overall; plus one free-text item;
 * - **mentor**: the mentor's view of the relationship;
 * - **program**: a program-wide survey of everyone enrolled (trainees and mentors) at the end of the year.
 *
 * Milestones: the mentee and mentor surveys go `milestoneMonths` (default 3) months into a match, and
 * to every active match at the end of the academic year; the program survey goes at the end of the
 * year. "End of the year" is `yearEndDaysBefore` (14) days before the academic year's last day, so
 * people are still in the program to answer. Each milestone is asked once per person (invitation
 * key), in the person's working hours (10:00 local on a working day), within `windowDays` (30) of
 * the milestone (a job that was down, or a match imported with an old start, never sends stale
 * surveys); one reminder `reminderAfterDays` (5) after the invitation if unanswered.
 */

export const SURVEY_KINDS = ["mentee", "mentor", "program"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export type ItemType = "likert" | "text";
export interface SurveyItem {
  key: string;
  type: ItemType;
  text: string;
}

export interface SurveyDefinition {
  kind: SurveyKind;
  enabled: boolean;
  items: SurveyItem[];
}

export interface SurveySettings {
  surveys: Record<SurveyKind, SurveyDefinition>;
  /** Months into a match at which the mentee and mentor surveys go (default [3]). */
  milestoneMonths: number[];
  /** Also survey active matches (mentee, mentor) at the end of the academic year. */
  endOfYear: boolean;
}

/** Where an item's wording may run to (a modal's label is at most 2000 characters; a question stays short). */
export const ITEM_TEXT_MAX = 300;
export const MAX_MILESTONE_MONTHS = 24;
/** The smallest group whose answers are shown (program, cohort or mentor). */
export const MIN_GROUP = 5;
export const SCALE = [1, 2, 3, 4, 5] as const;
export const SCALE_WORDS = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"] as const;

export const TIMING = { yearEndDaysBefore: 14, windowDays: 30, reminderAfterDays: 5 } as const;

const likert = (key: string, text: string): SurveyItem => ({ key, type: "likert", text });
const free = (key: string, text: string): SurveyItem => ({ key, type: "text", text });

export const DEFAULT_SURVEYS: Record<SurveyKind, SurveyItem[]> = {
  mentee: [
    likert("availability", "My mentor is accessible and makes time to meet with me."),
    likert("goals", "My mentor helps me set and work toward my goals."),
    likert("career", "My mentor gives me useful guidance on my career."),
    likert("feedback", "My mentor gives me constructive, timely feedback."),
    likert("support", "My mentor supports me when I face personal or professional difficulties."),
    likert("overall", "Overall, this mentoring relationship is valuable to me."),
    free("comments", "What would make this mentoring more useful to you?"),
  ],
  mentor: [
    likert("engagement", "My mentee comes prepared and engaged to our meetings."),
    likert("goals", "We have agreed clear goals and are making progress on them."),
    likert("rhythm", "We meet often enough for the relationship to work."),
    likert("fit", "My expertise fits what my mentee needs."),
    likert("overall", "Overall, this mentoring relationship is worthwhile."),
    free("comments", "What would help you mentor better in this program?"),
  ],
  program: [
    likert("matching", "The program matched me with the right people."),
    likert("structure", "Check-ins, goals and meeting logs helped the mentoring along."),
    likert("culture", "The program made mentoring a valued part of training here."),
    likert("recommend", "I would recommend this mentoring program to a colleague."),
    free("comments", "What should the program change next year?"),
  ],
};

export function defaultSettings(): SurveySettings {
  return {
    surveys: Object.fromEntries(SURVEY_KINDS.map((kind) => [kind, { kind, enabled: true, items: DEFAULT_SURVEYS[kind].map((i) => ({ ...i })) }])) as Record<SurveyKind, SurveyDefinition>,
    milestoneMonths: [3],
    endOfYear: true,
  };
}

const itemText = z.string().trim().min(1, "write the question").max(ITEM_TEXT_MAX, `keep it to ${ITEM_TEXT_MAX} characters`);

/** The months list: whole months 1–24, no repeats, sorted. */
export const milestoneMonthsSchema = z
  .array(z.number().int("whole months only").min(1, "at least 1 month").max(MAX_MILESTONE_MONTHS, `at most ${MAX_MILESTONE_MONTHS} months`))
  .max(6, "at most 6 milestones")
  .transform((ms) => [...new Set(ms)].sort((a, b) => a - b));

/** "3, 9" → [3, 9]; "" → []. */
export function parseMonths(text: string): { ok: true; months: number[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p))) return { ok: false, message: "Write whole months separated by commas, e.g. 3, 9." };
  const parsed = milestoneMonthsSchema.safeParse(parts.map(Number));
  return parsed.success ? { ok: true, months: parsed.data } : { ok: false, message: `Months: ${parsed.error.issues[0]!.message}.` };
}

/** What is stored: only what a director changed (item wording by key), so new defaults reach programs that kept theirs. */
export const storedSettingsSchema = z.object({
  surveys: z
    .partialRecord(z.enum(SURVEY_KINDS), z.object({ enabled: z.boolean().optional(), items: z.record(z.string(), itemText).optional() }))
    .optional(),
  milestoneMonths: milestoneMonthsSchema.optional(),
  endOfYear: z.boolean().optional(),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

/** The settings in force: the defaults with the stored changes on top (an unreadable row reads as the defaults). */
export function resolveSettings(stored: unknown): SurveySettings {
  const settings = defaultSettings();
  const parsed = storedSettingsSchema.safeParse(stored ?? {});
  if (!parsed.success) return settings;
  for (const kind of SURVEY_KINDS) {
    const change = parsed.data.surveys?.[kind];
    if (!change) continue;
    if (change.enabled !== undefined) settings.surveys[kind].enabled = change.enabled;
    for (const item of settings.surveys[kind].items) {
      const text = change.items?.[item.key];
      if (text !== undefined) item.text = text;
    }
  }
  if (parsed.data.milestoneMonths) settings.milestoneMonths = parsed.data.milestoneMonths;
  if (parsed.data.endOfYear !== undefined) settings.endOfYear = parsed.data.endOfYear;
  return settings;
}

/** What to store for `settings`: the differences from the defaults. */
export function storedOf(settings: SurveySettings): StoredSettings {
  const defaults = defaultSettings();
  const out: StoredSettings = {};
  for (const kind of SURVEY_KINDS) {
    const s = settings.surveys[kind];
    const d = defaults.surveys[kind];
    const items = Object.fromEntries(s.items.filter((item, i) => item.text !== d.items[i]!.text).map((item) => [item.key, item.text]));
    const change: { enabled?: boolean; items?: Record<string, string> } = {};
    if (s.enabled !== d.enabled) change.enabled = s.enabled;
    if (Object.keys(items).length) change.items = items;
    if (Object.keys(change).length) (out.surveys ??= {})[kind] = change;
  }
  if (settings.milestoneMonths.join(",") !== defaults.milestoneMonths.join(",")) out.milestoneMonths = settings.milestoneMonths;
  if (settings.endOfYear !== defaults.endOfYear) out.endOfYear = settings.endOfYear;
  return out;
}

/** "m3" → "3 months into the match"; "year-2026" → "at the end of the 2026–27 year". */
export function milestoneName(milestone: string, academicYearStart = DEFAULT_ACADEMIC_YEAR_START): string {
  const months = /^m(\d+)$/.exec(milestone);
  if (months) return `${months[1]} ${months[1] === "1" ? "month" : "months"} into the match`;
  const year = /^year-(\d{4})$/.exec(milestone);
  if (year) return `at the end of the ${academicYearStarting(Number(year[1]), academicYearStart).label} year`;
  return milestone;
}

// ---------------------------------------------------------------------------------------------
// When: the plan
// ---------------------------------------------------------------------------------------------

export interface SurveyPerson {
  memberId: string;
  tz: string | null;
  /** Paused people and people who deleted their data are not asked (a paused person is asked when back, within the window). */
  paused: boolean;
  erased: boolean;
}

export interface SurveyMatch {
  matchId: string;
  startedAt: Date;
  mentor: SurveyPerson;
  trainee: SurveyPerson;
  cohortName: string | null;
}

export interface SurveyEnrollee extends SurveyPerson {
  role: "trainee" | "mentor";
  cohortName: string | null;
}

export interface InvitationState {
  sentAt: Date;
  remindedAt: Date | null;
  answered: boolean;
  /** The recipient's zone, for the reminder's time. */
  tz: string | null;
}

export interface SurveyPlanInput {
  programTz: string;
  academicYearStart: string;
  settings: SurveySettings;
  /** The program's active matches. */
  matches: readonly SurveyMatch[];
  /** The program's trainees and mentors (for the program-wide survey). */
  enrollees: readonly SurveyEnrollee[];
  /** Invitations already sent, by key. */
  invitations: ReadonlyMap<string, InvitationState>;
}

export interface Invite {
  kind: "invite";
  key: string;
  survey: SurveyKind;
  milestone: string;
  period: string;
  matchId: string | null;
  memberId: string;
  cohortName: string | null;
  /** For a mentee survey: the mentor it is about. */
  mentorId: string | null;
}

export interface Remind {
  kind: "remind";
  key: string;
}

export type SurveyAction = Invite | Remind;

const DAY_MS = 86_400_000;

export const invitationKey = (survey: SurveyKind, scope: string, milestone: string, memberId: string) => `${survey}:${scope}:${milestone}:${memberId}`;

/** A milestone is due for a person once its send time (their working hours) has come, and until its window closes. */
function due(now: Date, at: Date, tz: string | null, closes: Date): boolean {
  return now.getTime() < closes.getTime() && nextSendTime(at, tz).getTime() <= now.getTime();
}

const askable = (p: SurveyPerson) => !p.paused && !p.erased;

/**
 * What is due at `now` for one program: invitations (each key once; a key already in `invitations`
 * is never sent again) and reminders (once, `reminderAfterDays` after the invitation, in working hours,
 * while unanswered and within the window).
 */
export function planSurveys(now: Date, input: SurveyPlanInput): SurveyAction[] {
  const { settings, invitations } = input;
  const actions: SurveyAction[] = [];
  const seen = new Set<string>();
  const invite = (a: Omit<Invite, "kind" | "key">, scope: string, person: SurveyPerson, at: Date, closes: Date) => {
    const key = invitationKey(a.survey, scope, a.milestone, a.memberId);
    if (seen.has(key) || invitations.has(key) || !askable(person) || !due(now, at, person.tz, closes)) return;
    seen.add(key);
    actions.push({ kind: "invite", key, ...a });
  };
  const year = academicYearAt(now, input.academicYearStart, input.programTz);
  const yearEndAt = new Date(year.end.getTime() - TIMING.yearEndDaysBefore * DAY_MS);
  const yearMilestone = `year-${year.startYear}`;

  for (const m of input.matches) {
    const milestones: { milestone: string; at: Date; closes: Date; period: string }[] = [];
    for (const months of settings.milestoneMonths) {
      const at = DateTime.fromJSDate(m.startedAt, { zone: input.programTz }).plus({ months }).toJSDate();
      milestones.push({ milestone: `m${months}`, at, closes: new Date(at.getTime() + TIMING.windowDays * DAY_MS), period: academicYearAt(at, input.academicYearStart, input.programTz).label });
    }
    // The end of the year, for a match that had begun by then.
    if (settings.endOfYear && m.startedAt.getTime() <= yearEndAt.getTime()) milestones.push({ milestone: yearMilestone, at: yearEndAt, closes: year.end, period: year.label });
    for (const ms of milestones) {
      const base = { milestone: ms.milestone, period: ms.period, matchId: m.matchId, cohortName: m.cohortName };
      if (settings.surveys.mentee.enabled) invite({ ...base, survey: "mentee", memberId: m.trainee.memberId, mentorId: m.mentor.memberId }, m.matchId, m.trainee, ms.at, ms.closes);
      if (settings.surveys.mentor.enabled) invite({ ...base, survey: "mentor", memberId: m.mentor.memberId, mentorId: null }, m.matchId, m.mentor, ms.at, ms.closes);
    }
  }
  if (settings.surveys.program.enabled) {
    for (const e of input.enrollees) {
      invite({ survey: "program", milestone: yearMilestone, period: year.label, matchId: null, memberId: e.memberId, cohortName: e.role === "trainee" ? e.cohortName : null, mentorId: null }, "program", e, yearEndAt, year.end);
    }
  }
  for (const [key, inv] of invitations) {
    if (inv.answered || inv.remindedAt) continue;
    const closes = new Date(inv.sentAt.getTime() + TIMING.windowDays * DAY_MS);
    if (due(now, new Date(inv.sentAt.getTime() + TIMING.reminderAfterDays * DAY_MS), inv.tz, closes)) actions.push({ kind: "remind", key });
  }
  return actions;
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

export const FREE_TEXT_MAX = 2000;
export type Answers = Record<string, number | string>;

/**
 * The zod schema of one survey's answers: every 1–5 item answered; free text optional (trimmed,
 * empty left out). Its issues name the item key, for inline errors.
 */
export function answersSchema(items: readonly SurveyItem[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const item of items) {
    shape[item.key] =
      item.type === "likert"
        ? z.coerce.number({ error: "Pick one of 1 to 5." }).int().min(1, "Pick one of 1 to 5.").max(5, "Pick one of 1 to 5.")
        : z.string().trim().max(FREE_TEXT_MAX, `Keep it to ${FREE_TEXT_MAX} characters.`).optional();
  }
  return z.object(shape).transform((answers) => {
    const out: Answers = {};
    for (const [k, v] of Object.entries(answers)) if (v !== undefined && v !== "") out[k] = v as number | string;
    return out;
  });
}
