import { KeywordMatcher, type KeywordMatch, type QueryTerm } from "./keywords.js";
import { featuresOf, type MentorFeatures } from "./mentorFeatures.js";
import type { ProfileData } from "./profile.js";
import { priorityEntry, type Evidence } from "./priorityEvidence.js";
import { BASE_VOCABULARY, type Term, type Vocabulary } from "./vocabulary.js";
import { DEFAULT_RANKING_CONFIG, FACTORS, type Factor, type RankingConfig } from "./weights.js";

/**
 * The fit score between one trainee and one mentor, and the plain-words reasons behind it.
 * Pure: every input is a parameter. See docs/ranking.md for the table of factors.
 */

export { PRIORITY_MAP } from "./priorityEvidence.js";

/** The trainee looking for a mentor. */
export interface TraineeInput {
  memberId: string;
  profile: ProfileData;
}

/** How fast a mentor has answered mentoring requests and check-ins so far. */
export interface Responsiveness {
  /** Median hours between a request / check-in reaching the mentor and their answer. */
  medianReplyHours: number;
  /** How many answers the median is taken over. */
  samples: number;
}

/**
 * One mentor the trainee could be suggested, as plain data assembled by the caller
 * (a service reading the store). Nothing here is looked up by the domain.
 */
export interface MentorCandidate {
  memberId: string;
  /** Display name, used for the final tie-break only. */
  name: string;
  profile: ProfileData;
  /** Places in total: `profile.capacity ?? the program's default`. */
  capacity: number;
  /** Mentees the mentor has now (active matches). */
  activeMentees: number;
  /** Paused today (the caller computes it with `isAvailable(pause, now)` from profile.ts). */
  paused: boolean;
  /** Null when the mentor has no reply history. */
  responsiveness: Responsiveness | null;
  /** Mentor roles (MENTOR_ROLES keys) this mentor already holds for this trainee. */
  rolesWithTrainee: readonly string[];
  /** When this mentor declined a request from this trainee (any age; the window is an option). */
  declinedTraineeAt: readonly Date[];
  /** Either side's confidential exclusion forbids this pair. Never shown to the trainee. */
  confidentialExclusion: boolean;
}

/** Responsiveness from measured reply times (hours each answer took); null when none. */
export function responsivenessFrom(replyHours: readonly number[]): Responsiveness | null {
  const hours = replyHours.filter((h) => Number.isFinite(h) && h >= 0).sort((a, b) => a - b);
  if (hours.length === 0) return null;
  const mid = Math.floor(hours.length / 2);
  const median = hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
  return { medianReplyHours: median, samples: hours.length };
}

/** One factor's part in a score. */
export interface FactorScore {
  factor: Factor;
  weight: number;
  /** How well this mentor meets the factor, in [0, 1]. */
  match: number;
  /** weight × match scaled so that all points sum to the score (0–100). */
  points: number;
}

/** A reason a mentor was suggested: one per factor that scored at least `reasonMinMatch`. */
export interface Reason {
  factor: Factor;
  text: string;
}

export interface Evaluation {
  /** Fit in [0, 100]. */
  score: number;
  /** Every active factor, in FACTORS order. */
  breakdown: FactorScore[];
  /** Plain-words reasons; keywords first, then by points. */
  reasons: Reason[];
  keywordMatch: KeywordMatch | null;
}

const ROLE_NOUN: Record<string, string> = {
  mentor: "mentoring",
  coach: "coaching",
  sponsor: "sponsorship",
  connector: "introductions",
};

const DEFAULT_ROLES_OFFERED: readonly string[] = ["mentor"];

const CADENCE_PHRASE: Record<string, string> = {
  WEEKLY: "weekly",
  BIWEEKLY: "every 2 weeks",
  MONTHLY: "monthly",
  BIMONTHLY: "every 2 months",
  QUARTERLY: "every 3 months",
};

const FORMAT_PHRASE: Record<string, string> = { in_person: "in person", video: "by video", chat: "by chat" };

/** A label in running text: lower case, but acronyms (AML) kept. */
export function plainLabel(label: string): string {
  return label
    .split(" ")
    .map((w) => (w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w) ? w : w.toLowerCase()))
    .join(" ");
}

const listText = (items: readonly string[], max = 4) =>
  items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} +${items.length - max} more`;

const orText = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

/** Everything about the trainee the scorer needs, computed once per ranking. */
export interface TraineeContext {
  trainee: TraineeInput;
  config: RankingConfig;
  vocabulary: Vocabulary;
  terms: readonly QueryTerm[];
  /** Matches the search terms against mentors' profiles (remembers label matches). */
  matcher: KeywordMatcher;
  active: Readonly<Record<Factor, boolean>>;
  /** The active factors, in FACTORS order. */
  activeFactors: readonly Factor[];
  /** Σ weight over active factors. */
  denominator: number;
  /** 100 / denominator (0 when nothing can score). */
  scale: number;
  /** Trainee interest key → [position, boost]. */
  interests: Map<string, { index: number; boost: number }>;
  priorities: { key: string; weight: number }[];
  careerPaths: Set<string>;
  formats: Set<string>;
  /** Roles this search is for (the requested role, the trainee's wanted roles, or "mentor"). */
  soughtRoles: readonly string[];
  rank: number | null;
  cadenceDays: number | null;
  stageRank: Map<string, number>;
  /** What only the hot path (fitScore) reads. */
  hot: HotContext;
  labels: {
    interests: Map<string, string>;
    specialties: Map<string, string>;
    subspecialties: Map<string, string>;
    careerPaths: Map<string, string>;
    stages: Map<string, string>;
    priorities: Map<string, string>;
    cadences: Map<string, string>;
    cadenceDays: Map<string, number>;
  };
}

export interface ContextOptions {
  config?: RankingConfig;
  vocabulary?: Vocabulary;
  /** Parsed search words (keywords.ts parseQuery). */
  terms?: readonly QueryTerm[];
  /** The mentor role this search is for; defaults to the trainee's rolesWanted, else "mentor". */
  role?: string | null;
}

const labelMap = (terms: readonly Term[]) => new Map(terms.map((t) => [t.key, plainLabel(t.label)]));

/** A vocabulary's labels and lookups as the scorer reads them; built once per vocabulary object (they are only read). */
interface VocabularyTables {
  stageRank: Map<string, number>;
  labels: TraineeContext["labels"];
}
const vocabularyTables = new WeakMap<Vocabulary, VocabularyTables>();
function tablesOf(vocabulary: Vocabulary): VocabularyTables {
  let tables = vocabularyTables.get(vocabulary);
  if (!tables) {
    tables = {
      stageRank: new Map(vocabulary.careerStages.map((s) => [s.key, s.rank])),
      labels: {
        interests: labelMap(vocabulary.interests),
        specialties: labelMap(vocabulary.specialties),
        subspecialties: labelMap(vocabulary.subspecialties),
        careerPaths: labelMap(vocabulary.careerPaths),
        stages: labelMap(vocabulary.careerStages),
        priorities: labelMap(vocabulary.priorities),
        cadences: labelMap(vocabulary.cadences),
        cadenceDays: new Map(vocabulary.cadences.map((c) => [c.key, c.days])),
      },
    };
    vocabularyTables.set(vocabulary, tables);
  }
  return tables;
}

/** Precomputes the trainee's side of every factor. */
export function traineeContext(trainee: TraineeInput, options: ContextOptions = {}): TraineeContext {
  const config = options.config ?? DEFAULT_RANKING_CONFIG;
  const vocabulary = options.vocabulary ?? BASE_VOCABULARY;
  const terms = options.terms ?? [];
  const p = trainee.profile;
  const { stageRank, labels } = tablesOf(vocabulary);
  const cadenceDays = labels.cadenceDays;

  const boosted = new Set(p.priorities.flatMap((k) => priorityEntry(k)?.tags ?? []));
  const interests = new Map<string, { index: number; boost: number }>();
  p.interests.forEach((k, index) => {
    if (!interests.has(k)) interests.set(k, { index, boost: boosted.has(k) ? config.tuning.priorityTagBoost : 1 });
  });

  // The first-listed priority matters most: weights n, n-1, …, 1, normalised to sum 1.
  const n = p.priorities.length;
  const total = (n * (n + 1)) / 2;
  const priorities = p.priorities.map((key, i) => ({ key, weight: (n - i) / total }));

  const soughtRoles = options.role ? [options.role] : p.rolesWanted.length ? p.rolesWanted : ["mentor"];
  const rank = p.careerStage ? (stageRank.get(p.careerStage) ?? null) : null;
  const active: Record<Factor, boolean> = {
    keywords: terms.length > 0,
    interests: true,
    priorities: n > 0,
    specialty: Boolean(p.specialty || p.subspecialty),
    careerPath: p.careerPaths.length > 0,
    roles: Boolean(options.role) || p.rolesWanted.length > 0,
    seniority: rank !== null,
    handsOn: p.wantsHandsOn !== null,
    meeting: p.meetingFormats.length > 0 || p.meetingCadence !== null,
    capacity: true,
    responsiveness: true,
  };
  const denominator = FACTORS.reduce((sum, f) => sum + (active[f] ? config.weights[f] : 0), 0);
  const activeFactors = FACTORS.filter((f) => active[f]);

  return {
    trainee,
    config,
    vocabulary,
    terms,
    matcher: new KeywordMatcher(terms, vocabulary),
    active,
    activeFactors,
    hot: hotContext(priorities, p.meetingCadence ? (cadenceDays.get(p.meetingCadence) ?? null) : null, cadenceDays),
    denominator,
    scale: denominator > 0 ? 100 / denominator : 0,
    interests,
    priorities,
    careerPaths: new Set(p.careerPaths),
    formats: new Set(p.meetingFormats),
    soughtRoles,
    rank,
    cadenceDays: p.meetingCadence ? (cadenceDays.get(p.meetingCadence) ?? null) : null,
    stageRank,
    labels,
  };
}

/** Sought roles this mentor does not already hold for the trainee. Empty → nothing left to ask. */
export function openRoles(ctx: TraineeContext, c: MentorCandidate): string[] {
  return ctx.soughtRoles.filter((r) => !c.rolesWithTrainee.includes(r));
}

/** Whether the trainee still seeks a role this mentor does not already hold for them. */
export function hasOpenRole(ctx: TraineeContext, c: MentorCandidate): boolean {
  for (const r of ctx.soughtRoles) if (c.rolesWithTrainee.indexOf(r) === -1) return true;
  return false;
}

/** Places still open (never below 0). */
export function placesOpen(c: MentorCandidate): number {
  return Math.max(0, c.capacity - c.activeMentees);
}

/** Filled by a factor when reasons are wanted (null on the hot path: no text is built). */
interface Explain {
  text: string | null;
  keywordMatch?: KeywordMatch;
}

const tagLabel = (ctx: TraineeContext, key: string) => ctx.labels.interests.get(key) ?? key.replace(/_/g, " ");
const has = (list: readonly string[], key: string) => list.indexOf(key) !== -1;

function interestsFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  if (ctx.interests.size === 0) return 0;
  const { interestOnlyFactor, sharedInterestsForFull } = ctx.config.tuning;
  const m = c.profile;
  let sum = 0;
  const shared: { key: string; index: number; value: number }[] | null = ex ? [] : null;
  for (let i = 0; i < m.expertise.length; i++) {
    const k = m.expertise[i]!;
    const mine = ctx.interests.get(k);
    if (!mine || m.expertise.indexOf(k) !== i) continue;
    sum += mine.boost;
    shared?.push({ key: k, index: mine.index, value: mine.boost });
  }
  for (let i = 0; i < m.interests.length; i++) {
    const k = m.interests[i]!;
    const mine = ctx.interests.get(k);
    if (!mine || m.interests.indexOf(k) !== i || has(m.expertise, k)) continue;
    sum += interestOnlyFactor * mine.boost;
    shared?.push({ key: k, index: mine.index, value: interestOnlyFactor * mine.boost });
  }
  const match = Math.min(1, sum / sharedInterestsForFull);
  if (ex && shared && shared.length) {
    shared.sort((a, b) => b.value - a.value || a.index - b.index);
    ex.text = `shares: ${listText(shared.map((s) => tagLabel(ctx, s.key)))}`;
  }
  return match;
}

function prioritiesFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  const m = c.profile;
  let match = 0;
  const served: string[] | null = ex ? [] : null;
  for (const { key, weight } of ctx.priorities) {
    const entry = priorityEntry(key);
    if (!entry) continue;
    let best: Evidence | undefined;
    for (const e of entry.evidence) {
      if (e.holds(m)) {
        best = e;
        break;
      }
    }
    if (!best) continue;
    match += weight * best.support;
    served?.push(`${ctx.labels.priorities.get(key) ?? key}: ${best.text}`);
  }
  if (ex && served && served.length) ex.text = `for your priorities — ${served.join("; ")}`;
  return Math.min(1, match);
}

function specialtyFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  const t = ctx.trainee.profile;
  const m = c.profile;
  if (t.subspecialty && t.subspecialty !== "other" && m.subspecialty === t.subspecialty) {
    if (ex) ex.text = `same subspecialty: ${ctx.labels.subspecialties.get(m.subspecialty) ?? m.subspecialty}`;
    return 1;
  }
  if (t.specialty && t.specialty !== "other" && m.specialty === t.specialty) {
    if (ex) ex.text = `same specialty: ${ctx.labels.specialties.get(m.specialty) ?? m.specialty}`;
    return 0.5;
  }
  return 0;
}

function careerPathFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  let shared = 0;
  for (const k of c.profile.careerPaths) if (ctx.careerPaths.has(k)) shared += 1;
  if (shared === 0) return 0;
  if (ex) {
    const labels = c.profile.careerPaths.filter((k) => ctx.careerPaths.has(k)).map((k) => ctx.labels.careerPaths.get(k) ?? k);
    ex.text = `career path: ${listText(labels)}`;
  }
  return Math.min(1, 0.6 + (0.4 * shared) / ctx.careerPaths.size);
}

function rolesFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  const offered = c.profile.rolesOffered.length ? c.profile.rolesOffered : DEFAULT_ROLES_OFFERED;
  let open = 0;
  let hits = 0;
  for (const r of ctx.soughtRoles) {
    if (has(c.rolesWithTrainee, r)) continue;
    open += 1;
    if (has(offered, r)) hits += 1;
  }
  if (hits === 0) return 0;
  if (ex) {
    const nouns = openRoles(ctx, c)
      .filter((r) => has(offered, r))
      .map((r) => ROLE_NOUN[r] ?? r);
    ex.text = nouns.length === 1 ? `offers ${nouns[0]}` : `offers ${nouns.slice(0, -1).join(", ")} and ${nouns[nouns.length - 1]}`;
  }
  return hits / open;
}

function seniorityFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  const stage = c.profile.careerStage;
  const mentorRank = stage ? ctx.stageRank.get(stage) : undefined;
  if (ctx.rank === null || mentorRank === undefined || mentorRank <= ctx.rank) return 0;
  if (ex) ex.text = `further along: ${ctx.labels.stages.get(stage!) ?? stage}`;
  return mentorRank - ctx.rank >= 2 ? 1 : 0.6;
}

function handsOnFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  const wants = ctx.trainee.profile.wantsHandsOn;
  if (wants === null || c.profile.handsOn !== wants) return 0;
  if (ex) ex.text = wants ? "hands-on supervision" : "gives room to work independently";
  return 1;
}

function meetingFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  const m = c.profile;
  let parts = 0;
  let sum = 0;
  let formatMatch = false;
  let cadenceMatch = false;
  if (ctx.formats.size > 0) {
    parts += 1;
    for (const f of m.meetingFormats) if (ctx.formats.has(f)) formatMatch = true;
    if (formatMatch) sum += 1;
  }
  if (ctx.cadenceDays !== null) {
    parts += 1;
    const days = m.cadenceOffered ? ctx.labels.cadenceDays.get(m.cadenceOffered) : undefined;
    if (days) {
      const closeness = Math.max(0, 1 - Math.abs(Math.log2(days / ctx.cadenceDays)) / 2);
      if (closeness > 0) {
        sum += closeness;
        cadenceMatch = true;
      }
    }
  }
  if (parts === 0 || sum === 0) return 0;
  if (ex) {
    const cadence = cadenceMatch ? (CADENCE_PHRASE[m.cadenceOffered!] ?? ctx.labels.cadences.get(m.cadenceOffered!) ?? "") : "";
    const how = formatMatch ? orText(m.meetingFormats.filter((f) => ctx.formats.has(f)).map((f) => FORMAT_PHRASE[f] ?? f)) : "";
    ex.text = ["meets", cadence, how].filter(Boolean).join(" ");
  }
  return sum / parts;
}

function capacityFactor(c: MentorCandidate, ex: Explain | null): number {
  const open = placesOpen(c);
  if (c.capacity <= 0 || open === 0) return 0;
  if (ex) ex.text = `${open} of ${c.capacity} place${c.capacity === 1 ? "" : "s"} open`;
  return Math.min(1, open / c.capacity);
}

function responsivenessFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  const r = c.responsiveness;
  const { minResponsivenessSamples, unknownResponsiveness } = ctx.config.tuning;
  let match: number;
  let text: string;
  if (!r || r.samples < minResponsivenessSamples || !Number.isFinite(r.medianReplyHours)) {
    match = unknownResponsiveness;
    text = "new here: no reply history yet";
  } else if (r.medianReplyHours <= 24) {
    match = 1;
    text = "usually replies within a day";
  } else if (r.medianReplyHours <= 72) {
    match = 0.7;
    text = "usually replies within 3 days";
  } else if (r.medianReplyHours <= 168) {
    match = 0.4;
    text = "usually replies within a week";
  } else {
    match = 0.1;
    text = "usually slow to reply";
  }
  if (ex) ex.text = text;
  return match;
}

function keywordsFactor(ctx: TraineeContext, c: MentorCandidate, ex: Explain | null): number {
  if (!ex) return ctx.matcher.count(c.profile) / ctx.terms.length;
  const km = ctx.matcher.match(c.profile);
  ex.keywordMatch = km;
  if (km.hits.length) ex.text = `matches: ${km.hits.map((h) => (h.via ? `${h.term} (${h.via})` : h.term)).join(", ")}`;
  return km.share;
}

type FactorFn = (ctx: TraineeContext, c: MentorCandidate, ex: Explain | null) => number;

const FACTOR_FNS: Record<Factor, FactorFn> = {
  keywords: keywordsFactor,
  interests: interestsFactor,
  priorities: prioritiesFactor,
  specialty: specialtyFactor,
  careerPath: careerPathFactor,
  roles: rolesFactor,
  seniority: seniorityFactor,
  handsOn: handsOnFactor,
  meeting: meetingFactor,
  capacity: (_, c, ex) => capacityFactor(c, ex),
  responsiveness: responsivenessFactor,
};

/** The trainee's side of the hot path (fitScore) that the reasons path does not need: built once per ranking. */
export interface HotContext {
  /** Per ctx.priorities entry PRIORITY_MAP knows, in order: its weight and evidence. */
  priorities: readonly { weight: number; evidence: readonly Evidence[] }[];
  /** Mentor's cadence key → the cadence part of the meeting factor (only cadences with days). */
  cadenceCloseness: Map<string, number>;
}

function hotContext(priorities: readonly { key: string; weight: number }[], traineeDays: number | null, cadenceDays: ReadonlyMap<string, number>): HotContext {
  const cadenceCloseness = new Map<string, number>();
  if (traineeDays !== null) {
    for (const [key, days] of cadenceDays) if (days) cadenceCloseness.set(key, Math.max(0, 1 - Math.abs(Math.log2(days / traineeDays)) / 2));
  }
  return {
    priorities: priorities.flatMap(({ key, weight }) => {
      const entry = priorityEntry(key);
      return entry ? [{ weight, evidence: entry.evidence }] : [];
    }),
    cadenceCloseness,
  };
}

/** prioritiesFactor without reasons, the priorities looked up once per ranking: the same sums in the same order. */
function hotPriorities(hot: HotContext, m: ProfileData): number {
  let match = 0;
  const list = hot.priorities;
  for (let i = 0; i < list.length; i++) {
    const { weight, evidence } = list[i]!;
    for (let e = 0; e < evidence.length; e++) {
      const ev = evidence[e]!;
      if (ev.holds(m)) {
        match += weight * ev.support;
        break;
      }
    }
  }
  return Math.min(1, match);
}

/** meetingFactor without reasons, with the cadence part looked up rather than worked out. */
function hotMeeting(ctx: TraineeContext, hot: HotContext, c: MentorCandidate): number {
  const m = c.profile;
  let parts = 0;
  let sum = 0;
  if (ctx.formats.size > 0) {
    parts += 1;
    let formatMatch = false;
    for (const f of m.meetingFormats) if (ctx.formats.has(f)) formatMatch = true;
    if (formatMatch) sum += 1;
  }
  if (ctx.cadenceDays !== null) {
    parts += 1;
    const closeness = m.cadenceOffered ? hot.cadenceCloseness.get(m.cadenceOffered) : undefined;
    if (closeness !== undefined && closeness > 0) sum += closeness;
  }
  if (parts === 0 || sum === 0) return 0;
  return sum / parts;
}

/**
 * The fit score alone (the hot path of a ranking): no text, no breakdown, no allocation. Always
 * equal to `evaluate(ctx, c).score`, to the bit: the same factors, the same arithmetic in the same
 * order, each factor called directly (no table of closures) with what is the same for every mentor
 * (priority evidence, cadence closeness) looked up once per ranking. `keywordHits`, when the
 * caller has already counted them (ctx.matcher.count), saves counting twice.
 */
export function fitScore(ctx: TraineeContext, c: MentorCandidate, keywordHits?: number): number {
  return fitScoreOf(ctx, c, ctx.terms.length && keywordHits === undefined ? featuresOf(c.profile) : null, keywordHits);
}

/** fitScore for a candidate whose keyword features (featuresOf(c.profile)) the caller already has, or null without keywords. */
export function fitScoreOf(ctx: TraineeContext, c: MentorCandidate, f: MentorFeatures | null, keywordHits?: number): number {
  const hot = ctx.hot;
  const active = ctx.active;
  const w = ctx.config.weights;
  const scale = ctx.scale;
  let score = 0;
  if (active.keywords) {
    const hits = keywordHits !== undefined ? keywordHits : (f ? ctx.matcher.countOf(f, c.profile) : ctx.matcher.count(c.profile));
    score += w.keywords * (hits / ctx.terms.length) * scale;
  }
  if (active.interests) score += w.interests * interestsFactor(ctx, c, null) * scale;
  if (active.priorities) score += w.priorities * hotPriorities(hot, c.profile) * scale;
  if (active.specialty) score += w.specialty * specialtyFactor(ctx, c, null) * scale;
  if (active.careerPath) score += w.careerPath * careerPathFactor(ctx, c, null) * scale;
  if (active.roles) score += w.roles * rolesFactor(ctx, c, null) * scale;
  if (active.seniority) score += w.seniority * seniorityFactor(ctx, c, null) * scale;
  if (active.handsOn) score += w.handsOn * handsOnFactor(ctx, c, null) * scale;
  if (active.meeting) score += w.meeting * hotMeeting(ctx, hot, c) * scale;
  if (active.capacity) score += w.capacity * capacityFactor(c, null) * scale;
  if (active.responsiveness) score += w.responsiveness * responsivenessFactor(ctx, c, null) * scale;
  return Math.min(100, score);
}

/** Scores one mentor for the trainee, with the breakdown and the reasons. */
export function evaluate(ctx: TraineeContext, c: MentorCandidate): Evaluation {
  const breakdown: FactorScore[] = [];
  const texts: (string | null)[] = [];
  const min = ctx.config.tuning.reasonMinMatch;
  const ex: Explain = { text: null };
  let score = 0;
  let keywordMatch: KeywordMatch | null = null;
  for (const factor of ctx.activeFactors) {
    ex.text = null;
    const weight = ctx.config.weights[factor];
    const match = FACTOR_FNS[factor](ctx, c, ex);
    const points = weight * match * ctx.scale;
    score += points;
    breakdown.push({ factor, weight, match, points });
    texts.push(points > 0 && match >= min ? ex.text : null);
    if (factor === "keywords") keywordMatch = ex.keywordMatch ?? null;
  }
  // Reasons: keywords first, then by points (stable: FACTORS order among equals).
  const order: number[] = [];
  for (let i = 0; i < texts.length; i++) if (texts[i]) order.push(i);
  order.sort((a, b) => {
    const fa = breakdown[a]!.factor;
    const fb = breakdown[b]!.factor;
    if (fa === "keywords" || fb === "keywords") return fa === "keywords" ? -1 : 1;
    return breakdown[b]!.points - breakdown[a]!.points || a - b;
  });
  const reasons: Reason[] = order.map((i) => ({ factor: breakdown[i]!.factor, text: texts[i]! }));
  return { score: Math.min(100, score), breakdown, reasons, keywordMatch };
}
