import type { Db } from "../../store/database.js";
import { availableMentors as availableMentorsQuery, clearPause, pauseOf, setPause, type AvailableMentor } from "../../store/availability.js";
import { pauseState, pauseUntil, type PauseState } from "../../domain/availability.js";
import { InvalidPauseDate, PauseDateInPast } from "../../domain/errors.js";
import { ensureMember } from "./members.js";
import type { WithDirectory } from "../context.js";

export interface AvailabilityResult {
  state: PauseState;
  tz: string;
}

/**
 * Pauses a person until the end of `date` in their own time zone, or until they resume when
 * `date` is null. Throws InvalidPauseDate / PauseDateInPast with nothing changed.
 */
export async function pause({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string, date: string | null): Promise<AvailabilityResult> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  let until: Date | null = null;
  if (date !== null) {
    const checked = pauseUntil(date, member.tz, now);
    if (!checked.ok) throw checked.reason === "past" ? new PauseDateInPast(date) : new InvalidPauseDate(date);
    until = checked.until;
  }
  await setPause(db, workspaceId, member.id, now, until);
  return { state: pauseState({ pausedAt: now, pausedUntil: until }, member.tz, now), tz: member.tz };
}

export async function resume({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string): Promise<AvailabilityResult> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  await clearPause(db, workspaceId, member.id);
  return { state: { kind: "available" }, tz: member.tz };
}

export async function availability({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string): Promise<AvailabilityResult> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  return { state: pauseState(await pauseOf(db, workspaceId, member.id), member.tz, now), tz: member.tz };
}

/** Mentors of a program who may be suggested or paired on `now` (paused ones left out). */
export function availableMentors(db: Db, workspaceId: string, programId: string, now: Date): Promise<AvailableMentor[]> {
  return availableMentorsQuery(db, workspaceId, programId, now);
}
