import { exportRoster } from "../roster.js";
import { getProgram } from "../programs.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { directorButton, tell } from "./guard.js";
import { count } from "../../../slack/kit/plural.js";

/** "Export roster": the roster CSV is uploaded to the director's DM with the bot. */
export const exportRosterClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const { action, client } = args;
    const program = await getProgram(deps.db, by.workspaceId, action.value ?? "");
    const { csv, rows } = await exportRoster(deps.db, by, program.name, deps.now());
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
    if (args.body.response_url) await tell(args, `I sent the roster of *${escapeMrkdwn(program.name)}* (${count(rows, "row")}) to your DM with Rounds.`);
  });
