import { Bits, Blocks, Elements, Md, Modal } from "slack-block-builder";
import type { Term } from "../../../domain/vocabulary.js";
import type { ProgramRecord } from "../../../store/programs.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { dayTime } from "../../../slack/kit/dates.js";
import { CHOICE_BLOCKS, hostBlock, ROUND_TABLE_CALLBACKS, SETUP_BLOCKS, VALUE } from "../ids.js";
import { ROUND_TABLE_LIMITS, type ChoiceForm } from "../roundTables.js";

/** Hosts one career path may have (one table each). */
export const HOSTS_PER_PATH = 5;

const number = (label: string, block: string, limits: { min: number; max: number }, initial: number, hint: string) =>
  Blocks.Input({ label, blockId: block, hint }).element(
    Elements.NumberInput({ actionId: VALUE, isDecimalAllowed: false, minValue: limits.min, maxValue: limits.max, initialValue: initial }),
  );

/**
 * The set-up modal: program, when, rotations, table size, the choice deadline, and the hosts, a
 * field per career path (the program's paths, or every program's when none is chosen yet).
 */
export function setupModal(programs: readonly ProgramRecord[], paths: readonly Term[], preselect?: string | null) {
  const program = Elements.StaticSelect({ actionId: VALUE, placeholder: "Program" }).options(programs.slice(0, 100).map((p) => Bits.Option({ text: p.name.slice(0, 75), value: p.id })));
  const chosen = programs.find((p) => p.id === preselect);
  if (chosen) program.initialOption(Bits.Option({ text: chosen.name.slice(0, 75), value: chosen.id }));
  return Modal({ title: "New round tables", submit: "Set up", close: "Cancel", callbackId: ROUND_TABLE_CALLBACKS.setup })
    .blocks(
      Blocks.Section({ text: "Career round tables: mentors host a table for their career path; trainees choose 2 or 3 paths and meet a different table each rotation." }),
      Blocks.Input({ label: "Program", blockId: SETUP_BLOCKS.program, hint: "Every trainee of the program is invited by DM to choose." }).element(program),
      Blocks.Input({ label: "Date", blockId: SETUP_BLOCKS.date }).element(Elements.DatePicker({ actionId: VALUE })),
      Blocks.Input({ label: "Start time", blockId: SETUP_BLOCKS.time, hint: "In the program's time zone." }).element(Elements.TimePicker({ actionId: VALUE })),
      number("Rotations", SETUP_BLOCKS.rotations, ROUND_TABLE_LIMITS.rotations, 3, "How many tables each trainee visits; at most the number of tables."),
      number("Minutes per rotation", SETUP_BLOCKS.minutes, ROUND_TABLE_LIMITS.minutesPerRotation, 20, "Rotations follow each other without a break."),
      number("Table size", SETUP_BLOCKS.tableSize, ROUND_TABLE_LIMITS.tableSize, 6, "The most trainees at one table in a rotation."),
      Blocks.Input({ label: "Choices close on", blockId: SETUP_BLOCKS.deadlineDate }).element(Elements.DatePicker({ actionId: VALUE })),
      Blocks.Input({ label: "Choices close at", blockId: SETUP_BLOCKS.deadlineTime, hint: "Then everyone is seated and gets their schedule by DM." }).element(Elements.TimePicker({ actionId: VALUE })),
      Blocks.Header({ text: "Hosts" }),
      Blocks.Context().elements("Each host is a mentor of the program with that career path on their profile, and hosts one table. Leave a path empty for no table."),
      ...paths.slice(0, 40).map((p) =>
        Blocks.Input({ label: p.label.slice(0, 150), blockId: hostBlock(p.key) })
          .optional()
          .element(Elements.UserMultiSelect({ actionId: VALUE, placeholder: "Host(s)", maxSelectedItems: HOSTS_PER_PATH })),
      ),
    )
    .buildToObject();
}

/** The trainee's choice modal: first, second and (optional) third career path, among the hosted ones. */
export function choiceModal(form: ChoiceForm) {
  const s = form.session;
  const options = s.paths.map((p) => Bits.Option({ text: p.label.slice(0, 75), value: p.key }));
  const select = (i: number) => {
    const el = Elements.StaticSelect({ actionId: VALUE, placeholder: "Career path" }).options(options);
    const current = s.paths.find((p) => p.key === form.current[i]);
    if (current) el.initialOption(Bits.Option({ text: current.label.slice(0, 75), value: current.key }));
    return el;
  };
  return Modal({ title: "Career round tables", submit: "Save choices", close: "Cancel", callbackId: ROUND_TABLE_CALLBACKS.choose, privateMetaData: s.id })
    .blocks(
      Blocks.Section({
        text:
          `${Md.bold(escapeMrkdwn(s.programName))} — round tables on ${dayTime(s.startsAt, s.timezone)}. ` +
          `Choose 2 or 3 career paths you'd like to hear about, most wanted first. You can change them until ${dayTime(s.choiceDeadline, s.timezone)}.`,
      }),
      Blocks.Input({ label: "First choice", blockId: CHOICE_BLOCKS.first }).element(select(0)),
      Blocks.Input({ label: "Second choice", blockId: CHOICE_BLOCKS.second }).element(select(1)),
      Blocks.Input({ label: "Third choice", blockId: CHOICE_BLOCKS.third }).optional().element(select(2)),
    )
    .buildToObject();
}
