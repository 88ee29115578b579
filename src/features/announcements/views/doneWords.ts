import type { AnnouncementRecord } from "../announcements.js";
import { dayTime } from "../../../slack/kit/dates.js";
import { inviteCommand } from "../../../slack/botName.js";
import type { NextStep } from "../../../slack/kit/doneModal.js";
import { DM_COPIES_KEEP_OLD_WORDS } from "./composeModal.js";
import { ANNOUNCE } from "../ids.js";

/** What the preview becomes once the director pressed Post (doneModal): title, words and next steps as buttons. */
export interface Published {
  title: string;
  text: string;
  next?: NextStep[];
}

/** The list, where a director edits or cancels what they posted or scheduled. */
const LIST: NextStep = { text: "Announcements", actionId: ANNOUNCE.actions.list };

type Scheduled = Pick<AnnouncementRecord, "channelId" | "postAt" | "timezone">;

export const announcementDone = {
  /** Posted now, into a private channel Rounds is not in (`botName`: the app's name, auth.test). */
  waitingForInvite: (channel: string, botName: string): Published => ({
    title: "Waiting for an invite",
    text: `Rounds isn't a member of <#${channel}>, which is private. Open <#${channel}> and type \`${inviteCommand(botName)}\`: the announcement waits and goes out as soon as Rounds is in (I'll also remind you by DM).`,
  }),
  postedNow: (channel: string, alsoDm: boolean): Published => ({
    title: "Announcement posted",
    text: `Posting it in <#${channel}> now${alsoDm ? ", and by DM to each member" : ""}. To change its words later, find it under Announcements.`,
    next: [LIST],
  }),
  scheduled: (a: Scheduled): Published => ({
    title: "Announcement scheduled",
    text: `It posts in <#${a.channelId}> on ${dayTime(a.postAt, a.timezone)}. You can edit or cancel it under Announcements until then.`,
    next: [LIST],
  }),
  /** An edit of a posted one, which Slack would not apply to the channel message. */
  editNotApplied: (channel: string, programId: string): Published => ({
    title: "Saved, not updated",
    text: `Your new words are saved, but Slack did not let Rounds update the message in <#${channel}> (it may have been deleted). If people need them, post a new announcement.`,
    next: [{ text: "New announcement", actionId: ANNOUNCE.actions.compose, value: programId }],
  }),
  editApplied: (channel: string, alsoDm: boolean): Published => ({
    title: "Announcement updated",
    text: `The message in <#${channel}> now says what you wrote.${alsoDm ? ` ${DM_COPIES_KEEP_OLD_WORDS}` : ""}`,
    next: [LIST],
  }),
  /** An edit of one that was due: it goes out now. */
  editPostedNow: (channel: string): Published => ({ title: "Announcement posted", text: `Posting it in <#${channel}> now.`, next: [LIST] }),
  /** An edit of a scheduled one. */
  editSaved: (a: Scheduled): Published => ({ title: "Announcement saved", text: `It posts in <#${a.channelId}> on ${dayTime(a.postAt, a.timezone)}.`, next: [LIST] }),
};
