import type { CohortRecord } from "../../../store/programs.js";
import type { ProgramRecord } from "../../../store/programs.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { ADMIN, ADMIN_BUTTONS } from "../ids.js";
import type { NextStep } from "../../../slack/kit/doneModal.js";
import { programSavedText } from "./programFacts.js";

/** What a submitted admin form turns into (doneModal): its title, words and next steps as buttons. */
export interface Done {
  title: string;
  text: string;
  next?: NextStep[];
}

/** The program form saved: a new program offers its next steps (a cohort, people) as buttons. */
export function programDone(program: ProgramRecord, created: boolean): Done {
  const name = `*${escapeMrkdwn(program.name)}*`;
  if (!created) return { title: "Program saved", text: `${name} is saved.\n${programSavedText(program)}` };
  return {
    title: "Program created",
    text: `${name} is ready.\n${programSavedText(program)}\nNext, add a cohort (a year's intake, say) or add people straight away.`,
    next: [
      { text: "New cohort", actionId: ADMIN.actions.newCohort, value: program.id },
      { text: "Add people", actionId: ADMIN.actions.addPeople, value: ADMIN_BUTTONS.addPeople.codec.encode({ programId: program.id }) },
    ],
  };
}

/** The cohort form saved: its people are the next step. */
export function cohortDone(cohort: Pick<CohortRecord, "id" | "programId" | "name">): Done {
  return {
    title: "Cohort created",
    text: `Cohort *${escapeMrkdwn(cohort.name)}* is ready. Next, add its people.`,
    next: [{ text: "Add people", actionId: ADMIN.actions.addPeople, value: ADMIN_BUTTONS.addPeople.codec.encode({ programId: cohort.programId, cohortId: cohort.id }) }],
  };
}
