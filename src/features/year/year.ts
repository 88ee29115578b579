import { liveWorkspacesOnly } from "../../store/workspaces.js";
import { DateTime } from "luxon";
import type { Db } from "../../store/database.js";
import type { ServiceContext } from "../context.js";
import type { RunTime } from "../ports.js";
import { academicYearAt, academicYearStarting, type AcademicYear } from "../../domain/academicYear.js";
import {
  closableYear,
  continuationAskDue,
  continuationAsksDue,
  defaultGraduatingCohort,
  planYearClose,
  type ContinuationAnswer,
  type EndReason,
  type YearPlan,
} from "../../domain/yearClose.js";
import { AlumnusInviteClosed, ProgramNotFound, YearAnswerNotAllowed, YearCloseNotOpen } from "../../domain/errors.js";
import { findProgram } from "../../store/programs.js";
import { enqueue, queueHomeRefreshes } from "../../store/outbox.js";
import { runKeysDone, runOnce } from "../../store/jobRuns.js";
import { isUniqueViolation } from "../../store/errors.js";
import { checkinDirectors } from "../../store/checkins.js";
import * as store from "../../store/year.js";
import { findProfile } from "../../store/profiles.js";
import { EMPTY_PROFILE, fieldsFor, validateProfileFields, type ProfileData, type ProfileField, type ProfileIssue } from "../../domain/profile.js";
import { parseVocabularyExtension, vocabularyWith } from "../../domain/vocabulary.js";
import { alumnusMentorProfile } from "../../domain/yearClose.js";
import { audit, type Actor } from "../programs/audit.js";

export type { YearCloseRecord, YearCloseSummary, Party, YearMatch } from "../../store/year.js";

export interface Payload {
  text: string;
  blocks: unknown[];
}

export type Side = "trainee" | "mentor";

/** The words of what this feature sends (views/messages.ts writes them). */
export interface YearMessages {
  /** "Continue next year?" to one side of a match. */
  ask(a: { matchId: string; startYear: number; yearLabel: string; lastDay: string; programName: string; side: Side; other: store.Party; role: string }): Payload;
  /** A director's "time to close the year" DM. */
  directorPrompt(p: { programId: string; programName: string; yearLabel: string; lastDay: string }): Payload;
  /** Thanks to each side of a match that ends with the year. */
  thanks(t: { programName: string; yearLabel: string; side: Side; other: store.Party; role: string; reason: EndReason }): Payload;
  /** An alumnus's invitation to mentor. */
  invite(i: { inviteId: string; programName: string; yearLabel: string }): Payload;
}

export interface YearProgram {
  id: string;
  name: string;
  timezone: string;
  academicYearStart: string;
}

export type YearPreview =
  | { kind: "not_yet"; program: YearProgram; year: AcademicYear; opensAt: Date; lastClose: store.YearCloseRecord | null }
  | { kind: "closed"; program: YearProgram; year: AcademicYear; close: store.YearCloseRecord }
  | {
      kind: "preview";
      program: YearProgram;
      year: AcademicYear;
      late: boolean;
      cohorts: { id: string; name: string; trainees: number }[];
      defaultCohortId: string | null;
      plan: YearPlan;
      /** Names of everyone the plan names. */
      people: Map<string, store.Party>;
      matches: Map<string, store.YearMatch>;
    };

/** What the director chose to graduate: a cohort id, "none", or undefined for the default. */
export type CohortChoice = string | undefined;
export const NO_COHORT = "none";

async function programOf(db: Db, workspaceId: string, programId: string): Promise<YearProgram> {
  const p = await findProgram(db, workspaceId, programId);
  if (!p) throw new ProgramNotFound(programId);
  return { id: p.id, name: p.name, timezone: p.timezone, academicYearStart: p.academicYearStart };
}

/**
 * What closing the year would do now, changing nothing: the year it is for, the cohort that
 * graduates (the director's choice, else the default), whose training year advances, which
 * matches continue or end (with the answers so far), who becomes an alumnus. Or why there is
 * nothing to close: not open yet, or already closed.
 */
export async function previewYearClose(ctx: ServiceContext, programId: string, choice?: CohortChoice): Promise<YearPreview> {
  const { db, workspaceId, now } = ctx;
  const program = await programOf(db, workspaceId, programId);
  const closable = closableYear(now, program.academicYearStart, program.timezone);
  if (closable.kind === "not_yet") {
    const last = await store.findYearClose(db, workspaceId, programId, closable.year.startYear - 1);
    return { kind: "not_yet", program, year: closable.year, opensAt: closable.opensAt, lastClose: last };
  }
  const { year, late } = closable;
  const close = await store.findYearClose(db, workspaceId, programId, year.startYear);
  if (close) return { kind: "closed", program, year, close };
  const facts = await store.yearFacts(db, workspaceId, programId, year.startYear);
  const defaultCohortId = defaultGraduatingCohort(facts.cohorts, year);
  const chosen = choice === NO_COHORT ? null : choice && facts.cohorts.some((c) => c.id === choice) ? choice : defaultCohortId;
  const plan = planYearClose({
    cohorts: facts.cohorts,
    graduatingCohortId: chosen,
    traineesWithoutCohort: facts.traineesWithoutCohort,
    matches: facts.matches.map((m) => ({ id: m.id, traineeId: m.trainee.memberId, mentorId: m.mentor.memberId })),
    answers: facts.answers,
  });
  const people = new Map<string, store.Party>();
  for (const p of [...facts.cohorts.flatMap((c) => c.trainees), ...facts.traineesWithoutCohort, ...facts.matches.flatMap((m) => [m.trainee, m.mentor])]) people.set(p.memberId, p);
  return {
    kind: "preview",
    program,
    year,
    late,
    cohorts: facts.cohorts.map((c) => ({ id: c.id, name: c.name, trainees: c.trainees.length })),
    defaultCohortId,
    plan,
    people,
    matches: new Map(facts.matches.map((m) => [m.id, m])),
  };
}

export type CloseOutcome =
  | { kind: "closed"; program: YearProgram; year: AcademicYear; close: store.YearCloseRecord; invited: number }
  | { kind: "already"; program: YearProgram; year: AcademicYear; close: store.YearCloseRecord };

const END_NOTES: Record<EndReason, string> = {
  graduating: "the trainee graduated",
  trainee_declined: "the trainee chose not to continue",
  mentor_declined: "the mentor chose not to continue",
  both_declined: "both chose not to continue",
};

/**
 * Closes the academic year `startYear` of a program, as previewed with `choice`, in one
 * transaction: the graduating cohort's trainees become alumni (their matches end, they are invited
 * to mentor), the other trainees' training year goes up by one, matches either side declined end
 * (both sides thanked by DM), the others continue; audited as year.close. Keyed by program and
 * year: a second close (or a racing one) changes nothing and answers "already".
 */
export async function closeYear(ctx: ServiceContext & { messages: YearMessages; sendFrom?: Date }, by: Actor, programId: string, startYear: number, choice?: CohortChoice): Promise<CloseOutcome> {
  const { db, workspaceId, now, messages } = ctx;
  const sendFrom = ctx.sendFrom ?? now;
  const preview = await previewYearClose(ctx, programId, choice);
  const program = preview.program;
  const asked = academicYearStarting(startYear, program.academicYearStart, program.timezone);
  if (preview.kind === "closed" && preview.year.startYear === startYear) return { kind: "already", program, year: preview.year, close: preview.close };
  if (preview.kind !== "preview" || preview.year.startYear !== startYear) {
    const existing = await store.findYearClose(db, workspaceId, programId, startYear);
    if (existing) return { kind: "already", program, year: asked, close: existing };
    throw new YearCloseNotOpen(asked.label, preview.kind === "not_yet" && preview.year.startYear === startYear ? DateTime.fromJSDate(preview.opensAt, { zone: program.timezone }).toISODate() : null);
  }
  const { plan, year, people, matches } = preview;
  const cohort = preview.cohorts.find((c) => c.id === plan.graduatingCohortId) ?? null;
  const ended = plan.matches.filter((m) => m.outcome === "end");
  const summary: store.YearCloseSummary = {
    graduated: plan.graduates,
    advanced: plan.advancing,
    continued: plan.matches.filter((m) => m.outcome === "continue").map((m) => m.matchId),
    ended: ended.map((m) => ({ matchId: m.matchId, reason: m.reason! })),
    invited: [],
  };
  const result = await db
    .$transaction(
    async (tx) => {
      const taken = await store.takeYearClose(tx, {
        workspaceId,
        programId,
        startYear,
        graduatedCohortId: cohort?.id ?? null,
        graduatedCohortName: cohort?.name ?? null,
        closedBy: by.actor,
        closedAt: now,
        summary,
      });
      if (!taken) return null;
      const touched = new Set<string>();
      for (const memberId of plan.graduates) await store.makeAlumnus(tx, workspaceId, programId, memberId);
      for (const a of plan.advancing) await store.advanceTrainingYear(tx, workspaceId, a.memberId, a.from, a.to);
      for (const d of ended) {
        const m = matches.get(d.matchId)!;
        if (!(await store.endMatchWithYear(tx, workspaceId, m.id, null, `Ended with the ${year.label} year: ${END_NOTES[d.reason!]}.`, now))) continue;
        for (const side of ["trainee", "mentor"] as const) {
          const to = m[side];
          const other = side === "trainee" ? m.mentor : m.trainee;
          await enqueue(tx, { workspaceId, key: `year-thanks:${m.id}:${startYear}:${side}`, channel: to.slackUserId, payload: { ...messages.thanks({ programName: program.name, yearLabel: year.label, side, other, role: m.role, reason: d.reason! }) }, notBefore: sendFrom });
          touched.add(to.slackUserId);
        }
      }
      const invited: string[] = [];
      for (const memberId of plan.graduates) {
        const inviteId = await store.createInvite(tx, { workspaceId, programId, memberId, startYear, now });
        const person = people.get(memberId);
        touched.add(person?.slackUserId ?? "");
        if (!inviteId || !person) continue;
        invited.push(memberId);
        await enqueue(tx, { workspaceId, key: `year-invite:${inviteId}`, channel: person.slackUserId, payload: { ...messages.invite({ inviteId, programName: program.name, yearLabel: year.label }) }, notBefore: sendFrom });
      }
      const final = { ...summary, invited };
      await tx.yearClose.updateMany({ where: { workspaceId, programId, startYear }, data: { summary: final as object } });
      touched.delete("");
      await queueHomeRefreshes(tx, workspaceId, touched, sendFrom);
      await audit(tx, by, "year.close", programId, {
        year: year.label,
        startYear,
        graduatedCohort: cohort?.name ?? null,
        graduated: plan.graduates.length,
        advanced: plan.advancing.length,
        continued: summary.continued.length,
        ended: ended.length,
        invited: invited.length,
      }, now);
      return invited.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
    )
    // Two closes racing: the second one's YearClose insert violates (program, year), its whole transaction rolls back.
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  const close = (await store.findYearClose(db, workspaceId, programId, startYear))!;
  if (result === null) return { kind: "already", program, year, close };
  return { kind: "closed", program, year, close, invited: result };
}

/** The words a person's answer is confirmed in, and what they may still change. */
export interface AnswerSaved {
  matchId: string;
  startYear: number;
  answer: ContinuationAnswer;
  side: Side;
  other: store.Party;
  programName: string;
  yearLabel: string;
  lastDay: string;
}

/**
 * One side of a match answers "continue next year?" for the year `startYear`: only the two people
 * in the match, while it is active and the year is not closed; a changed mind replaces the answer.
 */
export async function answerContinuation(ctx: ServiceContext, slackUserId: string, matchId: string, startYear: number, answer: ContinuationAnswer): Promise<AnswerSaved> {
  const { db, workspaceId, now } = ctx;
  const match = await store.matchForAnswer(db, workspaceId, matchId);
  if (!match) throw new YearAnswerNotAllowed("match_ended");
  const side: Side | null = match.trainee.slackUserId === slackUserId ? "trainee" : match.mentor.slackUserId === slackUserId ? "mentor" : null;
  if (!side) throw new YearAnswerNotAllowed("not_party");
  if (match.status !== "ACTIVE") throw new YearAnswerNotAllowed("match_ended");
  if (await store.findYearClose(db, workspaceId, match.programId, startYear)) throw new YearAnswerNotAllowed("year_closed");
  const me = side === "trainee" ? match.trainee : match.mentor;
  const other = side === "trainee" ? match.mentor : match.trainee;
  await db.$transaction(async (tx) => {
    const changed = await store.saveYearAnswer(tx, { workspaceId, programId: match.programId, matchId, memberId: me.id, startYear, answer, now });
    if (changed) await audit(tx, { workspaceId, actor: slackUserId }, "year.answer", matchId, { startYear, answer }, now);
  });
  const year = academicYearStarting(startYear, match.program.academicYearStart, match.program.timezone);
  return { matchId, startYear, answer, side, other: { memberId: other.id, slackUserId: other.slackUserId, name: other.name }, programName: match.program.name, yearLabel: year.label, lastDay: year.lastDay };
}

/**
 * The year-end job's work at `now`: in each program's last 6 weeks (year not closed), both people
 * of every active match are asked "continue next year?" and the program's directors are offered
 * the close — each person once per match (or program) and year (run keys), at 10:00 on a working
 * day in their own zone (domain/yearClose.ts continuationAskDue). Returns the messages queued.
 */
export async function yearEndRound(db: Db, time: RunTime, messages: YearMessages): Promise<number> {
  const { now, sendFrom } = time;
  let queued = 0;
  /** Queues one DM under its own run key (which is also the outbox key); true when it was queued now. */
  const once = async (workspaceId: string, key: string, channel: string, payload: Payload) => {
    const result = { sent: false };
    const ran = await runOnce(db, { key, job: "year-end", workspaceId }, now, async (tx) => {
      result.sent = await enqueue(tx, { workspaceId, key, channel, payload: { ...payload }, notBefore: sendFrom });
    });
    return ran && result.sent;
  };
  for (const p of await store.programsForYear(db, await liveWorkspacesOnly(db))) {
    const year = academicYearAt(now, p.academicYearStart, p.timezone);
    if (!continuationAsksDue(year, now)) continue;
    if (await store.findYearClose(db, p.workspaceId, p.id, year.startYear)) continue;
    const asks = (await store.activeYearMatches(db, p.workspaceId, p.id)).flatMap((m) =>
      (["trainee", "mentor"] as const).filter((side) => continuationAskDue(year, m[side].tz, now)).map((side) => ({ m, side, key: `year-ask:${m.id}:${year.startYear}:${side}` })),
    );
    // Before run keys were per person, one key asked both sides of a match (`year-ask:<match>:<year>`).
    const asked = await runKeysDoneIn(db, asks.flatMap((a) => [a.key, `year-ask:${a.m.id}:${year.startYear}`]));
    for (const { m, side, key } of asks) {
      if (asked.has(key) || asked.has(`year-ask:${m.id}:${year.startYear}`)) continue;
      const other = side === "trainee" ? m.mentor : m.trainee;
      const payload = messages.ask({ matchId: m.id, startYear: year.startYear, yearLabel: year.label, lastDay: year.lastDay, programName: p.name, side, other, role: m.role });
      if (await once(p.workspaceId, key, m[side].slackUserId, payload)) queued++;
    }
    const directors = (await checkinDirectors(db, p.workspaceId, p.id)).filter((d) => continuationAskDue(year, d.tz, now));
    const prompted = await runKeysDoneIn(db, [`year-prompt:${p.id}:${year.startYear}`, ...directors.map((d) => `year-prompt:${p.id}:${year.startYear}:${d.slackUserId}`)]);
    if (prompted.has(`year-prompt:${p.id}:${year.startYear}`)) continue;
    for (const d of directors) {
      const key = `year-prompt:${p.id}:${year.startYear}:${d.slackUserId}`;
      if (prompted.has(key)) continue;
      const payload = messages.directorPrompt({ programId: p.id, programName: p.name, yearLabel: year.label, lastDay: year.lastDay });
      if (await once(p.workspaceId, key, d.slackUserId, payload)) queued++;
    }
  }
  return queued;
}

/** runKeysDone over a list of any length, a few hundred keys per query (SQLite's bound-parameter limit). */
async function runKeysDoneIn(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const done = new Set<string>();
  for (let i = 0; i < keys.length; i += 400) for (const k of await runKeysDone(db, keys.slice(i, i + 400))) done.add(k);
  return done;
}

/** An alumnus's invitation, for its buttons: theirs, and still open. */
export async function openInvite(ctx: ServiceContext, slackUserId: string, inviteId: string): Promise<store.InviteRecord> {
  const invite = await store.findInvite(ctx.db, ctx.workspaceId, inviteId);
  if (!invite || invite.member.slackUserId !== slackUserId) throw new AlumnusInviteClosed("not_yours");
  if (invite.status !== "PENDING") throw new AlumnusInviteClosed(invite.status);
  return invite;
}

/** "Not now": the invitation is declined (audited); nothing else changes. */
export async function declineInvite(ctx: ServiceContext, slackUserId: string, inviteId: string): Promise<store.InviteRecord> {
  const invite = await openInvite(ctx, slackUserId, inviteId);
  await ctx.db.$transaction(async (tx) => {
    if (!(await store.answerInvite(tx, ctx.workspaceId, inviteId, "DECLINED", ctx.now))) throw new AlumnusInviteClosed("DECLINED");
    await audit(tx, { workspaceId: ctx.workspaceId, actor: slackUserId }, "year.alumnus.decline", invite.programId, { memberId: invite.member.memberId }, ctx.now);
  });
  return invite;
}

/**
 * "Become a mentor": the alumnus becomes a MENTOR of the program with the (validated) profile they
 * confirmed, in one transaction with the invitation's answer (audited); their Home refreshes.
 */
export async function acceptInvite(ctx: ServiceContext, slackUserId: string, inviteId: string, profile: ProfileData): Promise<store.InviteRecord> {
  const invite = await openInvite(ctx, slackUserId, inviteId);
  await ctx.db.$transaction(async (tx) => {
    if (!(await store.answerInvite(tx, ctx.workspaceId, inviteId, "ACCEPTED", ctx.now))) throw new AlumnusInviteClosed("ACCEPTED");
    await store.enrollMentorWithProfile(tx, ctx.workspaceId, invite.programId, invite.member.memberId, profile);
    await audit(tx, { workspaceId: ctx.workspaceId, actor: slackUserId }, "year.alumnus.accept", invite.programId, { memberId: invite.member.memberId }, ctx.now);
    await queueHomeRefreshes(tx, ctx.workspaceId, [slackUserId], ctx.now);
  });
  return invite;
}

/** What the "Become a mentor" modal shows: the program's words and the mentor profile pre-filled from their trainee profile. */
export async function inviteProfileForm(ctx: ServiceContext, slackUserId: string, inviteId: string) {
  const invite = await openInvite(ctx, slackUserId, inviteId);
  const program = await findProgram(ctx.db, ctx.workspaceId, invite.programId);
  const vocabulary = vocabularyWith(parseVocabularyExtension(program?.vocabulary ?? null));
  const current = (await findProfile(ctx.db, ctx.workspaceId, invite.member.memberId)) ?? EMPTY_PROFILE;
  return { invite, vocabulary, profile: alumnusMentorProfile(current) };
}

export type AcceptResult = { ok: true; invite: store.InviteRecord } | { ok: false; issues: ProfileIssue[] };

/** The "Become a mentor" modal submitted: the common and mentor fields validated (inline issues), then accepted. */
export async function acceptInviteForm(ctx: ServiceContext, slackUserId: string, inviteId: string, input: Partial<Record<ProfileField, unknown>>): Promise<AcceptResult> {
  const { vocabulary } = await inviteProfileForm(ctx, slackUserId, inviteId);
  const current = (await findProfile(ctx.db, ctx.workspaceId, (await openInvite(ctx, slackUserId, inviteId)).member.memberId)) ?? EMPTY_PROFILE;
  const checked = validateProfileFields(vocabulary, current, input, fieldsFor(["mentor"]));
  if (!checked.ok) return { ok: false, issues: checked.issues };
  return { ok: true, invite: await acceptInvite(ctx, slackUserId, inviteId, checked.profile) };
}
