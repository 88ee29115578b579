import type { ButtonInteraction, Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { count } from "../../../slack/kit/plural.js";
import type { ServiceContext } from "../../context.js";
import type { DirectorActor } from "../../programs/directors.js";
import type { ProgramOverview } from "../../programs/programs.js";
import { noProgramYet } from "../../programs/views/menu.js";
import type { SlackMessage } from "../../../slack/kit/message.js";
import { closeYear, previewYearClose, type Payload } from "../year.js";
import { yearReport } from "../yearReport.js";
import { YEAR } from "../ids.js";
import { yearMessages } from "../views/messages.js";
import { chooseProgramMessage, closedMessage, previewMessage } from "../views/preview.js";

/** A new message where the button was pressed (ephemeral under it), or a DM from Rounds when pressed on the App Home. */
async function showNew<V>(i: ButtonInteraction<V, "director">, m: Payload): Promise<void> {
  if (i.args.body.response_url) await i.args.respond({ response_type: "ephemeral", replace_original: false, ...m });
  else await i.client.chat.postMessage({ channel: i.userId, ...m });
}

/** The pressed message redrawn (the preview after a new cohort choice, or the close's result). */
async function redraw<V>(i: ButtonInteraction<V, "director">, m: Payload): Promise<void> {
  if (i.args.body.response_url) await i.args.respond({ replace_original: true, ...m });
  else if (i.message) await i.client.chat.update({ channel: i.message.channel, ts: i.message.ts, ...m } as Parameters<typeof i.client.chat.update>[0]);
  else await i.client.chat.postMessage({ channel: i.userId, ...m });
}

/**
 * The director's close-the-year flow: "Close the year…" (their DM, the admin command, the Home)
 * shows the preview; the cohort menu redraws it; Approve closes the year and shows what happened
 * with the next steps (roster import, New round, the year report).
 */
export function closeYearListeners(on: Interactions): void {
  const spec = { who: "director", when: "queued", errors: whereClicked } as const;
  for (const action of [YEAR.open, YEAR.openHome, YEAR.choose]) {
    on.button({ action, ...spec, label: "year close preview" }, async (i) => {
      await showNew(i, previewMessage(await previewYearClose(i.ctx, i.value)));
    });
  }

  on.button({ action: YEAR.cohort, ...spec, label: "year close cohort" }, async (i) => {
    await redraw(i, previewMessage(await previewYearClose(i.ctx, i.value.programId, i.value.cohort || undefined)));
  });

  on.button({ action: YEAR.approve, ...spec, label: "year close approve" }, async (i) => {
    const { programId, startYear, cohort } = i.value;
    const outcome = await closeYear({ ...i.ctx, messages: yearMessages }, i.by, programId, startYear, cohort || undefined);
    i.deps.kickOutbox();
    i.logger.info({ program: programId, startYear, outcome: outcome.kind }, "year close");
    await redraw(i, closedMessage(outcome));
  });

  on.button({ action: YEAR.report, ...spec, label: "year report" }, async (i) => {
    const { csv, rows, programName } = await yearReport(i.ctx.db, i.by, i.value, i.ctx.now);
    const dm = await i.client.conversations.open({ users: i.by.actor });
    await i.client.filesUploadV2({
      channel_id: dm.channel!.id!,
      content: csv,
      filename: `year-report-${programName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${i.ctx.now.toISOString().slice(0, 10)}.csv`,
      title: `Year report: ${programName}`,
      initial_comment: `The year report for ${programName}: ${count(rows, "row")} — who graduated, training years advanced, mentorships continued and ended, alumni invited to mentor and their answers.`,
    });
    if (i.args.body.response_url) await i.tell(`I sent the year report (${count(rows, "row")}) to your DM with Rounds.`);
  });
}

/** `/mentoring-admin close-year [program name]`: the preview for the named (or only) program, else a choice of program. */
export async function closeYearCommand(ctx: ServiceContext, _by: DirectorActor, programs: readonly ProgramOverview[], text: string): Promise<SlackMessage> {
  if (programs.length === 0) return noProgramYet("close the year of");
  const wanted = text.trim().toLowerCase();
  const named = wanted ? programs.find((p) => p.name.toLowerCase() === wanted) : programs.length === 1 ? programs[0] : undefined;
  if (!named) return chooseProgramMessage(programs);
  return previewMessage(await previewYearClose(ctx, named.id));
}
