import type { Db, Tx } from "../../store/database.js";
import { refreshHomesLater } from "../home/homeRefreshes.js";
import { enqueue } from "../../store/outbox.js";
import {
  acceptedToMentorFull,
  closePending,
  createRequest,
  findRequest,
  hasActiveMatch,
  isEnrolled,
  memberWithProfile,
  requestDmsOf,
  type RequestDm,
  mentorsWithPendingRequests,
  pendingCreatedBefore,
  pendingRequestFor,
  pendingRequestsTo,
  type RequestRecord,
} from "../../store/requests.js";
import { activeMatchCount, createMatch, lockMember, mentorProgramDefaults, profileCapacity, findMatch, type MatchRecord } from "../../store/matches.js";
import { matchIntroKey, queueIntroduction } from "../../store/introductions.js";
import { runOnce } from "../../store/jobRuns.js";
import { liveWorkspacesOnly, type LiveWorkspaces } from "../../store/workspaces.js";
import { mentorCapacity } from "../../domain/capacity.js";
import { isAvailable } from "../../domain/profile.js";
import { dueBefore, hasRoom, requestableRoles, requestBlocker, requestDue, suggestsCoMentor } from "../../domain/requestRules.js";
import { AlreadyMatched, AlreadyRequested, NotYourRequest, RequestNoLongerPending, RequestNotAllowed, RequestNotFound } from "../../domain/errors.js";
import type { Term } from "../../domain/vocabulary.js";
import type { ProfileData } from "../../domain/profile.js";
import { ensureMember } from "../profiles/members.js";
import type { RunTime } from "../ports.js";
import type { ServiceContext, WithDirectory, WithMessages } from "../context.js";
import type { MentorCard } from "../findmentor/findMentor.js";

/** A Slack message body (chat.postMessage arguments other than channel). */
export interface Payload {
  text: string;
  blocks: unknown[];
}

/** What the mentor sees about the trainee who asks. */
export interface RequestCard {
  request: RequestRecord;
  traineeProfile: ProfileData | null;
  /** The trainee's active goals. */
  traineeGoals: string[];
}

/** The words of every message requests and matches send; src/features/requests/views/messages.ts writes them. */
export interface RequestMessages {
  mentorRequest(card: RequestCard): Payload;
  mentorReminder(card: RequestCard): Payload;
  traineeSent(request: RequestRecord, coMentorHint: boolean): Payload;
  /** Senior co-mentors to ask beside the junior-faculty mentor just requested (may be none). */
  coMentorOffer(request: RequestRecord, seniors: MentorCard[]): Payload;
  traineeDeclined(request: RequestRecord): Payload;
  traineeExpired(request: RequestRecord): Payload;
  /** The mentor's places all filled before they answered: the request is closed, the trainee told at once. */
  traineeMentorFull(request: RequestRecord): Payload;
  intro(match: MatchRecord): Payload;
  matchEndedOther(match: MatchRecord, endedBySlackId: string): Payload;
  matchEndedDirector(match: MatchRecord, endedBySlackId: string, note: string | null): Payload;
}

export interface RequestForm {
  mentorId: string;
  programId: string;
  mentorSlackId: string;
  mentorName: string;
  roles: readonly Term[];
  goals: string[];
}

export interface RequestInput {
  mentorId: string;
  programId: string;
  role: string;
  message: string;
  goal: string | null;
}

/** Whether a mentor has a free place now: active matches below their capacity (domain/capacity.ts). */
async function mentorHasRoom(db: Db | Tx, workspaceId: string, mentorId: string): Promise<boolean> {
  const capacity = mentorCapacity(await profileCapacity(db, workspaceId, mentorId), await mentorProgramDefaults(db, workspaceId, mentorId));
  return hasRoom(await activeMatchCount(db, workspaceId, mentorId), capacity);
}

async function checkAllowed(db: Db, workspaceId: string, traineeId: string, input: { mentorId: string; programId: string; role: string | null }, now: Date) {
  const mentor = await memberWithProfile(db, workspaceId, input.mentorId);
  const rolesOffered = mentor?.profile?.rolesOffered ?? [];
  const blocker = requestBlocker({
    traineeId,
    mentorId: input.mentorId,
    traineeEnrolled: await isEnrolled(db, workspaceId, input.programId, traineeId, "TRAINEE"),
    mentorEnrolled: mentor !== null && (await isEnrolled(db, workspaceId, input.programId, input.mentorId, "MENTOR")),
    role: input.role ?? requestableRoles(rolesOffered)[0]!.key,
    rolesOffered,
    activeMatchInRole: input.role !== null && (await hasActiveMatch(db, workspaceId, traineeId, input.mentorId, input.role)),
    mentorHasRoom: mentor !== null && (await mentorHasRoom(db, workspaceId, input.mentorId)),
    mentorPaused: mentor !== null && !isAvailable(mentor.party.pause, now),
  });
  if (blocker) throw new RequestNotAllowed(blocker);
  return mentor!;
}

/** What the request modal offers: the roles this mentor offers and the trainee's goals. */
export async function requestForm({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string, target: { mentorId: string; programId: string }): Promise<RequestForm> {
  const trainee = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const mentor = await checkAllowed(db, workspaceId, trainee.id, { ...target, role: null }, now);
  const traineeGoals = (await memberWithProfile(db, workspaceId, trainee.id))?.goals ?? [];
  return {
    ...target,
    mentorSlackId: mentor.party.slackUserId,
    mentorName: mentor.party.name,
    roles: requestableRoles(mentor.profile?.rolesOffered ?? []),
    goals: traineeGoals,
  };
}

/**
 * Creates the request and queues the mentor's DM and the trainee's confirmation, in one
 * transaction that first locks the trainee (PostgreSQL; SQLite serializes writers), so a double
 * click or a Slack retry finds the first request and throws AlreadyRequested.
 */
export async function submitRequest(
  { db, directory, workspaceId, now, messages }: WithDirectory & WithMessages<RequestMessages>,
  slackUserId: string,
  input: RequestInput,
): Promise<{ request: RequestRecord; coMentorHint: boolean }> {
  const trainee = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const mentor = await checkAllowed(db, workspaceId, trainee.id, input, now);
  const about = await memberWithProfile(db, workspaceId, trainee.id);
  const coMentorHint = suggestsCoMentor(mentor.profile?.careerStage);
  const request = await db.$transaction(async (tx) => {
    await lockMember(tx, workspaceId, trainee.id);
    const pending = await pendingRequestFor(tx, workspaceId, trainee.id, input.mentorId, input.role);
    if (pending) throw new AlreadyRequested(pending);
    const id = await createRequest(tx, { workspaceId, programId: input.programId, traineeId: trainee.id, mentorId: input.mentorId, role: input.role, message: input.message, goal: input.goal, createdAt: now });
    const created = (await findRequest(tx, workspaceId, id))!;
    await enqueue(tx, { workspaceId, key: `request:${id}`, channel: mentor.party.slackUserId, payload: { ...messages.mentorRequest({ request: created, traineeProfile: about?.profile ?? null, traineeGoals: about?.goals ?? [] }) }, notBefore: now });
    await enqueue(tx, { workspaceId, key: `request-sent:${id}`, channel: slackUserId, payload: { ...messages.traineeSent(created, coMentorHint) }, notBefore: now });
    return created;
  });
  return { request, coMentorHint };
}

/** The trainee's offer of senior co-mentors after asking a junior-faculty mentor: sent once per request. */
export async function offerCoMentors({ db, now, messages }: WithMessages<RequestMessages>, request: RequestRecord, seniors: MentorCard[]): Promise<void> {
  await enqueue(db, {
    workspaceId: request.workspaceId,
    key: `co-mentor-offer:${request.id}`,
    channel: request.trainee.slackUserId,
    payload: { ...messages.coMentorOffer(request, seniors) },
    notBefore: now,
  });
}

/** A request of this workspace as it stands now (null if there is none by that id). */
export function requestById({ db, workspaceId }: ServiceContext, requestId: string): Promise<RequestRecord | null> {
  return findRequest(db, workspaceId, requestId);
}

async function requestOf(db: Db, workspaceId: string, requestId: string, slackUserId: string, side: "mentor" | "trainee"): Promise<RequestRecord> {
  const request = await findRequest(db, workspaceId, requestId);
  if (!request) throw new RequestNotFound(requestId);
  if (request[side].slackUserId !== slackUserId) throw new NotYourRequest(requestId);
  return request;
}

/** The mentor declines; the reason is kept for directors, the trainee is told kindly without it. */
export async function declineRequest(
  { db, workspaceId, now, messages }: WithMessages<RequestMessages>,
  slackUserId: string,
  requestId: string,
  reason: string | null,
): Promise<RequestRecord> {
  const request = await requestOf(db, workspaceId, requestId, slackUserId, "mentor");
  await db.$transaction(async (tx) => {
    if (!(await closePending(tx, workspaceId, requestId, "DECLINED", now, reason))) throw new RequestNoLongerPending(request.status);
    await enqueue(tx, { workspaceId, key: `request-declined:${requestId}`, channel: request.trainee.slackUserId, payload: { ...messages.traineeDeclined(request) }, notBefore: now });
  });
  return { ...request, status: "DECLINED" };
}

/** The trainee takes back a pending request. */
export async function withdrawRequest({ db, workspaceId, now }: ServiceContext, slackUserId: string, requestId: string): Promise<RequestRecord> {
  const request = await requestOf(db, workspaceId, requestId, slackUserId, "trainee");
  if (!(await closePending(db, workspaceId, requestId, "WITHDRAWN", now))) {
    throw new RequestNoLongerPending((await findRequest(db, workspaceId, requestId))?.status ?? request.status);
  }
  return { ...request, status: "WITHDRAWN" };
}

/**
 * When a mentor has no free place, every request still waiting for them is closed (MENTOR_FULL) and
 * each trainee is told at once, kindly, to look again with /findmentor: a full mentor cannot take
 * them, and waiting a week for an expiry notice helps nobody. Run inside a transaction that holds
 * the mentor's lock. Returns the requests it closed (none while the mentor has room).
 */
/** `at.sendFrom`: when the trainees' notes may go (the accept's own moment; a job run's real time). */
async function closeWhileFull(tx: Tx, workspaceId: string, mentorId: string, at: RunTime, messages: RequestMessages): Promise<RequestRecord[]> {
  if (await mentorHasRoom(tx, workspaceId, mentorId)) return [];
  const closed: RequestRecord[] = [];
  for (const request of await pendingRequestsTo(tx, workspaceId, mentorId)) {
    if (!(await closePending(tx, workspaceId, request.id, "MENTOR_FULL", at.now))) continue;
    await tellMentorFull(tx, request, at.sendFrom, messages);
    closed.push({ ...request, status: "MENTOR_FULL" });
  }
  return closed;
}

/** Tells the trainee their request closed because the mentor is full, and republishes both Homes (they list it). */
async function tellMentorFull(tx: Tx, request: RequestRecord, now: Date, messages: RequestMessages): Promise<void> {
  await enqueue(tx, { workspaceId: request.workspaceId, key: `request-full:${request.id}`, channel: request.trainee.slackUserId, payload: { ...messages.traineeMentorFull(request) }, notBefore: now });
  await refreshHomesLater(tx, request.workspaceId, [request.trainee.slackUserId, request.mentor.slackUserId], now);
}

/**
 * What the mentor's Accept did: the match was made, or their places were all taken, so this request
 * (and every other one waiting for them, `closed`) was closed and each trainee told. `closed` also
 * lists, after an accept that took the last place, the other requests that closed with it.
 */
export type AcceptOutcome =
  | { outcome: "accepted"; request: RequestRecord; match: MatchRecord; closed: RequestRecord[] }
  | { outcome: "full"; request: RequestRecord; closed: RequestRecord[] };

/**
 * The mentor accepts. One transaction, holding the mentor's lock (so two accepts racing for the last
 * place cannot both win): the request must still be pending and the pair must not already work
 * together in this role. With room, the match is made and its introduction queued; if that was the last place, the requests
 * still waiting for the mentor close (closeWhileFull). Without room, this request and all the others
 * waiting close the same way. RequestNoLongerPending if it had been answered, withdrawn or closed.
 */
export async function acceptRequest({ db, workspaceId, now, messages }: WithMessages<RequestMessages>, slackUserId: string, requestId: string): Promise<AcceptOutcome> {
  const request = await requestOf(db, workspaceId, requestId, slackUserId, "mentor");
  const mentorId = request.mentor.memberId;
  const result = await db.$transaction(async (tx) => {
    // The mentor's lock first (PostgreSQL; a no-op on SQLite), before any request row: every
    // transaction that closes this mentor's requests takes it first, so they queue instead of deadlocking.
    await lockMember(tx, workspaceId, mentorId);
    // Then a write: on SQLite it takes the database's write lock for the rest of the transaction.
    if (!(await closePending(tx, workspaceId, requestId, "ACCEPTED", now))) {
      throw new RequestNoLongerPending((await findRequest(tx, workspaceId, requestId))?.status ?? request.status);
    }
    if (await hasActiveMatch(tx, workspaceId, request.trainee.memberId, mentorId, request.role)) throw new AlreadyMatched();
    if (!(await mentorHasRoom(tx, workspaceId, mentorId))) {
      await acceptedToMentorFull(tx, workspaceId, requestId);
      await tellMentorFull(tx, request, now, messages);
      return { matchId: null, closed: await closeWhileFull(tx, workspaceId, mentorId, { now, sendFrom: now }, messages) };
    }
    const matchId = await createMatch(tx, { workspaceId, programId: request.programId, traineeId: request.trainee.memberId, mentorId, role: request.role, startedAt: now });
    await queueMatchIntro(tx, (await findMatch(tx, workspaceId, matchId))!, now, messages.intro);
    return { matchId, closed: await closeWhileFull(tx, workspaceId, mentorId, { now, sendFrom: now }, messages) };
  });
  if (result.matchId === null) return { outcome: "full", request: { ...request, status: "MENTOR_FULL" }, closed: result.closed };
  return { outcome: "accepted", request: { ...request, status: "ACCEPTED" }, match: (await findMatch(db, workspaceId, result.matchId))!, closed: result.closed };
}

/**
 * Every mentor with requests waiting who has no free place now (a round filled it, or they lowered
 * their capacity): those requests close and the trainees are told (closeWhileFull). A mentor whose
 * transaction fails (another instance got there first) is left to the next run. Returns what closed.
 * `live`: the job run's liveWorkspacesOnly, read here when not given.
 */
export async function closeRequestsToFullMentors(
  db: Db,
  at: RunTime,
  messages: RequestMessages,
  onError: (mentorId: string, error: unknown) => void,
  live?: LiveWorkspaces,
): Promise<RequestRecord[]> {
  const { now, sendFrom } = at;
  const closed: RequestRecord[] = [];
  for (const { workspaceId, mentorId } of await mentorsWithPendingRequests(db, live ?? (await liveWorkspacesOnly(db)))) {
    if (await mentorHasRoom(db, workspaceId, mentorId)) continue;
    try {
      closed.push(
        ...(await db.$transaction(async (tx) => {
          await lockMember(tx, workspaceId, mentorId);
          return closeWhileFull(tx, workspaceId, mentorId, { now, sendFrom }, messages);
        })),
      );
    } catch (error) {
      onError(mentorId, error);
    }
  }
  return closed;
}

/** The DMs with buttons about requests just settled (the mentor's request and reminder, the trainee's confirmation), to redraw without them. */
export async function requestDmsAbout(db: Db, settled: readonly RequestRecord[]): Promise<(RequestDm & { request: RequestRecord })[]> {
  const out: (RequestDm & { request: RequestRecord })[] = [];
  for (const workspaceId of new Set(settled.map((r) => r.workspaceId))) {
    const ours = new Map(settled.filter((r) => r.workspaceId === workspaceId).map((r) => [r.id, r]));
    for (const dm of await requestDmsOf(db, workspaceId, [...ours.keys()])) out.push({ ...dm, request: ours.get(dm.requestId)! });
  }
  return out;
}

/**
 * Queues the pair's introduction (store/introductions.ts): the outbox opens their group DM, records
 * it on the match and posts the expectations agreement there once. False if it was queued before.
 */
export async function queueMatchIntro(db: Db | Tx, match: MatchRecord, sendFrom: Date, intro: RequestMessages["intro"]): Promise<boolean> {
  const slackUserIds = [match.trainee.slackUserId, match.mentor.slackUserId];
  return queueIntroduction(db, { workspaceId: match.workspaceId, key: matchIntroKey(match.id), slackUserIds, message: { ...intro(match) }, matchId: match.id, groupId: null, notBefore: sendFrom });
}

/**
 * The hourly sweep: each pending request gets one reminder to the mentor on the first working morning
 * (10:00 local, Mon–Fri) in the mentor's zone after 3 days (none while the mentor is paused: it comes
 * once they are back, if still due); it expires, and the trainee is told, on the first working morning
 * in the trainee's zone after 7 days (requestRules.ts requestDue). A run acts only on what is due at
 * the moment it runs. Each piece runs once ever (run keys), so re-running sends nothing twice.
 * Requests to a mentor with no free place were closed before this (closeRequestsToFullMentors).
 * `live`: the job run's liveWorkspacesOnly, read here when not given.
 */
export async function remindAndExpire(db: Db, at: RunTime, messages: RequestMessages, live?: LiveWorkspaces): Promise<{ reminded: number; expired: number; expiredRequests: RequestRecord[] }> {
  const { now, sendFrom } = at;
  let reminded = 0;
  const expiredRequests: RequestRecord[] = [];
  for (const request of await pendingCreatedBefore(db, dueBefore("remind", now), live ?? (await liveWorkspacesOnly(db)))) {
    const due = requestDue(request.createdAt, now, { mentorTz: request.mentor.tz, traineeTz: request.trainee.tz });
    const workspaceId = request.workspaceId;
    if (due === "expire") {
      let closed = false;
      await runOnce(db, { key: `request-expired:${request.id}`, job: "request-reminders", workspaceId }, now, async (tx) => {
        if (!(await closePending(tx, workspaceId, request.id, "EXPIRED", now))) return;
        await enqueue(tx, { workspaceId, key: `request-expired:${request.id}`, channel: request.trainee.slackUserId, payload: { ...messages.traineeExpired(request) }, notBefore: sendFrom });
        await refreshHomesLater(tx, workspaceId, [request.trainee.slackUserId, request.mentor.slackUserId], sendFrom);
        closed = true;
      });
      if (closed) expiredRequests.push({ ...request, status: "EXPIRED" });
    } else if (due === "remind" && isAvailable(request.mentor.pause, now)) {
      const trainee = await memberWithProfile(db, workspaceId, request.trainee.memberId);
      const card = { request, traineeProfile: trainee?.profile ?? null, traineeGoals: trainee?.goals ?? [] };
      const done = await runOnce(db, { key: `request-reminder:${request.id}`, job: "request-reminders", workspaceId }, now, async (tx) => {
        if ((await findRequest(tx, workspaceId, request.id))?.status !== "PENDING") return; // answered since it was read
        await enqueue(tx, { workspaceId, key: `request-reminder:${request.id}`, channel: request.mentor.slackUserId, payload: { ...messages.mentorReminder(card) }, notBefore: sendFrom });
      });
      if (done) reminded += 1;
    }
  }
  return { reminded, expired: expiredRequests.length, expiredRequests };
}
