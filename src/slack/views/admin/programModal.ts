import { Bits, Blocks, Elements, Modal } from "slack-block-builder";
import type { ProgramRecord } from "../../../services/programs.js";
import { CADENCES } from "../../../domain/vocabulary.js";
import { PROGRAM_LIMITS } from "../../../domain/program.js";
import { ADMIN } from "./ids.js";

const { blocks: B, input } = ADMIN;

/** Create a program (no program given) or edit one (private_metadata holds its id). */
export function programModal(program: ProgramRecord | null, defaults: { timezone: string }) {
  const cadence = (key: string) => Bits.Option({ text: CADENCES.find((c) => c.key === key)!.label, value: key });
  const channel = Elements.ConversationSelect({ actionId: input, placeholder: "Pick a channel" }).filter("public", "private").excludeBotUsers();
  if (program?.announcementChannel) channel.initialConversation(program.announcementChannel);
  return Modal({
    title: program ? "Edit program" : "New program",
    submit: program ? "Save" : "Create",
    close: "Cancel",
    callbackId: ADMIN.views.program,
    privateMetaData: program?.id ?? "",
  })
    .blocks(
      Blocks.Input({ label: "Name", blockId: B.programName, hint: "e.g. Hematology Fellowship Mentoring" }).element(
        Elements.TextInput({ actionId: input, maxLength: PROGRAM_LIMITS.name, ...(program ? { initialValue: program.name } : {}) }),
      ),
      Blocks.Input({ label: "Description", blockId: B.programDescription })
        .optional()
        .element(
          Elements.TextInput({ actionId: input, maxLength: PROGRAM_LIMITS.description, ...(program?.description ? { initialValue: program.description } : {}) }).multiline(),
        ),
      Blocks.Input({ label: "Default check-in cadence", blockId: B.programCadence }).element(
        Elements.StaticSelect({ actionId: input })
          .options(CADENCES.map((c) => cadence(c.key)))
          .initialOption(cadence(program?.checkinCadence ?? "MONTHLY")),
      ),
      Blocks.Input({ label: "Announcement channel", blockId: B.programChannel, hint: "Where cohort announcements go. Invite Rounds to it." })
        .optional()
        .element(channel),
      Blocks.Input({ label: "Time zone", blockId: B.programTimezone, hint: "An IANA time zone, e.g. America/Chicago" }).element(
        Elements.TextInput({ actionId: input, initialValue: program?.timezone ?? defaults.timezone }),
      ),
      Blocks.Input({ label: "Default mentor capacity", blockId: B.programCapacity, hint: "Mentees per mentor unless a mentor sets their own (1–20)." }).element(
        Elements.NumberInput({
          actionId: input,
          isDecimalAllowed: false,
          minValue: PROGRAM_LIMITS.capacity.min,
          maxValue: PROGRAM_LIMITS.capacity.max,
          initialValue: program?.defaultCapacity ?? 3,
        }),
      ),
    )
    .buildToObject();
}
