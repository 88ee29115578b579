import { grantDirector } from "../directors.js";
import { ADMIN, ADMIN_FORMS } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { ViewState } from "./state.js";
import { adminForm } from "./submit.js";

/** Directors modal submitted: grant the role to the picked person. */
export function directorsSubmitted(on: Interactions): void {
  adminForm(on, ADMIN_FORMS.directors, async (i) => {
    const picked = new ViewState(i.args.view.state.values).user(ADMIN.blocks.directorGrant);
    if (!picked) return { errors: { [ADMIN.blocks.directorGrant]: "Pick a person to make a director." } };
    const outcome = await grantDirector(i.ctx, i.by, picked);
    const text = outcome === "granted" ? `<@${picked}> is now a director.` : `<@${picked}> was already a director; nothing changed.`;
    return { done: { title: "Directors", text }, alsoRefresh: [picked] };
  });
}
