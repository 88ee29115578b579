import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { endMatchAsDirector, nudgeBoth } from "../checkinsDirector.js";
import { MatchNotFound } from "../../../domain/errors.js";
import { checkinMessages, directorOutcome, escalationAfter } from "../views/messages.js";
import { CHECKIN_ACTIONS } from "../ids.js";
import { readMetadata } from "../../requests/views/form.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { afterAck, buttonValue, messageRef, teamOf, type ActionArgs } from "./context.js";

const target = z.object({ matchId: z.string().min(1), periodKey: z.string().min(1) });

/** A director's Nudge both · Reassign · End match on an escalation: do it (directors only), then show what was done in place. */
export function directorAction(deps: ListenerDeps) {
  return afterAck(deps, "checkin escalation", async ({ body, client }: ActionArgs) => {
    const action = body.actions[0]!.action_id;
    const parsed = readMetadata(target, buttonValue(body));
    if (!parsed) throw new MatchNotFound(buttonValue(body));
    const teamId = teamOf(body);
    const directory = deps.directory(client);
    let outcome: string;
    let next: { matchId: string; periodKey: string; traineeSlackId: string } | null = null;
    if (action === CHECKIN_ACTIONS.nudge) {
      const { match, sent } = await nudgeBoth(deps.db, directory, teamId, body.user.id, parsed, deps.now(), checkinMessages);
      outcome = directorOutcome(sent ? "nudged" : "already-nudged", body.user.id, match);
      next = { ...parsed, traineeSlackId: match.trainee.slackUserId };
    } else {
      const reassign = action === CHECKIN_ACTIONS.reassign;
      const match = await endMatchAsDirector(deps.db, directory, teamId, body.user.id, parsed, reassign, deps.now(), checkinMessages);
      outcome = directorOutcome(reassign ? "reassigned" : "ended", body.user.id, match);
    }
    deps.kickOutbox();
    const where = messageRef(body);
    const original = (body.message as { blocks?: unknown[] } | undefined)?.blocks ?? [];
    if (where) await client.chat.update({ ...where, ...escalationAfter(original, outcome, next) } as Parameters<WebClient["chat"]["update"]>[0]);
  });
}
