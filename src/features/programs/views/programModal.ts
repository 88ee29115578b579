import { Bits, Blocks, Elements, Modal } from "slack-block-builder";
import type { ProgramRecord } from "../programs.js";
import { CADENCES } from "../../../domain/vocabulary.js";
import { PROGRAM_LIMITS } from "../../../domain/program.js";
import { BREAK_LIMITS, breakLines } from "../../../domain/programBreaks.js";
import { ADMIN } from "../ids.js";
import { timezoneSelect } from "./timezoneSelect.js";

const { blocks: B, input } = ADMIN;

/** Who a check-in asks: the program's `checkinAlsoTrainee`, as the form's radio buttons. */
export const CHECKIN_RECIPIENTS = {
  mentor: { text: "The mentor", value: "mentor" },
  both: { text: "The mentor and the trainee", value: "both" },
} as const;

/** Breaks as the form writes them: one a line, 11–24 characters each. */
const BREAKS_MAX_CHARS = BREAK_LIMITS.count * 25;

/** Create a program (no program given) or edit one (private_metadata holds its id). */
export function programModal(program: ProgramRecord | null, defaults: { timezone: string }) {
  const cadence = (key: string) => Bits.Option({ text: CADENCES.find((c) => c.key === key)!.label, value: key });
  const channel = Elements.ConversationSelect({ actionId: input, placeholder: "Pick a channel" }).filter("public", "private").excludeBotUsers();
  if (program?.announcementChannel) channel.initialConversation(program.announcementChannel);
  const recipients = program?.checkinAlsoTrainee ? CHECKIN_RECIPIENTS.both : CHECKIN_RECIPIENTS.mentor;
  const breaks = Elements.TextInput({ actionId: input, maxLength: BREAKS_MAX_CHARS, placeholder: "2026-12-24 to 2027-01-02" }).multiline();
  if (program?.breaks.length) breaks.initialValue(breakLines(program.breaks));
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
      Blocks.Input({ label: "Time zone", blockId: B.programTimezone, hint: "Round times, announcement times and break days are read in this zone. Type a city to find it." }).element(
        timezoneSelect(input, program?.timezone ?? defaults.timezone),
      ),
      Blocks.Input({ label: "Default check-in cadence", blockId: B.programCadence, hint: "How often a pair is asked \u201cdid you meet?\u201d, unless they agree on another rhythm." }).element(
        Elements.StaticSelect({ actionId: input })
          .options(CADENCES.map((c) => cadence(c.key)))
          .initialOption(cadence(program?.checkinCadence ?? "MONTHLY")),
      ),
      Blocks.Input({ label: "Who gets the check-in", blockId: B.programCheckinRecipients, hint: "When both are asked, one answer from either settles the period." }).element(
        Elements.RadioButtons({ actionId: input })
          .options(Object.values(CHECKIN_RECIPIENTS).map((o) => Bits.Option(o)))
          .initialOption(Bits.Option(recipients)),
      ),
      Blocks.Input({
        label: "Breaks (no check-ins)",
        blockId: B.programBreaks,
        hint: "One a line: a day (2026-12-24) or a range (2026-12-24 to 2027-01-02). A check-in period that ends on a break day is skipped.",
      })
        .optional()
        .element(breaks),
      Blocks.Input({
        label: "Academic year starts on",
        blockId: B.programAcademicYear,
        hint: "Month-day, e.g. 07-01 for July 1 – June 30. Directors are offered \u201cClose the year\u201d 6 weeks before it ends.",
      }).element(Elements.TextInput({ actionId: input, maxLength: 5, placeholder: "07-01", initialValue: program?.academicYearStart ?? "07-01" })),
      Blocks.Input({ label: "Announcement channel", blockId: B.programChannel, hint: "Where cohort announcements go. Invite Rounds to it." })
        .optional()
        .element(channel),
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
