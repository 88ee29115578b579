import { discardRun, labelOf } from "../../roundApproval.js";
import { discardedMessage } from "../../views/preview.js";
import { directorButton } from "../../../programs/listeners/guard.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { runIdOf } from "./context.js";

/** Discard: nothing is created, nobody is told; the preview says so in place. */
export function discardAction(deps: ListenerDeps) {
  return directorButton(deps, async (by, args) => {
    const run = await discardRun(deps.db, by, runIdOf(args), deps.now());
    await args.respond({ replace_original: true, ...discardedMessage(labelOf(run), by.actor) });
  });
}
