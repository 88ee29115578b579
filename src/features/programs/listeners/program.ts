import { createProgram, updateProgram } from "../programs.js";
import { ProgramNameTaken } from "../../../domain/errors.js";
import { programInputSchema } from "../../../domain/program.js";
import { ADMIN } from "../ids.js";
import { CHECKIN_RECIPIENTS } from "../views/programModal.js";
import { programDone } from "../views/doneWords.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { blockErrors, ViewState } from "./state.js";
import { submitAsDirector, type SubmitArgs } from "./submit.js";

const B = ADMIN.blocks;
const FIELDS = {
  name: B.programName,
  description: B.programDescription,
  checkinCadence: B.programCadence,
  checkinAlsoTrainee: B.programCheckinRecipients,
  breaks: B.programBreaks,
  announcementChannel: B.programChannel,
  timezone: B.programTimezone,
  defaultCapacity: B.programCapacity,
};

/** Program modal submitted: create (no private_metadata) or edit that program. */
export function programSubmitted(deps: ListenerDeps) {
  return async (args: SubmitArgs) =>
    submitAsDirector(deps, args, async (by) => {
      const s = new ViewState(args.view.state.values);
      const parsed = programInputSchema.safeParse({
        name: s.text(B.programName) ?? "",
        description: s.text(B.programDescription) ?? "",
        checkinCadence: s.option(B.programCadence),
        checkinAlsoTrainee: s.option(B.programCheckinRecipients) === CHECKIN_RECIPIENTS.both.value,
        breaks: s.text(B.programBreaks) ?? "",
        announcementChannel: s.conversation(B.programChannel),
        timezone: s.option(B.programTimezone) ?? undefined,
        defaultCapacity: s.text(B.programCapacity) ?? "",
      });
      if (!parsed.success) return { errors: blockErrors(parsed.error, FIELDS) };
      const programId = args.view.private_metadata;
      try {
        const program = programId
          ? await updateProgram(deps.db, by, programId, parsed.data, deps.now())
          : await createProgram(deps.db, by, parsed.data, deps.now());
        return { done: programDone(program, !programId) };
      } catch (error) {
        if (error instanceof ProgramNameTaken) return { errors: { [B.programName]: "A program with this name already exists in this workspace." } };
        throw error;
      }
    });
}
