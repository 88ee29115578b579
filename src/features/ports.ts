import type { MemberProfile } from "../store/members.js";

/** What services need to know about a Slack user; slack/directory.ts answers from users.info. */
export interface SlackDirectory {
  userProfile(slackUserId: string): Promise<MemberProfile>;
}

export type Clock = () => Date;

/**
 * When a job run acts. `now` decides what is due (the scheduler's clock, or `job run --now`);
 * `sendFrom` is the notBefore of every message the run queues as due: the real time of the run,
 * the clock the outbox sends by. In the app the two are one; a `job run --now` ahead of the real
 * clock must not hold back what it decided is due, so it passes the real time as `sendFrom`.
 */
export interface RunTime {
  now: Date;
  sendFrom: Date;
}
