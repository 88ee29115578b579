import { createProgram, updateProgram } from "../programs.js";
import { ProgramNameTaken } from "../../../domain/errors.js";
import { programInputSchema } from "../../../domain/program.js";
import { ADMIN, ADMIN_FORMS } from "../ids.js";
import { CHECKIN_RECIPIENTS } from "../views/programModal.js";
import { programDone } from "../views/doneWords.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { blockErrors, ViewState } from "./state.js";
import { adminForm } from "./submit.js";

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
  academicYearStart: B.programAcademicYear,
};

/** Program modal submitted: create (no private_metadata) or edit that program. */
export function programSubmitted(on: Interactions): void {
  adminForm(on, ADMIN_FORMS.program, async (i) => {
    const s = new ViewState(i.args.view.state.values);
    const parsed = programInputSchema.safeParse({
      name: s.text(B.programName) ?? "",
      description: s.text(B.programDescription) ?? "",
      checkinCadence: s.option(B.programCadence),
      checkinAlsoTrainee: s.option(B.programCheckinRecipients) === CHECKIN_RECIPIENTS.both.value,
      breaks: s.text(B.programBreaks) ?? "",
      announcementChannel: s.conversation(B.programChannel),
      timezone: s.option(B.programTimezone) ?? undefined,
      defaultCapacity: s.text(B.programCapacity) ?? "",
      academicYearStart: s.text(B.programAcademicYear) ?? "",
    });
    if (!parsed.success) return { errors: blockErrors(parsed.error, FIELDS) };
    const programId = i.metadata;
    try {
      const program = programId ? await updateProgram(i.ctx, i.by, programId, parsed.data) : await createProgram(i.ctx.db, i.by, parsed.data, i.ctx.now);
      return { done: programDone(program, !programId) };
    } catch (error) {
      if (error instanceof ProgramNameTaken) return { errors: { [B.programName]: "A program with this name already exists in this workspace." } };
      throw error;
    }
  });
}
