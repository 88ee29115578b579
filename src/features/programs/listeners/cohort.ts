import { createCohort } from "../programs.js";
import { CohortNameTaken } from "../../../domain/errors.js";
import { cohortInputSchema } from "../../../domain/program.js";
import { cohortDone } from "../views/doneWords.js";
import { ADMIN, ADMIN_FORMS } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { blockErrors, ViewState } from "./state.js";
import { adminForm } from "./submit.js";

const B = ADMIN.blocks;
const FIELDS = { name: B.cohortName, startsOn: B.cohortStarts, endsOn: B.cohortEnds };

/** Cohort modal submitted: a new cohort in the program named by private_metadata. */
export function cohortSubmitted(on: Interactions): void {
  adminForm(on, ADMIN_FORMS.cohort, async (i) => {
    const s = new ViewState(i.args.view.state.values);
    const parsed = cohortInputSchema.safeParse({ name: s.text(B.cohortName) ?? "", startsOn: s.date(B.cohortStarts), endsOn: s.date(B.cohortEnds) });
    if (!parsed.success) return { errors: blockErrors(parsed.error, FIELDS) };
    try {
      const cohort = await createCohort(i.ctx, i.by, i.metadata, parsed.data);
      return { done: cohortDone(cohort) };
    } catch (error) {
      if (error instanceof CohortNameTaken) return { errors: { [B.cohortName]: "This program already has a cohort with this name." } };
      throw error;
    }
  });
}
