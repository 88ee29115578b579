import type { MemberProfile } from "../store/members.js";

/** What services need to know about a Slack user; slack/directory.ts answers from users.info. */
export interface SlackDirectory {
  userProfile(slackUserId: string): Promise<MemberProfile>;
}

export type Clock = () => Date;
