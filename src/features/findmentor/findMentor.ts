import type { Db } from "../../store/database.js";
import { traineeTies, type PoolMentor, type TraineeTies } from "../../store/candidates.js";
import { cachedMentorPool, mentorsOf, warmMentorPools, workspacePool, type Loaded, type RankingSettings } from "./mentorPool.js";
import { searchInputs, type Asker } from "../../store/searchInputs.js";
import { enrollmentsOf, type MemberRecord } from "../../store/members.js";
import { traineePrograms, type TraineeProgram } from "../../store/traineePrograms.js";
import { mentorCapacity } from "../../domain/capacity.js";
import { EMPTY_PROFILE, isAvailable } from "../../domain/profile.js";
import { rank, type ExclusionCause, type RankingResult } from "../../domain/ranking.js";
import { coMentorCardReasons, pickSeniorCoMentors } from "../../domain/coMentor.js";
import { rankingConfigOf } from "../../domain/weights.js";
import { PRIORITY_MAP, responsivenessFrom, type MentorCandidate } from "../../domain/scoring.js";
import { labelOf, parseVocabularyExtension, vocabularyWith, type Vocabulary } from "../../domain/vocabulary.js";
import { ensureMember, type MemberStanding } from "../profiles/members.js";
import { isDirector, isProfileStale } from "../../domain/roles.js";
import type { WithDirectory } from "../context.js";

/** /findmentor as a use case: who is asking, and the mentors that fit them, one page at a time. */

export const FIND_MENTOR_PAGE_SIZE = 5;

/** One mentor as a card shows them: plain data, labels resolved, nothing formatted. */
export interface MentorCard {
  memberId: string;
  slackUserId: string;
  name: string;
  /** A program the mentor is in that the trainee is in too (for the request). */
  programId: string;
  stage: string | null;
  specialty: string | null;
  subspecialty: string | null;
  reasons: string[];
  juniorFaculty: boolean;
  handsOn: boolean | null;
  supervisorNote: string | null;
  activeMentees: number;
  capacity: number;
  helpedGrants: boolean | null;
  copublishes: boolean | null;
  pastFellows: string | null;
  cadence: string | null;
}

/** Why mentors were left out, in the words a trainee may see (the confidential count is never here). */
export type VisibleExclusions = Omit<Record<ExclusionCause, number>, "confidential" | "self">;

export type FindMentorResult =
  | { kind: "not_enrolled"; standing: MemberStanding }
  | { kind: "no_profile" }
  | { kind: "no_mentors" }
  | { kind: "no_fit"; query: string; terms: string[]; excluded: VisibleExclusions }
  | { kind: "mentors"; query: string; page: number; cards: MentorCard[]; hasMore: boolean; shownBefore: number };

export interface FindMentorInput {
  keywords: string;
  /** 0-based page of FIND_MENTOR_PAGE_SIZE cards. */
  page: number;
}

/**
 * What a pool mentor's candidate needs that is the same for every search (kept with the cached
 * pool), and the candidate itself for the trainees who have no ties to this mentor (most of them),
 * available or paused: shared, read-only, so a search does not build thousands of objects.
 */
interface FixedParts extends Pick<MentorCandidate, "profile" | "capacity" | "responsiveness"> {
  untied: [available: MentorCandidate | undefined, paused: MentorCandidate | undefined];
}
const fixedParts = new WeakMap<PoolMentor, FixedParts>();

function candidateOf(m: PoolMentor, now: Date, rolesWithTrainee: readonly string[], declinedTraineeAt: readonly Date[], excluded: boolean): MentorCandidate {
  let fixed = fixedParts.get(m);
  if (!fixed) {
    const profile = m.profile ?? EMPTY_PROFILE;
    fixed = { profile, capacity: mentorCapacity(profile.capacity, m.programDefaults), responsiveness: responsivenessFrom(m.replyHours), untied: [undefined, undefined] };
    fixedParts.set(m, fixed);
  }
  const paused = !isAvailable(m, now);
  const untied = rolesWithTrainee === NONE && declinedTraineeAt === NONE && !excluded;
  if (untied) {
    const known = fixed.untied[paused ? 1 : 0];
    if (known) return known;
  }
  const candidate: MentorCandidate = {
    memberId: m.memberId,
    name: m.name,
    profile: fixed.profile,
    capacity: fixed.capacity,
    responsiveness: fixed.responsiveness,
    activeMentees: m.activeMentees,
    paused,
    rolesWithTrainee,
    declinedTraineeAt,
    confidentialExclusion: excluded,
  };
  if (untied) fixed.untied[paused ? 1 : 0] = Object.freeze(candidate);
  return candidate;
}

const NONE: readonly never[] = Object.freeze([]);

const byIdCache = new WeakMap<readonly PoolMentor[], Map<string, PoolMentor>>();
function poolById(pool: readonly PoolMentor[]): Map<string, PoolMentor> {
  let map = byIdCache.get(pool);
  if (!map) byIdCache.set(pool, (map = new Map(pool.map((m) => [m.memberId, m]))));
  return map;
}

/**
 * The pool's candidates for a trainee with no ties to any of its mentors, kept per pool list until a
 * mentor's pause ends (the earliest `pausedUntil` still ahead) or the clock goes back; and each
 * mentor's position in it. A search then takes this list as it is, and replaces only the few
 * mentors the trainee has ties to, instead of looking up 5,000 mentors' ties one by one.
 */
interface UntiedCandidates {
  builtAt: number;
  validUntil: number;
  list: readonly MentorCandidate[];
  index: Map<string, number>;
}
const untiedCache = new WeakMap<readonly PoolMentor[], UntiedCandidates>();

function untiedCandidates(pool: readonly PoolMentor[], now: Date): UntiedCandidates {
  const t = now.getTime();
  let untied = untiedCache.get(pool);
  if (!untied || t < untied.builtAt || t >= untied.validUntil) {
    let validUntil = Number.POSITIVE_INFINITY;
    for (const m of pool) {
      const until = m.pausedAt && m.pausedUntil ? m.pausedUntil.getTime() : Number.NaN;
      if (until > t && until < validUntil) validUntil = until;
    }
    untied = {
      builtAt: t,
      validUntil,
      list: Object.freeze(pool.map((m) => candidateOf(m, now, NONE, NONE, false))),
      index: new Map(pool.map((m, i) => [m.memberId, i])),
    };
    untiedCache.set(pool, untied);
  }
  return untied;
}

/** The pool as one trainee's candidates (read-only: shared between searches when the trainee has no ties). */
function candidatesFor(pool: readonly PoolMentor[], ties: TraineeTies, now: Date): readonly MentorCandidate[] {
  const { list, index } = untiedCandidates(pool, now);
  if (ties.roles.size === 0 && ties.declinedAt.size === 0 && ties.excluded.size === 0) return list;
  const out = list.slice();
  for (const id of new Set([...ties.roles.keys(), ...ties.declinedAt.keys(), ...ties.excluded])) {
    const i = index.get(id);
    if (i === undefined) continue;
    out[i] = candidateOf(pool[i]!, now, ties.roles.get(id) ?? NONE, ties.declinedAt.get(id) ?? NONE, ties.excluded.has(id));
  }
  return out;
}

/**
 * A trainee's mentor candidates in these programs from the cached pool (the path /findmentor ranks
 * from), and the pool's mentors by member id (for their cards and Slack ids).
 */
export async function cachedCandidatesFor(
  db: Db,
  workspaceId: string,
  traineeId: string,
  programIds: readonly string[],
  now: Date,
): Promise<{ candidates: readonly MentorCandidate[]; mentors: Map<string, PoolMentor> }> {
  const [pool, ties] = await Promise.all([cachedMentorPool(db, workspaceId, programIds), traineeTies(db, workspaceId, traineeId)]);
  return { candidates: candidatesFor(pool, ties, now), mentors: poolById(pool) };
}

const label = (terms: Vocabulary[keyof Vocabulary], key: string | null) => (key ? labelOf(terms, key) : null);

function cardOf(row: PoolMentor, candidate: MentorCandidate, reasons: string[], juniorFaculty: boolean, v: Vocabulary): MentorCard {
  const p = candidate.profile;
  return {
    memberId: row.memberId,
    slackUserId: row.slackUserId,
    name: row.name,
    programId: row.programIds[0]!,
    stage: label(v.careerStages, p.careerStage),
    specialty: label(v.specialties, p.specialty),
    subspecialty: label(v.subspecialties, p.subspecialty),
    reasons,
    juniorFaculty,
    handsOn: p.handsOn,
    supervisorNote: p.supervisorNote,
    activeMentees: candidate.activeMentees,
    capacity: candidate.capacity,
    helpedGrants: p.helpedGrants,
    copublishes: p.copublishes,
    pastFellows: p.pastFellows,
    cadence: label(v.cadences, p.cadenceOffered),
  };
}

/**
 * What a search says: everything but "not enrolled"'s standing, or, asked by Slack user id, that
 * the member must be looked up first (no row yet, or its Slack details are due a refresh: see
 * ensureMember), after which the search is asked again by member id.
 */
export type SearchResult = Exclude<FindMentorResult, { kind: "not_enrolled" }> | { kind: "not_enrolled" } | { kind: "member_unknown" };

/**
 * The database-and-ranking part of /findmentor: mentor cards for the member asking (by member id,
 * or by Slack user id: then the member is looked up in the same statement as the rest), and senior
 * co-mentors to offer beside a junior-faculty mentor. Plain data in and out, so it runs on a worker
 * thread (src/workers/mentorSearchPool.ts) as well as here.
 */
export interface MentorSearch {
  mentors(workspaceId: string, asker: Asker, input: FindMentorInput, now: Date): Promise<SearchResult>;
  coMentors(workspaceId: string, traineeId: string, juniorMentorId: string, now: Date): Promise<MentorCard[]>;
}

export const searchHere = (db: Db): MentorSearch => ({
  mentors: (workspaceId, asker, input, now) => searchMentorsFor(db, workspaceId, asker, input, now),
  coMentors: (workspaceId, traineeId, juniorMentorId, now) => searchCoMentors(db, workspaceId, traineeId, juniorMentorId, now),
});

/** Ranks the mentors of the asker's trainee programs and returns page `input.page` of cards, or why there are none. */
export async function findMentors(
  { db, directory, workspaceId, now }: WithDirectory,
  slackUserId: string,
  input: FindMentorInput,
  search: MentorSearch = searchHere(db),
): Promise<FindMentorResult> {
  // The search looks the member up with everything else it reads about them (one statement). Only
  // when it does not know them, or their Slack details are due a refresh, are they looked up here
  // (this may ask Slack who they are), and the search asked again.
  let member: MemberRecord | undefined;
  let result = await search.mentors(workspaceId, { slackUserId }, input, now);
  if (result.kind === "member_unknown") {
    member = await ensureMember(db, directory, workspaceId, slackUserId, now);
    result = await search.mentors(workspaceId, { memberId: member.id }, input, now);
  }
  if (result.kind === "member_unknown") throw new Error("a search by member id found its member unknown");
  if (result.kind !== "not_enrolled") return result;
  // Not enrolled (rare): the member row for their standing (the search found it fresh: Slack is not asked).
  member ??= await ensureMember(db, directory, workspaceId, slackUserId, now);
  const enrollments = await enrollmentsOf(db, workspaceId, member.id);
  return { kind: "not_enrolled", standing: { member, enrollments, isDirector: isDirector(member, enrollments.map((e) => e.role)) } };
}

/** The vocabulary and ranking weights of these programs' settings (parsed from their JSON). */
function rankingSettings(programs: readonly TraineeProgram[]): RankingSettings {
  return {
    vocabulary: vocabularyWith(...programs.map((p) => parseVocabularyExtension(p.vocabulary))),
    config: rankingConfigOf(programs.map((p) => p.rankingWeights)),
  };
}

/** rankingSettings of programs in the cached pool, parsed once per pool load (the same objects each search, so what is derived from them is kept too). */
function settingsOf(pool: Loaded, programIds: readonly string[]): RankingSettings {
  const key = [...programIds].sort().join(",");
  let settings = pool.settings.get(key);
  if (!settings) {
    settings = rankingSettings(programIds.map((id) => pool.programs.get(id)!));
    pool.settings.set(key, settings);
  }
  return settings;
}

type Ranked =
  | { kind: "member_unknown" | "not_enrolled" | "no_profile" | "no_mentors" }
  | { kind: "ranked"; mentors: Map<string, PoolMentor>; vocabulary: Vocabulary; result: RankingResult };

/**
 * The trainee's programs, profile and mentor pool, ranked for them. Both reads at once (one round
 * trip): the trainee (one statement: who they are, their program ids, profile and ties), and the
 * workspace's pool from the cache. Asked by Slack user id, a member the statement does not find,
 * or finds due a refresh from Slack, is "member_unknown".
 */
async function rankFor(db: Db, workspaceId: string, asker: Asker, now: Date, keywords: string, limit?: number): Promise<Ranked> {
  const [{ member, programIds, profile, ties }, pool] = await Promise.all([searchInputs(db, workspaceId, asker), workspacePool(db, workspaceId, Date.now())]);
  if ("slackUserId" in asker && (!member || isProfileStale(member.refreshedAt, now))) return { kind: "member_unknown" };
  if (programIds.length === 0 || !member) return { kind: "not_enrolled" };
  const memberId = member.id;
  if (!profile) return { kind: "no_profile" };
  // A program created since the pool was loaded (within the last second) is read as it is now.
  const programs = programIds.every((id) => pool.programs.has(id)) ? programIds.map((id) => pool.programs.get(id)!) : await traineePrograms(db, workspaceId, memberId);
  const poolMentors = mentorsOf(pool, programIds);
  const candidates = candidatesFor(poolMentors, ties, now);
  const mentors = poolById(poolMentors);
  if (!candidates.some((c) => c.memberId !== memberId)) return { kind: "no_mentors" };
  const { vocabulary, config } = programIds.every((id) => pool.programs.has(id)) ? settingsOf(pool, programIds) : rankingSettings(programs);
  const result = rank({ memberId, profile }, candidates, { now, keywords, vocabulary, config, ...(limit ? { limit } : {}) });
  return { kind: "ranked", mentors, vocabulary, result };
}

/** searchMentorsFor the member with this id. */
export function searchMentors(db: Db, workspaceId: string, memberId: string, input: FindMentorInput, now: Date): Promise<SearchResult> {
  return searchMentorsFor(db, workspaceId, { memberId }, input, now);
}

export async function searchMentorsFor(db: Db, workspaceId: string, asker: Asker, input: FindMentorInput, now: Date): Promise<SearchResult> {
  const page = Math.max(0, Math.floor(input.page));
  const shownBefore = page * FIND_MENTOR_PAGE_SIZE;
  const ranked = await rankFor(db, workspaceId, asker, now, input.keywords, shownBefore + FIND_MENTOR_PAGE_SIZE + 1);
  if (ranked.kind !== "ranked") return { kind: ranked.kind };
  const { result, mentors, vocabulary } = ranked;
  if (result.suggestions.length === 0) {
    const { confidential: _hidden, self: _self, ...excluded } = result.excluded;
    return { kind: "no_fit", query: input.keywords, terms: result.terms.map((t) => t.text), excluded };
  }
  const pageOf = result.suggestions.slice(shownBefore, shownBefore + FIND_MENTOR_PAGE_SIZE);
  const cards = pageOf.map((s) => cardOf(mentors.get(s.memberId)!, s.candidate, s.reasons.map((r) => r.text), s.flags.juniorFaculty, vocabulary));
  return { kind: "mentors", query: input.keywords, page, cards, hasMore: result.suggestions.length > shownBefore + FIND_MENTOR_PAGE_SIZE, shownBefore };
}

/** Up to 3 senior mentors to work beside junior-faculty `juniorMentorId`, best first, with why; [] if none or not junior. */
export async function searchCoMentors(db: Db, workspaceId: string, traineeId: string, juniorMentorId: string, now: Date): Promise<MentorCard[]> {
  const ranked = await rankFor(db, workspaceId, { memberId: traineeId }, now, "");
  if (ranked.kind !== "ranked") return [];
  const junior = ranked.mentors.get(juniorMentorId);
  if (!junior) return [];
  const picks = pickSeniorCoMentors(ranked.result.suggestions.find((x) => x.memberId === juniorMentorId)?.candidate ?? candidateOf(junior, now, NONE, NONE, false), ranked.result.suggestions, { vocabulary: ranked.vocabulary });
  return picks.map((pick) =>
    cardOf(ranked.mentors.get(pick.suggestion.memberId)!, pick.suggestion.candidate, coMentorCardReasons(pick, pick.suggestion.reasons.map((r) => r.text)), false, ranked.vocabulary),
  );
}

const NO_TIES: TraineeTies = { roles: new Map(), declinedAt: new Map(), excluded: new Set() };

/**
 * Runs the search path once for no one: the trainee's queries for a member id no row has (reads
 * only), and a ranking of the whole pool, with and without words, for a trainee made up from the
 * first mentor's profile (so every factor is scored). The first real search after a start then
 * finds its queries prepared and the ranking compiled, instead of paying for both.
 */
async function rehearseSearch(db: Db, workspaceId: string, pool: Loaded, now: Date): Promise<void> {
  await Promise.all([searchInputs(db, workspaceId, { memberId: "" }), searchInputs(db, workspaceId, { slackUserId: "" })]);
  const model = pool.mentors.find((m) => m.profile)?.profile;
  if (!model) return;
  const profile = {
    ...EMPTY_PROFILE,
    careerStage: model.careerStage,
    specialty: model.specialty,
    subspecialty: model.subspecialty,
    careerPaths: model.careerPaths,
    interests: [...model.expertise, ...model.interests],
    priorities: Object.keys(PRIORITY_MAP).slice(0, 2),
    meetingCadence: model.cadenceOffered,
    meetingFormats: model.meetingFormats,
    wantsHandsOn: true,
  };
  const candidates = candidatesFor(pool.mentors, NO_TIES, now);
  for (const keywords of ["", "thrombosis grants"]) {
    for (const s of rank({ memberId: "", profile }, candidates, { now, keywords, limit: FIND_MENTOR_PAGE_SIZE + 1 }).suggestions) void s.reasons;
  }
}

/**
 * Loads every workspace's mentor pool (warmMentorPools) and rehearses a search on each, so the
 * first /findmentor after a start is answered as fast as the ones after it. Resolves with how
 * many workspaces were loaded.
 */
export function warmSearches(db: Db, now = new Date()): Promise<number> {
  return warmMentorPools(db, Date.now(), (workspaceId, pool) => rehearseSearch(db, workspaceId, pool, now));
}
