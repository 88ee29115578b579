import { MENTOR_ROLES, type Term } from "./vocabulary.js";

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

export type RequestBlocker = "self" | "not_trainee" | "not_mentor" | "role_not_offered" | "already_matched";

/** Whether a trainee may ask this mentor for this role; the first reason they may not, or null. */
export function requestBlocker(i: {
  traineeId: string;
  mentorId: string;
  traineeEnrolled: boolean;
  mentorEnrolled: boolean;
  role: string;
  rolesOffered: readonly string[];
  activeMatchInRole: boolean;
}): RequestBlocker | null {
  if (i.traineeId === i.mentorId) return "self";
  if (!i.traineeEnrolled) return "not_trainee";
  if (!i.mentorEnrolled) return "not_mentor";
  if (!requestableRoles(i.rolesOffered).some((r) => r.key === i.role)) return "role_not_offered";
  if (i.activeMatchInRole) return "already_matched";
  return null;
}

/** What a pending request created at `createdAt` is due for at `now`. */
export function requestDue(createdAt: Date, now: Date): "none" | "remind" | "expire" {
  const age = now.getTime() - createdAt.getTime();
  if (age >= EXPIRE_AFTER_DAYS * DAY_MS) return "expire";
  if (age >= REMIND_AFTER_DAYS * DAY_MS) return "remind";
  return "none";
}

/** The oldest createdAt that is not yet due for `what` at `now` (for querying due requests). */
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
