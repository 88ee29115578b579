import { z } from "zod";
import { chooseCadence } from "../matches.js";
import { MatchNotFound } from "../../../domain/errors.js";
import { requestMessages } from "../views/messages.js";
import { readMetadata } from "../views/form.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { answering, buttonValue, messageRef, teamOf, type ActionArgs } from "./context.js";

const value = z.object({ matchId: z.string().min(1), cadence: z.enum(["WEEKLY", "BIWEEKLY", "MONTHLY", "BIMONTHLY", "QUARTERLY"]) });

/** A cadence button in the introduction: store the agreed rhythm and show it in the message. */
export function cadenceAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    await answering(deps, args, async () => {
      const choice = readMetadata(value, buttonValue(body));
      if (!choice) throw new MatchNotFound(buttonValue(body));
      const match = await chooseCadence(deps.db, teamOf(body), body.user.id, choice.matchId, choice.cadence);
      const where = messageRef(body);
      if (where) await client.chat.update({ ...where, ...requestMessages.intro(match) } as Parameters<typeof client.chat.update>[0]);
    });
  };
}
