import { Blocks, Elements, Md, Modal } from "slack-block-builder";
import type { ProgramRecord } from "../programs.js";
import { PROGRAM_LIMITS } from "../../../domain/program.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { ADMIN } from "../ids.js";

const { blocks: B, input } = ADMIN;

/** New cohort in a program (private_metadata holds the program id). */
export function cohortModal(program: ProgramRecord) {
  return Modal({ title: "New cohort", submit: "Create", close: "Cancel", callbackId: ADMIN.views.cohort, privateMetaData: program.id })
    .blocks(
      Blocks.Section({ text: `A cohort of ${Md.bold(escapeMrkdwn(program.name))}.` }),
      Blocks.Input({ label: "Name", blockId: B.cohortName, hint: "e.g. 2026–27 Fellows" }).element(
        Elements.TextInput({ actionId: input, maxLength: PROGRAM_LIMITS.name }),
      ),
      Blocks.Input({ label: "Starts on", blockId: B.cohortStarts }).optional().element(Elements.DatePicker({ actionId: input })),
      Blocks.Input({ label: "Ends on", blockId: B.cohortEnds }).optional().element(Elements.DatePicker({ actionId: input })),
    )
    .buildToObject();
}
