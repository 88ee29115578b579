import { grantDirector } from "../directors.js";
import { ADMIN } from "../ids.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { ViewState } from "./state.js";
import { submitAsDirector, type SubmitArgs } from "./submit.js";

/** Directors modal submitted: grant the role to the picked person. */
export function directorsSubmitted(deps: ListenerDeps) {
  return async (args: SubmitArgs) =>
    submitAsDirector(deps, args, async (by) => {
      const picked = new ViewState(args.view.state.values).user(ADMIN.blocks.directorGrant);
      if (!picked) return { errors: { [ADMIN.blocks.directorGrant]: "Pick a person to make a director." } };
      const outcome = await grantDirector(deps.db, deps.directory(args.client), by, picked, deps.now());
      const text = outcome === "granted" ? `<@${picked}> is now a director.` : `<@${picked}> was already a director; nothing changed.`;
      return { done: { title: "Directors", text }, alsoRefresh: [picked] };
    });
}
