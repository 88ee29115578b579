import { createProgram, updateProgram } from "../../../../services/programs.js";
import { ProgramNameTaken } from "../../../../domain/errors.js";
import { programInputSchema } from "../../../../domain/program.js";
import { escapeMrkdwn } from "../../../views/escape.js";
import { ADMIN } from "../../../views/admin/ids.js";
import { CHECKIN_RECIPIENTS } from "../../../views/admin/programModal.js";
import { programSavedText } from "../../../views/admin/programFacts.js";
import type { ListenerDeps } from "../../deps.js";
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
        const name = `*${escapeMrkdwn(program.name)}*`;
        if (programId) return { done: { title: "Program saved", text: `${name} is saved.\n${programSavedText(program)}` } };
        return {
          done: {
            title: "Program created",
            text: `${name} is ready.\n${programSavedText(program)}\nNext, add a cohort (a year's intake, say) or add people straight away.`,
            next: [
              { text: "New cohort", actionId: ADMIN.actions.newCohort, value: program.id },
              { text: "Add people", actionId: ADMIN.actions.addPeople, value: program.id },
            ],
          },
        };
      } catch (error) {
        if (error instanceof ProgramNameTaken) return { errors: { [B.programName]: "A program with this name already exists in this workspace." } };
        throw error;
      }
    });
}
