import { Bits, Blocks, Elements, Md, Modal } from "slack-block-builder";
import type { CohortRecord, ProgramRecord } from "../programs.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { ADMIN } from "../ids.js";

const { blocks: B, input } = ADMIN;

export const ROLE_OPTIONS = [
  { value: "TRAINEE", text: "Trainee" },
  { value: "MENTOR", text: "Mentor" },
  { value: "DIRECTOR", text: "Director" },
] as const;

/** Add people to a program with a role and, optionally, a cohort (`cohortId` chosen at first; private_metadata: program id). */
export function peopleModal(program: ProgramRecord, cohorts: CohortRecord[], cohortId?: string) {
  const blocks = [
    Blocks.Section({
      text: `Add people to ${Md.bold(escapeMrkdwn(program.name))}. Someone already in the program with that role is updated, not added twice.`,
    }),
    Blocks.Input({ label: "People", blockId: B.peopleUsers }).element(Elements.UserMultiSelect({ actionId: input, placeholder: "Pick people" }).maxSelectedItems(50)),
    Blocks.Input({ label: "Role", blockId: B.peopleRole }).element(
      Elements.StaticSelect({ actionId: input, placeholder: "Pick a role" }).options(ROLE_OPTIONS.map((r) => Bits.Option(r))),
    ),
  ];
  if (cohorts.length) {
    const option = (c: CohortRecord) => Bits.Option({ text: c.name.slice(0, 75), value: c.id });
    const offered = cohorts.slice(0, 100);
    const select = Elements.StaticSelect({ actionId: input, placeholder: "No cohort" }).options(offered.map(option));
    const chosen = offered.find((c) => c.id === cohortId);
    if (chosen) select.initialOption(option(chosen));
    blocks.push(Blocks.Input({ label: "Cohort", blockId: B.peopleCohort }).optional().element(select));
  }
  return Modal({ title: "Add people", submit: "Add", close: "Cancel", callbackId: ADMIN.views.people, privateMetaData: program.id })
    .blocks(blocks)
    .buildToObject();
}
