import { exportRoster } from "../roster.js";
import { getProgram } from "../programs.js";
import { ADMIN_BUTTONS as B } from "../ids.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { count } from "../../../slack/kit/plural.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

/** "Export roster": the roster CSV is uploaded to the director's DM with the bot. */
export function exportRosterButtons(on: Interactions): void {
  for (const action of [B.exportRoster, B.homeExportRoster]) {
    on.button({ action, who: "director", when: "queued", errors: whereClicked, label: "admin action" }, async (i) => {
      const { client, by } = i;
      const program = await getProgram(i.ctx.db, by.workspaceId, i.value);
      const { csv, rows } = await exportRoster(i.ctx.db, by, program.name, i.ctx.now);
      const dm = await client.conversations.open({ users: by.actor });
      const filename = `${program.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "roster"}-roster.csv`;
      await client.filesUploadV2({
        channel_id: dm.channel!.id!,
        content: csv,
        filename,
        title: `${program.name} roster`,
        initial_comment: `Roster of ${escapeMrkdwn(program.name)}: ${count(rows, "row")}, in the import format.`,
      });
      // From the App Home the upload's own comment in the DM says it all; under the menu, say where it went.
      if (i.args.body.response_url) await i.tell(`I sent the roster of *${escapeMrkdwn(program.name)}* (${count(rows, "row")}) to your DM with Rounds.`);
    });
  }
}
