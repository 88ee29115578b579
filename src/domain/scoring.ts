import { KeywordMatcher, type KeywordMatch, type QueryTerm } from "./keywords.js";
import type { ProfileData } from "./profile.js";
import { BASE_VOCABULARY, type Term, type Vocabulary } from "./vocabulary.js";
import { DEFAULT_RANKING_CONFIG, FACTORS, type Factor, type RankingConfig } from "./weights.js";

/**
 * The fit score between one trainee and one mentor, and the plain-words reasons behind it.
 * Pure: every input is a parameter. See docs/ranking.md for the table of factors.
 */

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

/**
 * What each priority a trainee may hold asks of a mentor. `tags` are interest/expertise keys
 * that serve the priority: a shared tag among them counts `priorityTagBoost` times in the
 * interests factor. `evidence` lists what in the mentor's profile serves it, strongest first;
 * the best one present is the mentor's support for that priority.
 */
interface Evidence {
  support: number;
  text: string;
  holds: (m: ProfileData) => boolean;
}

const anyOf = (list: readonly string[], keys: readonly string[]) => {
  for (const k of keys) if (list.indexOf(k) !== -1) return true;
  return false;
};
const path = (...keys: string[]) => (m: ProfileData) => anyOf(m.careerPaths, keys);
const tag = (...keys: string[]) => (m: ProfileData) => anyOf(m.expertise, keys) || anyOf(m.interests, keys);
const expert = (...keys: string[]) => (m: ProfileData) => anyOf(m.expertise, keys);
const offers = (role: string) => (m: ProfileData) => m.rolesOffered.indexOf(role) !== -1;

export const PRIORITY_MAP: Readonly<Record<string, { tags: readonly string[]; evidence: readonly Evidence[] }>> = {
  research_advice: {
    tags: ["clinical_trials", "basic_science", "outcomes_research"],
    evidence: [
      { support: 1, text: "a research career", holds: path("academic_research", "phd_research") },
      { support: 0.7, text: "research expertise", holds: tag("clinical_trials", "basic_science", "outcomes_research") },
    ],
  },
  clinical_mentorship: {
    tags: ["quality_improvement"],
    evidence: [
      { support: 1, text: "a clinical career", holds: path("clinical_practice", "private_practice") },
      { support: 0.5, text: "hands-on supervision", holds: (m) => m.handsOn === true },
    ],
  },
  grants: {
    tags: ["grant_writing"],
    evidence: [
      { support: 1, text: "has helped mentees win grants", holds: (m) => m.helpedGrants === true },
      { support: 0.8, text: "grant-writing expertise", holds: expert("grant_writing") },
      { support: 0.5, text: "interested in grant writing", holds: tag("grant_writing") },
    ],
  },
  publications: {
    tags: ["scientific_writing", "publications"],
    evidence: [
      { support: 1, text: "co-publishes with mentees", holds: (m) => m.copublishes === true },
      { support: 0.7, text: "editorial roles", holds: (m) => Boolean(m.editorialRoles) },
    ],
  },
  career_transition: {
    tags: ["leadership"],
    evidence: [
      { support: 1, text: "has guided past fellows", holds: (m) => Boolean(m.pastFellows) },
      { support: 0.7, text: "offers coaching", holds: offers("coach") },
    ],
  },
  work_life_balance: {
    tags: ["work_life_balance", "wellness", "wellbeing"],
    evidence: [
      { support: 1, text: "offers coaching", holds: offers("coach") },
      { support: 1, text: "cares about work-life balance", holds: tag("work_life_balance", "wellness", "wellbeing") },
    ],
  },
  networking: {
    tags: ["leadership"],
    evidence: [
      { support: 1, text: "a connector", holds: offers("connector") },
      { support: 0.8, text: "a sponsor", holds: offers("sponsor") },
      { support: 0.5, text: "in leadership", holds: tag("leadership") },
    ],
  },
};

const priorityEntry = (key: string) => (Object.hasOwn(PRIORITY_MAP, key) ? PRIORITY_MAP[key] : undefined);

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
  /** The hot path's factors (fitScore): each active factor's function and weight, in FACTORS order. */
  hot: readonly { factor: Factor; weight: number; fn: HotFactorFn }[];
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
    hot: activeFactors.map((factor) => ({ factor, weight: config.weights[factor], fn: HOT_FNS[factor] })),
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
type HotFactorFn = (ctx: TraineeContext, c: MentorCandidate) => number;

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

/** Each factor as the hot path calls it (no reasons), looked up once per ranking (TraineeContext.hot), not per mentor. */
const HOT_FNS: Record<Factor, HotFactorFn> = {
  keywords: (ctx, c) => keywordsFactor(ctx, c, null),
  interests: (ctx, c) => interestsFactor(ctx, c, null),
  priorities: (ctx, c) => prioritiesFactor(ctx, c, null),
  specialty: (ctx, c) => specialtyFactor(ctx, c, null),
  careerPath: (ctx, c) => careerPathFactor(ctx, c, null),
  roles: (ctx, c) => rolesFactor(ctx, c, null),
  seniority: (ctx, c) => seniorityFactor(ctx, c, null),
  handsOn: (ctx, c) => handsOnFactor(ctx, c, null),
  meeting: (ctx, c) => meetingFactor(ctx, c, null),
  capacity: (_, c) => capacityFactor(c, null),
  responsiveness: (ctx, c) => responsivenessFactor(ctx, c, null),
};

/**
 * The fit score alone (the hot path of a ranking): no text, no breakdown, no allocation beyond
 * what the factors need. Always equal to `evaluate(ctx, c).score`. `keywordHits`, when the
 * caller has already counted them (ctx.matcher.count), saves counting twice.
 */
export function fitScore(ctx: TraineeContext, c: MentorCandidate, keywordHits?: number): number {
  let score = 0;
  const hot = ctx.hot;
  for (let i = 0; i < hot.length; i++) {
    const h = hot[i]!;
    const match = h.factor === "keywords" && keywordHits !== undefined ? keywordHits / ctx.terms.length : h.fn(ctx, c);
    score += h.weight * match * ctx.scale;
  }
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
