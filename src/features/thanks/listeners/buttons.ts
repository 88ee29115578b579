import { thanksCounts, thanksShortlist } from "../thanks.js";
import { thanksCountsMessage } from "../views/views.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { count } from "../../../slack/kit/plural.js";
import { directorButton, tell } from "../../programs/listeners/guard.js";

/** "Thank-yous" in the admin menu: the counts, where the director pressed. */
export const countsClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const m = thanksCountsMessage(await thanksCounts(deps.db, by.workspaceId));
    if (args.body.response_url) await args.respond({ response_type: "ephemeral", replace_original: false, ...m });
    else await args.client.chat.postMessage({ channel: by.actor, ...m });
  });

/** "Award shortlist (CSV)": the shortlist uploaded to the director's DM with Rounds (files.uploadV2). */
export const shortlistClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const programId = args.action.value || undefined;
    const { csv, rows } = await thanksShortlist(deps.db, by, programId ? { programId } : {}, deps.now());
    const dm = await args.client.conversations.open({ users: by.actor });
    await args.client.filesUploadV2({
      channel_id: dm.channel!.id!,
      content: csv,
      filename: `thanks-shortlist-${deps.now().toISOString().slice(0, 10)}.csv`,
      title: "Mentorship award shortlist",
      initial_comment: `Mentorship award shortlist: ${rows} ${rows === 1 ? "mentor" : "mentors"}, most thanked first, with the notes they received.`,
    });
    if (args.body.response_url) await tell(args, `I sent the award shortlist (${count(rows, "mentor")}) to your DM with Rounds.`);
  });
