import type { WebClient } from "@slack/web-api";
import { endMatchAsDirector, nudgeBoth } from "../checkinsDirector.js";
import { MatchNotFound } from "../../../domain/errors.js";
import { checkinMessages, directorOutcome, escalationAfter } from "../views/messages.js";
import { CHECKIN } from "../ids.js";
import type { ButtonInteraction, Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

type Target = { matchId: string; periodKey: string };

/**
 * A director's Nudge both · Reassign · End match on an escalation: do it, then show what was done
 * in place. The services check the presser is a director of the workspace (anyone else is refused).
 */
export function escalationButtons(on: Interactions): void {
  const spec = { who: "anyone", when: "queued", errors: whereClicked, label: "checkin escalation", invalid: (raw: string) => new MatchNotFound(raw) } as const;
  on.button({ action: CHECKIN.nudge, ...spec }, async (i) => {
    const { match, sent } = await nudgeBoth({ ...i.ctx, messages: checkinMessages }, i.userId, i.value);
    await showOutcome(i, directorOutcome(sent ? "nudged" : "already-nudged", i.userId, match), { ...i.value, traineeSlackId: match.trainee.slackUserId });
  });
  for (const [action, reassign] of [[CHECKIN.reassign, true], [CHECKIN.end, false]] as const) {
    on.button({ action, ...spec }, async (i) => {
      const match = await endMatchAsDirector({ ...i.ctx, messages: checkinMessages }, i.userId, i.value, reassign);
      await showOutcome(i, directorOutcome(reassign ? "reassigned" : "ended", i.userId, match), null);
    });
  }
}

async function showOutcome(i: ButtonInteraction<Target, "anyone">, outcome: string, next: (Target & { traineeSlackId: string }) | null): Promise<void> {
  i.deps.kickOutbox();
  const original = (i.args.body.message as { blocks?: unknown[] } | undefined)?.blocks ?? [];
  if (i.message) await i.client.chat.update({ ...i.message, ...escalationAfter(original, outcome, next) } as Parameters<WebClient["chat"]["update"]>[0]);
}
