import { randomUUID } from "node:crypto";
import type { Db, Tx } from "./database.js";
import type { LiveWorkspaces } from "./workspaces.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { Answers, InvitationState, Invite, StoredSettings, SurveyEnrollee, SurveyKind, SurveyMatch } from "../domain/surveys.js";
import type { InvitationCount, ResponseRow } from "../domain/surveyResults.js";
import { isAvailable } from "../domain/profile.js";

/**
 * Evaluation surveys in the database. Invitations know who was asked and whether they answered;
 * responses know nothing of who answered: a random id (no time in it), no member, no match, no
 * timestamp. Every query is scoped by workspace.
 */

export interface SurveyProgram {
  id: string;
  name: string;
  timezone: string;
  academicYearStart: string;
  stored: unknown;
}

export async function surveyPrograms(db: Db, workspaceId: string, programId?: string | null): Promise<SurveyProgram[]> {
  const programs = await db.program.findMany({
    where: { workspaceId, ...(programId ? { id: programId } : {}) },
    select: { id: true, name: true, timezone: true, academicYearStart: true },
    orderBy: { name: "asc" },
  });
  const settings = await db.surveySettings.findMany({ where: { workspaceId, programId: { in: programs.map((p) => p.id) } }, select: { programId: true, settings: true } });
  const byProgram = new Map(settings.map((s) => [s.programId, s.settings as unknown]));
  return programs.map((p) => ({ ...p, stored: byProgram.get(p.id) ?? null }));
}

/** Workspaces with at least one program (the survey job's outer loop). */
export async function workspacesWithPrograms(db: Db, live: LiveWorkspaces = {}): Promise<string[]> {
  const rows = await db.program.findMany({ where: live, distinct: ["workspaceId"], select: { workspaceId: true } });
  return rows.map((r) => r.workspaceId);
}

export async function saveSurveySettings(tx: Db | Tx, workspaceId: string, programId: string, stored: StoredSettings): Promise<void> {
  const settings = stored as Prisma.InputJsonValue;
  await tx.surveySettings.upsert({ where: { programId }, create: { workspaceId, programId, settings }, update: { settings } });
}

export interface Recipient {
  memberId: string;
  slackUserId: string;
  name: string;
  tz: string;
  dmChannel: string;
}

export interface PlanData {
  matches: SurveyMatch[];
  enrollees: SurveyEnrollee[];
  people: Map<string, Recipient>;
  invitations: Map<string, InvitationState & { id: string; memberId: string }>;
}

const PERSON = { select: { id: true, slackUserId: true, name: true, tz: true, dmChannelId: true, pausedAt: true, pausedUntil: true, erasedAt: true } } as const;
type PersonRow = { id: string; slackUserId: string; name: string; tz: string; dmChannelId: string | null; pausedAt: Date | null; pausedUntil: Date | null; erasedAt: Date | null };

/** What the plan needs for one program at `now`: active matches, enrolled trainees and mentors, invitations sent. */
export async function surveyPlanData(db: Db, workspaceId: string, programId: string, now: Date): Promise<PlanData> {
  const people = new Map<string, Recipient>();
  const person = (p: PersonRow) => {
    people.set(p.id, { memberId: p.id, slackUserId: p.slackUserId, name: p.name, tz: p.tz, dmChannel: p.dmChannelId ?? p.slackUserId });
    return { memberId: p.id, tz: p.tz, paused: !isAvailable(p, now), erased: p.erasedAt !== null };
  };
  const matches = await db.match.findMany({
    where: { workspaceId, programId, status: "ACTIVE" },
    select: { id: true, startedAt: true, cohortName: true, mentor: PERSON, trainee: PERSON },
  });
  const enrollments = await db.enrollment.findMany({
    where: { workspaceId, programId, role: { in: ["TRAINEE", "MENTOR"] } },
    select: { role: true, cohort: { select: { name: true } }, member: PERSON },
  });
  const invitations = await db.surveyInvitation.findMany({
    where: { workspaceId, programId },
    select: { id: true, key: true, memberId: true, sentAt: true, remindedAt: true, answered: true },
  });
  const tzOf = new Map<string, string>();
  const result: PlanData = {
    matches: matches.map((m) => ({ matchId: m.id, startedAt: m.startedAt, cohortName: m.cohortName, mentor: person(m.mentor), trainee: person(m.trainee) })),
    enrollees: enrollments.map((e) => ({ ...person(e.member), role: e.role === "TRAINEE" ? "trainee" : "mentor", cohortName: e.cohort?.name ?? null })),
    people,
    invitations: new Map(),
  };
  for (const p of people.values()) tzOf.set(p.memberId, p.tz);
  const missing = invitations.filter((i) => !people.has(i.memberId)).map((i) => i.memberId);
  if (missing.length) {
    for (const p of await db.member.findMany({ where: { workspaceId, id: { in: [...new Set(missing)] } }, ...PERSON })) person(p);
  }
  for (const i of invitations) result.invitations.set(i.key, { id: i.id, memberId: i.memberId, sentAt: i.sentAt, remindedAt: i.remindedAt, answered: i.answered, tz: people.get(i.memberId)?.tz ?? null });
  return result;
}

export async function createInvitation(tx: Tx, workspaceId: string, programId: string, invite: Invite, id: string, now: Date): Promise<void> {
  await tx.surveyInvitation.create({
    data: {
      id,
      workspaceId,
      programId,
      kind: invite.survey,
      milestone: invite.milestone,
      period: invite.period,
      matchId: invite.matchId,
      memberId: invite.memberId,
      cohortName: invite.cohortName,
      mentorId: invite.mentorId,
      key: invite.key,
      sentAt: now,
    },
  });
}

export async function markInvitationReminded(tx: Tx, workspaceId: string, id: string, now: Date): Promise<void> {
  await tx.surveyInvitation.updateMany({ where: { workspaceId, id, remindedAt: null }, data: { remindedAt: now } });
}

export interface InvitationRow {
  id: string;
  programId: string;
  programName: string;
  kind: SurveyKind;
  milestone: string;
  period: string;
  matchId: string | null;
  memberId: string;
  slackUserId: string;
  /** The match's people (null for the program survey). */
  mentorName: string | null;
  traineeName: string | null;
  answered: boolean;
  stored: unknown;
  academicYearStart: string;
}

/** One invitation with what its DM and modal show (the program's survey wording, the mentor's name). */
export async function findInvitation(db: Db, workspaceId: string, id: string): Promise<InvitationRow | null> {
  const inv = await db.surveyInvitation.findFirst({ where: { workspaceId, id } });
  if (!inv) return null;
  const [program, member, settings, mentor] = await Promise.all([
    db.program.findFirst({ where: { workspaceId, id: inv.programId }, select: { name: true, academicYearStart: true } }),
    db.member.findFirst({ where: { workspaceId, id: inv.memberId }, select: { slackUserId: true } }),
    db.surveySettings.findFirst({ where: { workspaceId, programId: inv.programId }, select: { settings: true } }),
    inv.matchId ? db.match.findFirst({ where: { workspaceId, id: inv.matchId }, select: { mentor: { select: { name: true } }, trainee: { select: { name: true } } } }) : null,
  ]);
  if (!program || !member) return null;
  return {
    id: inv.id,
    programId: inv.programId,
    programName: program.name,
    kind: inv.kind as SurveyKind,
    milestone: inv.milestone,
    period: inv.period,
    matchId: inv.matchId,
    memberId: inv.memberId,
    slackUserId: member.slackUserId,
    mentorName: mentor?.mentor.name ?? null,
    traineeName: mentor?.trainee.name ?? null,
    answered: inv.answered,
    stored: settings?.settings ?? null,
    academicYearStart: program.academicYearStart,
  };
}

/**
 * Records an answer: the invitation is marked answered (only if it was not: a second submission
 * records nothing) and the anonymous response is written, in one transaction. The response copies
 * the invitation's program, cohort, mentor (mentee survey), kind, milestone and period, nothing
 * else: its id is random and it has no timestamp. Returns false when the invitation was already answered.
 */
export async function recordResponse(db: Db, workspaceId: string, invitationId: string, answers: Answers): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.surveyInvitation.updateMany({ where: { workspaceId, id: invitationId, answered: false }, data: { answered: true } });
    if (count !== 1) return false;
    const inv = await tx.surveyInvitation.findFirstOrThrow({ where: { workspaceId, id: invitationId } });
    await tx.surveyResponse.create({
      data: {
        id: randomUUID(),
        workspaceId,
        programId: inv.programId,
        cohortName: inv.cohortName,
        mentorId: inv.kind === "mentee" ? inv.mentorId : null,
        kind: inv.kind,
        milestone: inv.milestone,
        period: inv.period,
        answers: answers as Prisma.InputJsonValue,
      },
    });
    return true;
  });
}

/** A program's responses (anonymous rows) and invitation counts per group, for the aggregates. */
export async function surveyResultData(db: Db, workspaceId: string, programId: string): Promise<{ responses: ResponseRow[]; invitations: InvitationCount[]; mentorNames: Map<string, string> }> {
  const responses = await db.surveyResponse.findMany({ where: { workspaceId, programId }, select: { kind: true, period: true, cohortName: true, mentorId: true, answers: true } });
  const counts = await db.surveyInvitation.groupBy({
    by: ["kind", "period", "cohortName", "mentorId", "answered"],
    where: { workspaceId, programId },
    _count: { _all: true },
  });
  const byGroup = new Map<string, InvitationCount>();
  for (const c of counts) {
    const mentorId = c.kind === "mentee" ? c.mentorId : null;
    const key = `${c.kind}|${c.period}|${c.cohortName ?? ""}|${mentorId ?? ""}`;
    const group = byGroup.get(key) ?? { kind: c.kind as SurveyKind, period: c.period, cohortName: c.cohortName, mentorId, invited: 0, answered: 0 };
    group.invited += c._count._all;
    if (c.answered) group.answered += c._count._all;
    byGroup.set(key, group);
  }
  const mentorIds = [...new Set(responses.map((r) => r.mentorId).filter((m): m is string => m !== null))];
  const mentors = mentorIds.length ? await db.member.findMany({ where: { workspaceId, id: { in: mentorIds } }, select: { id: true, name: true } }) : [];
  return {
    responses: responses.map((r) => ({ kind: r.kind as SurveyKind, period: r.period, cohortName: r.cohortName, mentorId: r.mentorId, answers: (r.answers ?? {}) as Answers })),
    invitations: [...byGroup.values()],
    mentorNames: new Map(mentors.map((m) => [m.id, m.name])),
  };
}

/** One survey a person was asked, as "Your data in Rounds" lists it. */
export interface MySurveyInvitation {
  programName: string;
  academicYearStart: string;
  kind: SurveyKind;
  milestone: string;
  sentAt: Date;
  answered: boolean;
}

/**
 * The surveys a person was asked (which, when, answered or not), oldest first: everything about
 * them the surveys hold. Never their answers: a response has no link to whoever gave it.
 */
export async function surveyInvitationsOf(db: Db | Tx, workspaceId: string, memberId: string): Promise<MySurveyInvitation[]> {
  const rows = await db.surveyInvitation.findMany({
    where: { workspaceId, memberId },
    select: { programId: true, kind: true, milestone: true, sentAt: true, answered: true },
    orderBy: [{ sentAt: "asc" }, { id: "asc" }],
  });
  if (rows.length === 0) return [];
  const programs = await db.program.findMany({ where: { workspaceId, id: { in: [...new Set(rows.map((r) => r.programId))] } }, select: { id: true, name: true, academicYearStart: true } });
  const programOf = new Map(programs.map((p) => [p.id, p]));
  return rows.flatMap((r) => {
    const p = programOf.get(r.programId);
    return p ? [{ programName: p.name, academicYearStart: p.academicYearStart, kind: r.kind as SurveyKind, milestone: r.milestone, sentAt: r.sentAt, answered: r.answered }] : [];
  });
}
