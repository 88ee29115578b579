import { liveWorkspacesOnly } from "../../store/workspaces.js";
import { z } from "zod";
import type { Db } from "../../store/database.js";
import type { ServiceContext } from "../context.js";
import * as store from "../../store/roundTables.js";
import type { RoundTableSessionRow } from "../../store/roundTables.js";
import { enqueue } from "../../store/outbox.js";
import { runOnce } from "../../store/jobRuns.js";
import { findMember } from "../../store/members.js";
import { findProgram } from "../../store/programs.js";
import { labelOf, parseVocabularyExtension, vocabularyWith, type Term } from "../../domain/vocabulary.js";
import { seatRoundTables } from "../../domain/roundTableSeating.js";
import { RoundTableUnavailable } from "../../domain/errors.js";
import { audit, type Actor } from "../programs/audit.js";

export type { RoundTableSessionRow } from "../../store/roundTables.js";

/** The limits of a session's settings (the modal and the CLI check the same ones). */
export const ROUND_TABLE_LIMITS = {
  rotations: { min: 1, max: 8 },
  minutesPerRotation: { min: 5, max: 120 },
  tableSize: { min: 1, max: 30 },
} as const;

/** A trainee chooses this many career paths. */
export const CHOICES = { min: 2, max: 3 } as const;

/** What a message is about, for the views (src/features/roundtables/views/messages.ts writes them). */
export interface SessionFacts {
  id: string;
  programName: string;
  timezone: string;
  startsAt: Date;
  rotations: number;
  minutesPerRotation: number;
  tableSize: number;
  choiceDeadline: Date;
  /** Hosted career paths (key, label), each once, in vocabulary order. */
  paths: Term[];
}

export interface ScheduleLine {
  rotation: number;
  startsAt: Date;
  endsAt: Date;
  /** null: no seat in this rotation (every table they had not visited was full). */
  host: { slackUserId: string; pathLabel: string } | null;
}

export interface HostTableLine {
  rotation: number;
  startsAt: Date;
  endsAt: Date;
  trainees: string[];
}

export interface RoundTablePayload {
  text: string;
  blocks: unknown[];
}

export interface RoundTableMessages {
  /** To every trainee of the program: choose 2–3 career paths before the deadline. */
  invite(s: SessionFacts): RoundTablePayload;
  /** To each host: you host the table of this path. */
  hostInvite(s: SessionFacts, pathLabel: string): RoundTablePayload;
  /** To each seated trainee: where they sit, rotation by rotation. */
  schedule(s: SessionFacts, lines: ScheduleLine[]): RoundTablePayload;
  /** To each host: who sits at their table, rotation by rotation. */
  hostTable(s: SessionFacts, pathLabel: string, lines: HostTableLine[]): RoundTablePayload;
  /** Afterwards, to each seated trainee: request one of your hosts as a mentor? */
  followUp(s: SessionFacts, hosts: { memberId: string; slackUserId: string; pathLabel: string }[], programId: string): RoundTablePayload;
}

export interface SessionInput {
  programId: string;
  startsAt: Date;
  rotations: number;
  minutesPerRotation: number;
  tableSize: number;
  choiceDeadline: Date;
  /** Each host by Slack user id, with the career path of their table. */
  hosts: { slackUserId: string; careerPath: string }[];
}

/** Which form field a refusal belongs to (the modal shows it under that field; the CLI prints it). */
export type SessionField = "program" | "startsAt" | "choiceDeadline" | "rotations" | "hosts";
export type CreateOutcome = { ok: true; session: RoundTableSessionRow; invited: number } | { ok: false; field: SessionField; path?: string; message: string };

/** The career paths a program's profiles use (the base vocabulary plus the program's own). */
export function programCareerPaths(vocabulary: unknown): readonly Term[] {
  return vocabularyWith(parseVocabularyExtension(vocabulary)).careerPaths;
}

export function sessionFacts(s: RoundTableSessionRow): SessionFacts {
  const vocabulary = programCareerPaths(s.vocabulary);
  const hosted = new Set(s.hosts.map((h) => h.careerPath));
  const known = vocabulary.filter((t) => hosted.has(t.key));
  const unknown = [...hosted].filter((k) => !vocabulary.some((t) => t.key === k)).map((key) => ({ key, label: key }));
  return {
    id: s.id,
    programName: s.programName,
    timezone: s.timezone,
    startsAt: s.startsAt,
    rotations: s.rotations,
    minutesPerRotation: s.minutesPerRotation,
    tableSize: s.tableSize,
    choiceDeadline: s.choiceDeadline,
    paths: [...known, ...unknown],
  };
}

const rotationStart = (s: { startsAt: Date; minutesPerRotation: number }, r: number) => new Date(s.startsAt.getTime() + r * s.minutesPerRotation * 60_000);
/** When the last rotation ends. */
export const sessionEnd = (s: { startsAt: Date; minutesPerRotation: number; rotations: number }) => rotationStart(s, s.rotations);

/**
 * A director sets up a session: the program's mentors host tables by the career paths on their
 * profiles; every trainee of the program is invited by DM to choose, and each host is told. The
 * session, its hosts, the audit row and the DMs commit together.
 */
export async function createRoundTableSession(ctx: ServiceContext & { messages: RoundTableMessages }, by: Actor, input: SessionInput): Promise<CreateOutcome> {
  const { db, workspaceId, now, messages } = ctx;
  const program = await findProgram(db, workspaceId, input.programId);
  if (!program) return { ok: false, field: "program", message: "Choose a program." };
  if (input.startsAt.getTime() <= now.getTime()) return { ok: false, field: "startsAt", message: "Choose a time in the future." };
  if (input.choiceDeadline.getTime() <= now.getTime()) return { ok: false, field: "choiceDeadline", message: "The choice deadline has passed; choose a later one." };
  if (input.choiceDeadline.getTime() > input.startsAt.getTime()) return { ok: false, field: "choiceDeadline", message: "Choices must close before the session starts." };
  const paths = programCareerPaths(program.vocabulary);
  const mentors = new Map((await store.programPeople(db, workspaceId, program.id, "MENTOR")).map((m) => [m.slackUserId, m]));
  const hosts: { memberId: string; careerPath: string }[] = [];
  const seen = new Set<string>();
  for (const h of input.hosts) {
    const label = labelOf(paths, h.careerPath);
    if (!paths.some((t) => t.key === h.careerPath)) return { ok: false, field: "hosts", path: h.careerPath, message: `${h.careerPath} is not a career path of ${program.name}.` };
    const mentor = mentors.get(h.slackUserId);
    if (!mentor) return { ok: false, field: "hosts", path: h.careerPath, message: `One of the hosts for ${label} is not a mentor in ${program.name}.` };
    if (!mentor.careerPaths.includes(h.careerPath)) return { ok: false, field: "hosts", path: h.careerPath, message: `${mentor.name} does not list ${label} as a career path on their profile.` };
    if (seen.has(mentor.memberId)) return { ok: false, field: "hosts", path: h.careerPath, message: `${mentor.name} can host only one table.` };
    seen.add(mentor.memberId);
    hosts.push({ memberId: mentor.memberId, careerPath: h.careerPath });
  }
  if (hosts.length === 0) return { ok: false, field: "hosts", message: "Choose at least one host." };
  if (input.rotations > hosts.length) return { ok: false, field: "rotations", message: `With ${hosts.length} ${hosts.length === 1 ? "table" : "tables"} there can be at most ${hosts.length} ${hosts.length === 1 ? "rotation" : "rotations"} (no one sits at a table twice).` };
  const trainees = await store.programPeople(db, workspaceId, program.id, "TRAINEE");
  const id = await db.$transaction(async (tx) => {
    const id = await store.createRoundTableSession(tx, {
      workspaceId,
      programId: program.id,
      startsAt: input.startsAt,
      rotations: input.rotations,
      minutesPerRotation: input.minutesPerRotation,
      tableSize: input.tableSize,
      choiceDeadline: input.choiceDeadline,
      createdById: by.actor,
      hosts,
    });
    const session = (await store.findRoundTableSession(tx, workspaceId, id))!;
    const facts = sessionFacts(session);
    for (const t of trainees) await enqueue(tx, { workspaceId, key: `roundtable-invite:${id}:${t.memberId}`, channel: t.slackUserId, payload: { ...messages.invite(facts) }, notBefore: now });
    for (const h of session.hosts) {
      await enqueue(tx, { workspaceId, key: `roundtable-host:${id}:${h.memberId}`, channel: h.slackUserId, payload: { ...messages.hostInvite(facts, labelOf(facts.paths, h.careerPath)) }, notBefore: now });
    }
    await audit(tx, by, "roundtables.create", id, { programId: program.id, startsAt: input.startsAt.toISOString(), hosts: hosts.length, trainees: trainees.length }, now);
    return id;
  });
  return { ok: true, session: (await store.findRoundTableSession(db, workspaceId, id))!, invited: trainees.length };
}

export async function listRoundTableSessions(db: Db, workspaceId: string, now: Date): Promise<RoundTableSessionRow[]> {
  // sessions still to come, and those of the last week (their follow-up may still be pending)
  return store.listRoundTableSessions(db, workspaceId, new Date(now.getTime() - 7 * 86_400_000));
}

export async function findRoundTableSession(db: Db, workspaceId: string, id: string): Promise<RoundTableSessionRow> {
  const s = await store.findRoundTableSession(db, workspaceId, id);
  if (!s || s.cancelledAt) throw new RoundTableUnavailable("not_found");
  return s;
}

export interface ChoiceForm {
  session: SessionFacts;
  current: string[];
}

/** The trainee's choice form: the hosted paths and what they chose so far. Refused after the deadline, or to someone not a trainee of the program. */
export async function choiceForm(ctx: ServiceContext, slackUserId: string, sessionId: string): Promise<ChoiceForm> {
  const { session, memberId } = await openForChoice(ctx, slackUserId, sessionId);
  return { session: sessionFacts(session), current: (await store.roundTableChoiceOf(ctx.db, ctx.workspaceId, sessionId, memberId)) ?? [] };
}

async function openForChoice(ctx: ServiceContext, slackUserId: string, sessionId: string) {
  const session = await findRoundTableSession(ctx.db, ctx.workspaceId, sessionId);
  const member = await findMember(ctx.db, ctx.workspaceId, slackUserId);
  const trainees = member ? await store.programPeople(ctx.db, ctx.workspaceId, session.programId, "TRAINEE") : [];
  if (!member || !trainees.some((t) => t.memberId === member.id)) throw new RoundTableUnavailable("not_a_trainee");
  if (session.seatedAt || ctx.now.getTime() >= session.choiceDeadline.getTime()) throw new RoundTableUnavailable("choices_closed");
  return { session, memberId: member.id };
}

export const CHOICE_FIELDS = ["first", "second", "third"] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

/**
 * 2–3 different career paths, each one a table is hosted for: the first and second choice are
 * needed, the third is optional. An issue's path names the field it belongs to.
 */
export function choiceSchema(hosted: readonly string[]) {
  const pick = z.string().refine((x) => hosted.includes(x), "No table is hosted for that career path; choose another.");
  return z
    .object({
      first: pick.nullable().refine((x) => x !== null, "Choose the career path you most want to hear about."),
      second: pick.nullable().refine((x) => x !== null, `Choose a second career path: everyone chooses ${CHOICES.min} or ${CHOICES.max}.`),
      third: pick.nullable(),
    })
    .superRefine((v, ctx) => {
      const seen = new Set<string>();
      for (const field of CHOICE_FIELDS) {
        const x = v[field];
        if (x === null) continue;
        if (seen.has(x)) ctx.addIssue({ code: "custom", path: [field], message: "You chose this career path already; choose a different one." });
        seen.add(x);
      }
    })
    .transform((v) => CHOICE_FIELDS.map((f) => v[f]).filter((x): x is string => x !== null));
}

export type ChoiceOutcome = { ok: true; session: SessionFacts; paths: string[] } | { ok: false; errors: Partial<Record<ChoiceField, string>> };

/** Saves a trainee's choices (first, second, optional third), replacing earlier ones, until the deadline. */
export async function saveChoice(ctx: ServiceContext, slackUserId: string, sessionId: string, picked: Record<ChoiceField, string | null>): Promise<ChoiceOutcome> {
  const { session, memberId } = await openForChoice(ctx, slackUserId, sessionId);
  const facts = sessionFacts(session);
  const parsed = choiceSchema(facts.paths.map((p) => p.key)).safeParse(picked);
  if (!parsed.success) {
    const errors: Partial<Record<ChoiceField, string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as ChoiceField] ??= issue.message;
    return { ok: false, errors };
  }
  await store.saveRoundTableChoice(ctx.db, ctx.workspaceId, sessionId, memberId, parsed.data);
  return { ok: true, session: facts, paths: parsed.data };
}

export interface SeatingDone {
  sessionId: string;
  seated: number;
  /** Trainee-rotations without a seat (the tables were full). */
  withoutSeat: number;
  firstChoicesMet: number;
  queued: number;
}

/**
 * Seats the trainees who chose, rotation by rotation (src/domain/roundTableSeating.ts), and queues
 * everyone's schedule and each host's list. Once per session, ever (run key), whether the job or
 * a director's "Seat now" gets there first; null when it was already done.
 */
export async function seatSession(db: Db, session: RoundTableSessionRow, now: Date, messages: RoundTableMessages, sendFrom = now): Promise<SeatingDone | null> {
  const { workspaceId, id } = session;
  let done: SeatingDone | null = null;
  await runOnce(db, { key: `roundtable-seat:${id}`, job: "round-tables", workspaceId }, now, async (tx) => {
    if (!(await store.claimSeating(tx, workspaceId, id, now))) return;
    const facts = sessionFacts(session);
    const choices = await store.roundTableChoices(tx, workspaceId, id);
    const seating = seatRoundTables({
      tables: session.hosts.map((h) => ({ id: h.hostId, path: h.careerPath })),
      trainees: choices.map((c) => ({ id: c.memberId, choices: c.paths })),
      rotations: session.rotations,
      tableSize: session.tableSize,
    });
    const seats = seating.rotations.flatMap((r) => r.tables.flatMap((t) => t.trainees.map((memberId) => ({ hostId: t.tableId, memberId, rotation: r.index }))));
    await store.createSeats(tx, workspaceId, id, seats);
    const hostOf = new Map(session.hosts.map((h) => [h.hostId, h]));
    const pathLabel = (key: string) => labelOf(facts.paths, key);
    const when = (r: number) => ({ startsAt: rotationStart(session, r), endsAt: rotationStart(session, r + 1) });
    let queued = 0;
    for (const c of choices) {
      const lines: ScheduleLine[] = seating.rotations.map((r) => {
        const table = r.tables.find((t) => t.trainees.includes(c.memberId));
        const host = table ? hostOf.get(table.tableId)! : null;
        return { rotation: r.index, ...when(r.index), host: host ? { slackUserId: host.slackUserId, pathLabel: pathLabel(host.careerPath) } : null };
      });
      if (await enqueue(tx, { workspaceId, key: `roundtable-schedule:${id}:${c.memberId}`, channel: c.slackUserId, payload: { ...messages.schedule(facts, lines) }, notBefore: sendFrom })) queued += 1;
    }
    const slackOf = new Map(choices.map((c) => [c.memberId, c.slackUserId]));
    for (const h of session.hosts) {
      const lines: HostTableLine[] = seating.rotations.map((r) => ({ rotation: r.index, ...when(r.index), trainees: (r.tables.find((t) => t.tableId === h.hostId)?.trainees ?? []).map((m) => slackOf.get(m)!) }));
      if (await enqueue(tx, { workspaceId, key: `roundtable-table:${id}:${h.memberId}`, channel: h.slackUserId, payload: { ...messages.hostTable(facts, pathLabel(h.careerPath), lines) }, notBefore: sendFrom })) queued += 1;
    }
    done = {
      sessionId: id,
      seated: choices.length,
      withoutSeat: seating.rotations.reduce((n, r) => n + r.unseated.length, 0),
      firstChoicesMet: seating.firstChoicesMet,
      queued,
    };
  });
  return done;
}

/** "Seat now": a director seats a session before its deadline (choices close then). */
export async function seatNow(ctx: ServiceContext & { messages: RoundTableMessages }, by: Actor, sessionId: string): Promise<SeatingDone> {
  const session = await findRoundTableSession(ctx.db, ctx.workspaceId, sessionId);
  if (session.seatedAt) throw new RoundTableUnavailable("already_seated");
  const done = await seatSession(ctx.db, session, ctx.now, ctx.messages);
  if (!done) throw new RoundTableUnavailable("already_seated");
  await audit(ctx.db, by, "roundtables.seat", sessionId, { seated: done.seated, withoutSeat: done.withoutSeat }, ctx.now);
  return done;
}

/**
 * Once the session is over: each seated trainee is asked whether to request one of their hosts as
 * a mentor. Once per session (run key); returns the messages queued, or null when not due or done.
 */
export async function followUpSession(db: Db, session: RoundTableSessionRow, now: Date, messages: RoundTableMessages, sendFrom = now): Promise<number | null> {
  if (!session.seatedAt || now.getTime() < sessionEnd(session).getTime()) return null;
  const { workspaceId, id } = session;
  let queued: number | null = null;
  await runOnce(db, { key: `roundtable-followup:${id}`, job: "round-tables", workspaceId }, now, async (tx) => {
    if (!(await store.claimFollowUp(tx, workspaceId, id, now))) return;
    const facts = sessionFacts(session);
    const hostOf = new Map(session.hosts.map((h) => [h.hostId, h]));
    const byTrainee = new Map<string, { slackUserId: string; hostIds: string[] }>();
    for (const seat of await store.seatsOf(tx, workspaceId, id)) {
      const t = byTrainee.get(seat.trainee.memberId) ?? { slackUserId: seat.trainee.slackUserId, hostIds: [] };
      t.hostIds.push(seat.hostId);
      byTrainee.set(seat.trainee.memberId, t);
    }
    let n = 0;
    for (const [memberId, t] of byTrainee) {
      const hosts = t.hostIds.map((h) => hostOf.get(h)!).filter(Boolean).map((h) => ({ memberId: h.memberId, slackUserId: h.slackUserId, pathLabel: labelOf(facts.paths, h.careerPath) }));
      if (await enqueue(tx, { workspaceId, key: `roundtable-followup:${id}:${memberId}`, channel: t.slackUserId, payload: { ...messages.followUp(facts, hosts, session.programId) }, notBefore: sendFrom })) n += 1;
    }
    queued = n;
  });
  return queued;
}

/** The job's pass: seat every session whose choices closed, then follow up every session that is over. */
export async function roundTablesDue(db: Db, now: Date, messages: RoundTableMessages, sendFrom = now): Promise<{ seated: number; followedUp: number; queued: number }> {
  const out = { seated: 0, followedUp: 0, queued: 0 };
  const live = await liveWorkspacesOnly(db); // nothing is scheduled for a workspace Rounds was uninstalled from
  for (const s of await store.sessionsDueForSeating(db, now, live)) {
    const done = await seatSession(db, s, now, messages, sendFrom);
    if (done) {
      out.seated += 1;
      out.queued += done.queued;
    }
  }
  for (const s of await store.sessionsSeatedNotFollowedUp(db, now, live)) {
    const n = await followUpSession(db, s, now, messages, sendFrom);
    if (n !== null) {
      out.followedUp += 1;
      out.queued += n;
    }
  }
  return out;
}

/** A director cancels a session not yet seated. */
export async function cancelSession(ctx: ServiceContext, by: Actor, sessionId: string): Promise<void> {
  if (!(await store.cancelRoundTableSession(ctx.db, ctx.workspaceId, sessionId, ctx.now))) throw new RoundTableUnavailable("already_seated");
  await audit(ctx.db, by, "roundtables.cancel", sessionId, {}, ctx.now);
}

/** The round tables on a trainee's Home: sessions of their programs still to come, and whether they chose. */
export async function traineeRoundTables(db: Db, workspaceId: string, memberId: string, now: Date): Promise<{ session: SessionFacts; chosen: string[] | null; open: boolean }[]> {
  const sessions = await store.traineeRoundTableSessions(db, workspaceId, memberId, now);
  return Promise.all(
    sessions.map(async (s) => ({
      session: sessionFacts(s),
      chosen: await store.roundTableChoiceOf(db, workspaceId, s.id, memberId),
      open: !s.seatedAt && now.getTime() < s.choiceDeadline.getTime(),
    })),
  );
}
