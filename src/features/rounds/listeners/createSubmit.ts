import { createRound, runRoundNow } from "../rounds.js";
import { roundPorts } from "../roundPorts.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { blockOfWhen, readRoundForm } from "../views/roundForm.js";
import { roundCreatedText, ROUNDS_LIST } from "../views/roundList.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { submitAsDirector, type SubmitArgs } from "../../programs/listeners/submit.js";

/** The "New round" modal submitted: inline errors, or the round set up (and, for "now", run at once). */
export function createRoundSubmitted(deps: ListenerDeps) {
  return async (args: SubmitArgs) =>
    submitAsDirector(deps, args, async (by) => {
      const read = readRoundForm(args.view.state.values);
      if (!read.ok) return { errors: read.errors };
      const created = await createRound(deps.db, by, read.form, deps.now());
      if (!created.ok) return { errors: { [blockOfWhen(created.field)]: created.message } };
      const { round } = created;
      if (read.form.when !== "now") return { done: { title: "Round created", text: roundCreatedText(round), next: [ROUNDS_LIST] } };
      const name = `*${escapeMrkdwn(round.name)}*`;
      return {
        working: { title: "Round created", text: `${name} is being put together…` },
        finish: async () => {
          const pass = await runRoundNow(deps.db, by.workspaceId, round.id, deps.now(), roundPorts);
          deps.kickOutbox();
          const text = pass.rankingOpened
            ? `${name} has started: trainees are ranking their mentors now. You'll get the preview when ranking closes.`
            : `${name} is ready: the preview is on its way to your DM with Rounds. Nothing is created and nobody is told until you approve it there.`;
          return { done: { title: "Round created", text } };
        },
      };
    });
}
