import { MIN_GROUP, SURVEY_KINDS, type Answers, type SurveyItem, type SurveyKind } from "./surveys.js";

/**
 * Survey results as directors may see them: aggregates only. Pure.
 *
 * - Groups: the program, each cohort, and (for the mentee survey) each mentor, per survey and period.
 * - A group with fewer than MIN_GROUP (5) responses shows its response rate and nothing of its
 *   answers ("fewer than 5 responses"): no means, no counts per item, no free text.
 * - Free text appears only in program-wide groups of at least 5, sorted (so its order says nothing
 *   about who answered when); never in a cohort or mentor group, which could point at a pair.
 * - Means are rounded to one decimal.
 */

export type GroupLevel = "program" | "cohort" | "mentor";

export interface ResponseRow {
  kind: SurveyKind;
  period: string;
  cohortName: string | null;
  mentorId: string | null;
  answers: Answers;
}

export interface InvitationCount {
  kind: SurveyKind;
  period: string;
  cohortName: string | null;
  mentorId: string | null;
  invited: number;
  answered: number;
}

export interface ItemMean {
  key: string;
  text: string;
  mean: number;
  /** How many answered this item (every response answers every 1–5 item). */
  n: number;
}

export interface GroupResult {
  level: GroupLevel;
  kind: SurveyKind;
  period: string;
  /** The cohort's name (cohort level; null = trainees with no cohort), else null. */
  cohortName: string | null;
  /** The mentor's member id (mentor level), else null: the caller turns it into a name. */
  mentorId: string | null;
  invited: number;
  answered: number;
  responses: number;
  /** True when responses < MIN_GROUP: means and comments are withheld. */
  suppressed: boolean;
  means: ItemMean[];
  /** Program level only, and only when not suppressed. */
  comments: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

interface Bucket {
  level: GroupLevel;
  kind: SurveyKind;
  period: string;
  cohortName: string | null;
  mentorId: string | null;
  invited: number;
  answered: number;
  rows: ResponseRow[];
}

/** The groups a response or invitation count belongs to. */
function groupKeys(r: { kind: SurveyKind; period: string; cohortName: string | null; mentorId: string | null }): { key: string; level: GroupLevel; cohortName: string | null; mentorId: string | null }[] {
  const base = `${r.kind}|${r.period}`;
  const out: { key: string; level: GroupLevel; cohortName: string | null; mentorId: string | null }[] = [{ key: `${base}|program`, level: "program", cohortName: null, mentorId: null }];
  // The mentor's own survey (kind "mentor") and the program survey's mentors have no cohort; the mentor survey's pair does.
  if (r.kind !== "program" || r.cohortName !== null) out.push({ key: `${base}|cohort|${r.cohortName ?? ""}`, level: "cohort", cohortName: r.cohortName, mentorId: null });
  if (r.kind === "mentee" && r.mentorId) out.push({ key: `${base}|mentor|${r.mentorId}`, level: "mentor", cohortName: null, mentorId: r.mentorId });
  return out;
}

/**
 * Aggregates responses and invitation counts into groups, suppressing any with fewer than `min`
 * responses. Items: each survey's items (for the means' order and wording). Sorted by survey,
 * period (newest first), level (program, cohort, mentor), then cohort name.
 */
export function aggregateSurveys(
  responses: readonly ResponseRow[],
  invitations: readonly InvitationCount[],
  items: Record<SurveyKind, readonly SurveyItem[]>,
  min = MIN_GROUP,
): GroupResult[] {
  const buckets = new Map<string, Bucket>();
  const bucket = (r: { kind: SurveyKind; period: string }, g: ReturnType<typeof groupKeys>[number]) => {
    let b = buckets.get(g.key);
    if (!b) buckets.set(g.key, (b = { level: g.level, kind: r.kind, period: r.period, cohortName: g.cohortName, mentorId: g.mentorId, invited: 0, answered: 0, rows: [] }));
    return b;
  };
  for (const c of invitations) {
    for (const g of groupKeys(c)) {
      const b = bucket(c, g);
      b.invited += c.invited;
      b.answered += c.answered;
    }
  }
  for (const r of responses) for (const g of groupKeys(r)) bucket(r, g).rows.push(r);

  const results: GroupResult[] = [];
  for (const b of buckets.values()) {
    const responsesN = b.rows.length;
    const suppressed = responsesN < min;
    const means: ItemMean[] = [];
    let comments: string[] = [];
    if (!suppressed) {
      for (const item of items[b.kind]) {
        if (item.type !== "likert") continue;
        const values = b.rows.map((r) => r.answers[item.key]).filter((v): v is number => typeof v === "number");
        if (values.length) means.push({ key: item.key, text: item.text, mean: round1(values.reduce((s, v) => s + v, 0) / values.length), n: values.length });
      }
      if (b.level === "program") {
        const textKeys = items[b.kind].filter((i) => i.type === "text").map((i) => i.key);
        comments = b.rows.flatMap((r) => textKeys.map((k) => r.answers[k]).filter((v): v is string => typeof v === "string" && v.trim() !== "")).sort((x, y) => x.localeCompare(y));
      }
    }
    results.push({ level: b.level, kind: b.kind, period: b.period, cohortName: b.cohortName, mentorId: b.mentorId, invited: b.invited, answered: b.answered, responses: responsesN, suppressed, means, comments });
  }
  const levelOrder: Record<GroupLevel, number> = { program: 0, cohort: 1, mentor: 2 };
  return results.sort(
    (a, b) =>
      SURVEY_KINDS.indexOf(a.kind) - SURVEY_KINDS.indexOf(b.kind) ||
      b.period.localeCompare(a.period) ||
      levelOrder[a.level] - levelOrder[b.level] ||
      (a.cohortName ?? "").localeCompare(b.cohortName ?? "") ||
      (a.mentorId ?? "").localeCompare(b.mentorId ?? ""),
  );
}

/** Response rate in whole percent (0 when nobody was invited). */
export const responseRate = (g: { invited: number; answered: number }) => (g.invited ? Math.round((100 * g.answered) / g.invited) : 0);
