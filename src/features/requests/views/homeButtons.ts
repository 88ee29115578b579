import { Blocks, Elements, Md, type BlockBuilder } from "slack-block-builder";
import type { RequestRow } from "../../../store/home.js";
import { labelOf, MENTOR_ROLES } from "../../../domain/vocabulary.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { day } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";
import { REQUEST, REQUEST_ACTIONS } from "../ids.js";
import { suffixedId } from "../../../slack/interaction/ids.js";

const role = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();

/** Requests a mentor's Home shows with their own Accept and Decline (two blocks each); the rest are counted. */
export const ANSWERABLE_ON_HOME = 10;

/** App Home: a "Withdraw" button per open request (Slack allows 25 elements in one actions block). */
export function withdrawButtons(rows: readonly RequestRow[]): BlockBuilder[] {
  if (rows.length === 0) return [];
  return [
    Blocks.Actions().elements(
      rows.slice(0, 25).map((r) =>
        Elements.Button({ text: `Withdraw: ${r.other.name} (${role(r.role)})`.slice(0, 75), actionId: suffixedId(REQUEST.withdrawHome, r.requestId), value: REQUEST.withdrawHome.codec.encode(r.requestId) }),
      ),
    ),
  ];
}

/** App Home: each request waiting for the mentor, with Accept and Decline (the same buttons as the request DM). */
export function answerButtons(rows: readonly RequestRow[], tz: string): BlockBuilder[] {
  const blocks: BlockBuilder[] = [];
  for (const r of rows.slice(0, ANSWERABLE_ON_HOME)) {
    blocks.push(
      Blocks.Section({ text: `<@${r.other.slackUserId}> asks you to be their ${Md.bold(role(r.role))} in ${escapeMrkdwn(r.programName)} (asked ${day(r.createdAt, tz)}).` }),
      Blocks.Actions().elements(
        Elements.Button({ text: "Accept", actionId: REQUEST_ACTIONS.accept, value: r.requestId }).primary(),
        Elements.Button({ text: "Decline", actionId: REQUEST_ACTIONS.decline, value: r.requestId }),
      ),
    );
  }
  const more = rows.length - ANSWERABLE_ON_HOME;
  if (more > 0) blocks.push(Blocks.Context().elements(`…and ${count(more, "more request")}: answer them from their messages in your DMs with Rounds.`));
  return blocks;
}
