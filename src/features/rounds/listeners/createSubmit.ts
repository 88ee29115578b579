import { createRound, runRoundNow } from "../rounds.js";
import { roundPorts } from "../roundPorts.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { blockOfWhen, readRoundForm } from "../views/roundForm.js";
import { roundCreatedText, ROUNDS_LIST } from "../views/roundList.js";
import { ROUND_FORMS } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { adminForm } from "../../programs/listeners/submit.js";

/** The "New round" modal submitted: inline errors, or the round set up (and, for "now", run at once). */
export function createRoundSubmitted(on: Interactions): void {
  adminForm(on, ROUND_FORMS.create, async (i) => {
    const read = readRoundForm(i.args.view.state.values);
    if (!read.ok) return { errors: read.errors };
    const created = await createRound(i.ctx.db, i.by, read.form, i.ctx.now);
    if (!created.ok) return { errors: { [blockOfWhen(created.field)]: created.message } };
    const { round } = created;
    if (read.form.when !== "now") return { done: { title: "Round created", text: roundCreatedText(round), next: [ROUNDS_LIST] } };
    const name = `*${escapeMrkdwn(round.name)}*`;
    return {
      working: { title: "Round created", text: `${name} is being put together…` },
      finish: async () => {
        const pass = await runRoundNow({ ...i.ctx, workspaceId: i.by.workspaceId, now: i.deps.now() }, round.id, roundPorts);
        i.deps.kickOutbox();
        const text = pass.rankingOpened
          ? `${name} has started: trainees are ranking their mentors now. You'll get the preview when ranking closes.`
          : `${name} is ready: the preview is on its way to your DM with Rounds. Nothing is created and nobody is told until you approve it there.`;
        return { done: { title: "Round created", text } };
      },
    };
  });
}
