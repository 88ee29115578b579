import { thanksCounts, thanksShortlist } from "../thanks.js";
import { thanksCountsMessage } from "../views/views.js";
import { count } from "../../../slack/kit/plural.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { THANK } from "../ids.js";

/** A director's thanks buttons in the admin menu: the counts, and the award shortlist. */
export function thanksButtons(on: Interactions): void {
  /** "Thank-yous": the counts, where the director pressed. */
  on.button({ action: THANK.counts, who: "director", when: "queued", errors: whereClicked, label: "thanks counts" }, async (i) => {
    const m = thanksCountsMessage(await thanksCounts(i.ctx.db, i.by.workspaceId));
    if (i.args.body.response_url) await i.args.respond({ response_type: "ephemeral", replace_original: false, ...m });
    else await i.client.chat.postMessage({ channel: i.by.actor, ...m });
  });

  /** "Award shortlist (CSV)": the shortlist uploaded to the director's DM with Rounds (files.uploadV2). */
  on.button({ action: THANK.shortlist, who: "director", when: "queued", errors: whereClicked, label: "thanks shortlist" }, async (i) => {
    const { by, client } = i;
    const programId = i.value;
    const { csv, rows } = await thanksShortlist(i.ctx.db, by, programId ? { programId } : {}, i.ctx.now);
    const dm = await client.conversations.open({ users: by.actor });
    await client.filesUploadV2({
      channel_id: dm.channel!.id!,
      content: csv,
      filename: `thanks-shortlist-${i.ctx.now.toISOString().slice(0, 10)}.csv`,
      title: "Mentorship award shortlist",
      initial_comment: `Mentorship award shortlist: ${rows} ${rows === 1 ? "mentor" : "mentors"}, most thanked first, with the notes they received.`,
    });
    if (i.args.body.response_url) await i.tell(`I sent the award shortlist (${count(rows, "mentor")}) to your DM with Rounds.`);
  });
}
