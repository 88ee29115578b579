import type { Db } from "../store/database.js";
import { enqueue } from "../store/outbox.js";
import {
  closePending,
  createRequest,
  findRequest,
  hasActiveMatch,
  isEnrolled,
  memberWithProfile,
  pendingCreatedBefore,
  pendingRequestFor,
  type RequestRecord,
} from "../store/requests.js";
import { activeMatchCount, createMatch, lockMember, mentorProgramDefaults, profileCapacity, setIntroChannel, findMatch, matchesAwaitingIntro, type MatchRecord } from "../store/matches.js";
import { runOnce } from "../store/jobRuns.js";
import { mentorCapacity } from "../domain/capacity.js";
import { dueBefore, hasRoom, requestableRoles, requestBlocker, requestDue, suggestsCoMentor } from "../domain/requestRules.js";
import { AlreadyMatched, AlreadyRequested, MentorAtCapacity, NotYourRequest, RequestNoLongerPending, RequestNotAllowed, RequestNotFound } from "../domain/errors.js";
import type { Term } from "../domain/vocabulary.js";
import type { ProfileData } from "../domain/profile.js";
import { ensureMember } from "./members.js";
import type { RunTime, SlackDirectory } from "./ports.js";
import type { MentorCard } from "./findMentor.js";

/** A Slack message body (chat.postMessage arguments other than channel). */
export interface Payload {
  text: string;
  blocks: unknown[];
}

/** What the mentor sees about the trainee who asks. */
export interface RequestCard {
  request: RequestRecord;
  traineeProfile: ProfileData | null;
}

/** The words of every message requests and matches send; src/slack/views/requests/messages.ts writes them. */
export interface RequestMessages {
  mentorRequest(card: RequestCard): Payload;
  mentorReminder(card: RequestCard): Payload;
  traineeSent(request: RequestRecord, coMentorHint: boolean): Payload;
  /** Senior co-mentors to ask beside the junior-faculty mentor just requested (may be none). */
  coMentorOffer(request: RequestRecord, seniors: MentorCard[]): Payload;
  traineeDeclined(request: RequestRecord): Payload;
  traineeExpired(request: RequestRecord): Payload;
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

async function checkAllowed(db: Db, workspaceId: string, traineeId: string, input: { mentorId: string; programId: string; role: string | null }) {
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
  });
  if (blocker) throw new RequestNotAllowed(blocker);
  return mentor!;
}

/** What the request modal offers: the roles this mentor offers and the trainee's goals. */
export async function requestForm(
  db: Db,
  directory: SlackDirectory,
  workspaceId: string,
  slackUserId: string,
  target: { mentorId: string; programId: string },
  now: Date,
): Promise<RequestForm> {
  const trainee = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const mentor = await checkAllowed(db, workspaceId, trainee.id, { ...target, role: null });
  const traineeProfile = await memberWithProfile(db, workspaceId, trainee.id);
  return {
    ...target,
    mentorSlackId: mentor.party.slackUserId,
    mentorName: mentor.party.name,
    roles: requestableRoles(mentor.profile?.rolesOffered ?? []),
    goals: traineeProfile?.profile?.goals ?? [],
  };
}

/**
 * Creates the request and queues the mentor's DM and the trainee's confirmation, in one
 * transaction that first locks the trainee (PostgreSQL; SQLite serializes writers), so a double
 * click or a Slack retry finds the first request and throws AlreadyRequested.
 */
export async function submitRequest(
  db: Db,
  directory: SlackDirectory,
  workspaceId: string,
  slackUserId: string,
  input: RequestInput,
  now: Date,
  messages: RequestMessages,
): Promise<{ request: RequestRecord; coMentorHint: boolean }> {
  const trainee = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const mentor = await checkAllowed(db, workspaceId, trainee.id, input);
  const traineeProfile = (await memberWithProfile(db, workspaceId, trainee.id))?.profile ?? null;
  const coMentorHint = suggestsCoMentor(mentor.profile?.careerStage);
  const request = await db.$transaction(async (tx) => {
    await lockMember(tx, workspaceId, trainee.id);
    const pending = await pendingRequestFor(tx, workspaceId, trainee.id, input.mentorId, input.role);
    if (pending) throw new AlreadyRequested(pending);
    const id = await createRequest(tx, { workspaceId, programId: input.programId, traineeId: trainee.id, mentorId: input.mentorId, role: input.role, message: input.message, goal: input.goal, createdAt: now });
    const created = (await findRequest(tx, workspaceId, id))!;
    await enqueue(tx, { workspaceId, key: `request:${id}`, channel: mentor.party.slackUserId, payload: { ...messages.mentorRequest({ request: created, traineeProfile }) }, notBefore: now });
    await enqueue(tx, { workspaceId, key: `request-sent:${id}`, channel: slackUserId, payload: { ...messages.traineeSent(created, coMentorHint) }, notBefore: now });
    return created;
  });
  return { request, coMentorHint };
}

/** The trainee's offer of senior co-mentors after asking a junior-faculty mentor: sent once per request. */
export async function offerCoMentors(db: Db, request: RequestRecord, seniors: MentorCard[], now: Date, messages: RequestMessages): Promise<void> {
  await enqueue(db, {
    workspaceId: request.workspaceId,
    key: `co-mentor-offer:${request.id}`,
    channel: request.trainee.slackUserId,
    payload: { ...messages.coMentorOffer(request, seniors) },
    notBefore: now,
  });
}

async function requestOf(db: Db, workspaceId: string, requestId: string, slackUserId: string, side: "mentor" | "trainee"): Promise<RequestRecord> {
  const request = await findRequest(db, workspaceId, requestId);
  if (!request) throw new RequestNotFound(requestId);
  if (request[side].slackUserId !== slackUserId) throw new NotYourRequest(requestId);
  return request;
}

/** The mentor declines; the reason is kept for directors, the trainee is told kindly without it. */
export async function declineRequest(
  db: Db,
  workspaceId: string,
  slackUserId: string,
  requestId: string,
  reason: string | null,
  now: Date,
  messages: RequestMessages,
): Promise<RequestRecord> {
  const request = await requestOf(db, workspaceId, requestId, slackUserId, "mentor");
  await db.$transaction(async (tx) => {
    if (!(await closePending(tx, workspaceId, requestId, "DECLINED", now, reason))) throw new RequestNoLongerPending(request.status);
    await enqueue(tx, { workspaceId, key: `request-declined:${requestId}`, channel: request.trainee.slackUserId, payload: { ...messages.traineeDeclined(request) }, notBefore: now });
  });
  return { ...request, status: "DECLINED" };
}

/** The trainee takes back a pending request. */
export async function withdrawRequest(db: Db, workspaceId: string, slackUserId: string, requestId: string, now: Date): Promise<RequestRecord> {
  const request = await requestOf(db, workspaceId, requestId, slackUserId, "trainee");
  if (!(await closePending(db, workspaceId, requestId, "WITHDRAWN", now))) {
    throw new RequestNoLongerPending((await findRequest(db, workspaceId, requestId))?.status ?? request.status);
  }
  return { ...request, status: "WITHDRAWN" };
}

/**
 * The mentor accepts. One transaction: the request must still be pending, the mentor must have
 * room (counted under a lock, so two accepts racing for the last place cannot both win) and the
 * pair must not already work together in this role; then the match is created.
 */
export async function acceptRequest(db: Db, workspaceId: string, slackUserId: string, requestId: string, now: Date): Promise<MatchRecord> {
  const request = await requestOf(db, workspaceId, requestId, slackUserId, "mentor");
  const matchId = await db.$transaction(async (tx) => {
    if (!(await closePending(tx, workspaceId, requestId, "ACCEPTED", now))) {
      throw new RequestNoLongerPending((await findRequest(tx, workspaceId, requestId))?.status ?? request.status);
    }
    await lockMember(tx, workspaceId, request.mentor.memberId);
    const capacity = mentorCapacity(await profileCapacity(tx, workspaceId, request.mentor.memberId), await mentorProgramDefaults(tx, workspaceId, request.mentor.memberId));
    if (!hasRoom(await activeMatchCount(tx, workspaceId, request.mentor.memberId), capacity)) throw new MentorAtCapacity(capacity);
    if (await hasActiveMatch(tx, workspaceId, request.trainee.memberId, request.mentor.memberId, request.role)) throw new AlreadyMatched();
    return createMatch(tx, { workspaceId, programId: request.programId, traineeId: request.trainee.memberId, mentorId: request.mentor.memberId, role: request.role, startedAt: now });
  });
  return (await findMatch(db, workspaceId, matchId))!;
}

/**
 * Records the group DM that introduces the pair and queues the expectations agreement there, to go
 * out from `sendFrom` (now, for the accept; the run's real time, for the job). False if it was queued before.
 */
export async function introduce(db: Db, match: MatchRecord, channelId: string, sendFrom: Date, messages: RequestMessages): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await setIntroChannel(tx, match.workspaceId, match.id, channelId);
    return enqueue(tx, { workspaceId: match.workspaceId, key: `intro:${match.id}`, channel: channelId, payload: { ...messages.intro({ ...match, introChannelId: channelId }) }, notBefore: sendFrom });
  });
}

/** How long after a match is made its introduction counts as missing (the accept itself sends it at once). */
export const INTRO_GRACE_MS = 2 * 60_000;

/**
 * Introduces every active match that has gone without an introduction for INTRO_GRACE_MS: opens
 * the pair's group DM and queues the expectations agreement, keyed as the accept's own, so a
 * late accept and this never both post. A pair Slack refuses now is tried again next time.
 */
export async function introduceWaitingMatches(
  db: Db,
  openGroupDm: (slackUserIds: string[]) => Promise<string>,
  at: RunTime,
  messages: RequestMessages,
  onError: (match: MatchRecord, error: unknown) => void,
): Promise<number> {
  let introduced = 0;
  for (const match of await matchesAwaitingIntro(db, new Date(at.now.getTime() - INTRO_GRACE_MS))) {
    try {
      const channel = await openGroupDm([match.trainee.slackUserId, match.mentor.slackUserId]);
      if (await introduce(db, match, channel, at.sendFrom, messages)) introduced += 1;
    } catch (error) {
      onError(match, error);
    }
  }
  return introduced;
}

/**
 * The hourly sweep: each pending request gets one reminder to the mentor on the first working morning
 * (10:00 local, Mon–Fri) in the mentor's zone after 3 days; it expires, and the trainee is told, on the
 * first working morning in the trainee's zone after 7 days (requestRules.ts requestDue). A run acts
 * only on what is due at the moment it runs. Each piece runs once ever (run keys), so re-running sends nothing twice.
 */
export async function remindAndExpire(db: Db, at: RunTime, messages: RequestMessages): Promise<{ reminded: number; expired: number }> {
  const { now, sendFrom } = at;
  let reminded = 0;
  let expired = 0;
  for (const request of await pendingCreatedBefore(db, dueBefore("remind", now))) {
    const due = requestDue(request.createdAt, now, { mentorTz: request.mentor.tz, traineeTz: request.trainee.tz });
    const workspaceId = request.workspaceId;
    if (due === "expire") {
      const done = await runOnce(db, { key: `request-expired:${request.id}`, job: "request-reminders", workspaceId }, now, async (tx) => {
        if (!(await closePending(tx, workspaceId, request.id, "EXPIRED", now))) return;
        await enqueue(tx, { workspaceId, key: `request-expired:${request.id}`, channel: request.trainee.slackUserId, payload: { ...messages.traineeExpired(request) }, notBefore: sendFrom });
      });
      if (done) expired += 1;
    } else if (due === "remind") {
      const traineeProfile = (await memberWithProfile(db, workspaceId, request.trainee.memberId))?.profile ?? null;
      const done = await runOnce(db, { key: `request-reminder:${request.id}`, job: "request-reminders", workspaceId }, now, async (tx) => {
        await enqueue(tx, { workspaceId, key: `request-reminder:${request.id}`, channel: request.mentor.slackUserId, payload: { ...messages.mentorReminder({ request, traineeProfile }) }, notBefore: sendFrom });
      });
      if (done) reminded += 1;
    }
  }
  return { reminded, expired };
}
