import { MENTOR_ROLES, type Term } from "./vocabulary.js";
import { nextSendTime } from "./deliveryTime.js";

/** A pending request gets one reminder to the mentor after this many days… */
export const REMIND_AFTER_DAYS = 3;
/** …and expires (the trainee is told to look again) after this many. */
export const EXPIRE_AFTER_DAYS = 7;
/** Longest message a trainee may send with a request. */
export const REQUEST_MESSAGE_MAX = 500;
/** Longest private note (decline reason, end-of-mentorship feedback). */
export const PRIVATE_NOTE_MAX = 1000;

const DAY_MS = 24 * 60 * 60_000;

/** The roles a trainee may ask a mentor for: those the mentor offers, else every role. */
export function requestableRoles(rolesOffered: readonly string[]): readonly Term[] {
  const offered = MENTOR_ROLES.filter((r) => rolesOffered.includes(r.key));
  return offered.length > 0 ? offered : MENTOR_ROLES;
}

export type RequestBlocker = "self" | "not_trainee" | "not_mentor" | "role_not_offered" | "already_matched" | "mentor_full" | "mentor_paused";

/** Whether a trainee may ask this mentor for this role; the first reason they may not, or null. */
export function requestBlocker(i: {
  traineeId: string;
  mentorId: string;
  traineeEnrolled: boolean;
  mentorEnrolled: boolean;
  role: string;
  rolesOffered: readonly string[];
  activeMatchInRole: boolean;
  /** The mentor has a free place (active matches below capacity). */
  mentorHasRoom: boolean;
  /** The mentor is paused today. */
  mentorPaused: boolean;
}): RequestBlocker | null {
  if (i.traineeId === i.mentorId) return "self";
  if (!i.traineeEnrolled) return "not_trainee";
  if (!i.mentorEnrolled) return "not_mentor";
  if (!requestableRoles(i.rolesOffered).some((r) => r.key === i.role)) return "role_not_offered";
  if (i.activeMatchInRole) return "already_matched";
  if (!i.mentorHasRoom) return "mentor_full";
  if (i.mentorPaused) return "mentor_paused";
  return null;
}

/** The time zones (Member.tz) a pending request's DMs are timed in; null or unknown reads as UTC. */
export interface RequestZones {
  /** The mentor's zone: the reminder goes to them. */
  mentorTz: string | null | undefined;
  /** The trainee's zone: they are told the request expired. */
  traineeTz: string | null | undefined;
}

/**
 * When a pending request's reminder to the mentor is due: the first working morning (10:00 local,
 * Mon–Fri) in the mentor's zone at or after `REMIND_AFTER_DAYS` days from its creation.
 */
export function reminderDueAt(createdAt: Date, mentorTz: string | null | undefined): Date {
  return nextSendTime(new Date(createdAt.getTime() + REMIND_AFTER_DAYS * DAY_MS), mentorTz);
}

/**
 * When a pending request expires (and the trainee is told): the first working morning (10:00 local,
 * Mon–Fri) in the trainee's zone at or after `EXPIRE_AFTER_DAYS` days from its creation. Always
 * later than the reminder (a send time is less than 3 days and an hour after the moment it follows).
 */
export function expiryDueAt(createdAt: Date, traineeTz: string | null | undefined): Date {
  return nextSendTime(new Date(createdAt.getTime() + EXPIRE_AFTER_DAYS * DAY_MS), traineeTz);
}

/**
 * What a pending request created at `createdAt` is due for at `now`: "expire" from its expiry time,
 * else "remind" from its reminder time, else "none". The job runs hourly and acts on what is due at
 * the moment it runs, so each DM lands in the recipient's working hours (see reminderDueAt/expiryDueAt).
 */
export function requestDue(createdAt: Date, now: Date, zones: RequestZones): "none" | "remind" | "expire" {
  if (expiryDueAt(createdAt, zones.traineeTz).getTime() <= now.getTime()) return "expire";
  if (reminderDueAt(createdAt, zones.mentorTz).getTime() <= now.getTime()) return "remind";
  return "none";
}

/**
 * A prefilter for querying due requests: nothing created after this can be due for `what` at `now`
 * (a due time is never earlier than createdAt plus the 3 or 7 days). Requests created at or before it
 * may still not be due yet (their working morning has not come); requestDue decides.
 */
export function dueBefore(what: "remind" | "expire", now: Date): Date {
  const days = what === "remind" ? REMIND_AFTER_DAYS : EXPIRE_AFTER_DAYS;
  return new Date(now.getTime() - days * DAY_MS);
}

/** A mentor can take one more mentee while their active matches are below their capacity. */
export function hasRoom(activeMatches: number, capacity: number): boolean {
  return activeMatches < capacity;
}

/** Junior faculty mentors are commonly paired with a senior co-mentor. */
export function suggestsCoMentor(mentorCareerStage: string | null | undefined): boolean {
  return mentorCareerStage === "junior_faculty";
}
