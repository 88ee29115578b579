import { Bits, Blocks, Elements, Md, Modal } from "slack-block-builder";
import type { ProgramOverview } from "../../programs/programs.js";
import { MENTOR_ROLES } from "../../../domain/vocabulary.js";
import { ROUND_DEFAULTS, ROUND_LIMITS } from "../../../domain/roundOptions.js";
import { ROUND_BLOCKS as B, ROUND_CALLBACKS, ROUND_VALUE } from "../ids.js";

const option = (text: string, value: string) => Bits.Option({ text: text.slice(0, 75), value });

export const KIND_LABELS = {
  MENTOR_MATCH: "Mentor match — every unmatched trainee gets a mentor",
  STABLE: "Stable match — both sides rank, then a stable matching",
  ROTATION: "Rotation — pairs or small groups, someone new each time",
  SPEED: "Speed mentoring — timed rotations at one event",
} as const;

export const WHEN_LABELS = {
  now: "Now — preview it right away",
  once: "Once, on a date and time",
  weekly: "Every 1, 2 or 4 weeks on a weekday",
  cron: "Custom schedule (cron expression)",
} as const;

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The "who" options: each program as a whole and each of its cohorts. */
function targets(programs: readonly ProgramOverview[]): { text: string; value: string }[] {
  // A static select holds at most 100 options.
  return programs.flatMap((p) => [
    { text: `${p.name} — whole program`, value: `p:${p.id}` },
    ...p.cohorts.map((c) => ({ text: `${p.name} › ${c.name}`, value: `c:${p.id}:${c.id}` })),
  ]).slice(0, 100);
}

const number = (label: string, block: string, hint: string, limits: { min: number; max: number }, initial: number) =>
  Blocks.Input({ label, blockId: block, hint })
    .optional()
    // Slack refuses a number_input without is_decimal_allowed; these are all whole numbers.
    .element(Elements.NumberInput({ actionId: ROUND_VALUE, isDecimalAllowed: false, minValue: limits.min, maxValue: limits.max, initialValue: initial }));

/**
 * The director's "New round" modal: who, what kind (with each kind's options; those of other kinds
 * are ignored), and when. Times are in the program's time zone.
 */
export function roundModal(programs: readonly ProgramOverview[], preselect?: string) {
  const whoOptions = targets(programs);
  const initialWho = whoOptions.find((o) => o.value === preselect) ?? (whoOptions.length === 1 ? whoOptions[0] : undefined);
  const who = Elements.StaticSelect({ actionId: ROUND_VALUE, placeholder: "Program or cohort" }).options(whoOptions.map((o) => option(o.text, o.value)));
  if (initialWho) who.initialOption(option(initialWho.text, initialWho.value));
  const zones = [...new Set(programs.map((p) => p.timezone))].join(", ");
  return Modal({ title: "New round", submit: "Create", close: "Cancel", callbackId: ROUND_CALLBACKS.create })
    .blocks(
      Blocks.Input({ label: "Name", blockId: B.name, hint: "What participants and directors see, e.g. Spring mentor match" }).element(
        Elements.TextInput({ actionId: ROUND_VALUE, maxLength: ROUND_LIMITS.name }),
      ),
      Blocks.Input({ label: "Who", blockId: B.target }).element(who),
      Blocks.Input({ label: "Kind of round", blockId: B.kind }).element(
        Elements.StaticSelect({ actionId: ROUND_VALUE }).options(Object.entries(KIND_LABELS).map(([k, l]) => option(l, k))),
      ),
      Blocks.Header({ text: "Options" }),
      Blocks.Input({ label: "Role wanted", blockId: B.role, hint: "Mentor and stable matches: the kind of mentorship created" })
        .optional()
        .element(
          Elements.StaticSelect({ actionId: ROUND_VALUE })
            .options(MENTOR_ROLES.map((r) => option(r.label, r.key)))
            .initialOption(option(MENTOR_ROLES[0]!.label, MENTOR_ROLES[0]!.key)),
        ),
      number("Group size", B.groupSize, "Rotations: 2 = pairs", ROUND_LIMITS.groupSize, ROUND_DEFAULTS.groupSize),
      Blocks.Input({ label: "Cross-group", blockId: B.crossGroup })
        .optional()
        .element(Elements.Checkboxes({ actionId: ROUND_VALUE }).options(option("Rotations: pair mentors with trainees, not peers", "cross"))),
      number("Rotations", B.rotations, "Speed mentoring: how many mentors each trainee meets", ROUND_LIMITS.rotations, ROUND_DEFAULTS.rotations),
      number("Minutes per rotation", B.minutesPerRotation, "Speed mentoring", ROUND_LIMITS.minutesPerRotation, ROUND_DEFAULTS.minutesPerRotation),
      Blocks.Input({ label: "Rotation 1 starts at", blockId: B.speedStart, hint: "Speed mentoring: the event's start. Leave time after the round runs: everyone gets their schedule once you approve the preview." })
        .optional()
        .element(Elements.TimePicker({ actionId: ROUND_VALUE })),
      Blocks.Input({ label: "Event day", blockId: B.speedDay, hint: "Speed mentoring, run now or once: empty = the day the round runs. A repeating round's event is on each run's day." })
        .optional()
        .element(Elements.DatePicker({ actionId: ROUND_VALUE })),
      number("Ranking days", B.rankDays, "Stable match: days to rank (trainees the first half, mentors the second)", ROUND_LIMITS.rankDays, ROUND_DEFAULTS.rankDays),
      Blocks.Header({ text: "When" }),
      Blocks.Context().elements(`Dates and times are in the program's time zone (${Md.codeInline(zones || "UTC")}). A round that runs later is announced to its participants about a day before, so they can skip it; you get each run's preview to approve.`),
      Blocks.Input({ label: "Runs", blockId: B.when }).element(
        Elements.RadioButtons({ actionId: ROUND_VALUE })
          .options(Object.entries(WHEN_LABELS).map(([k, l]) => option(l, k)))
          .initialOption(option(WHEN_LABELS.now, "now")),
      ),
      Blocks.Input({ label: "Date", blockId: B.date, hint: "For a one-off round" }).optional().element(Elements.DatePicker({ actionId: ROUND_VALUE })),
      Blocks.Input({ label: "Time", blockId: B.time, hint: "For a one-off or weekly round" }).optional().element(Elements.TimePicker({ actionId: ROUND_VALUE })),
      Blocks.Input({ label: "Weekday", blockId: B.weekday })
        .optional()
        .element(Elements.StaticSelect({ actionId: ROUND_VALUE }).options(WEEKDAYS.map((d, i) => option(d, String(i + 1))))),
      Blocks.Input({ label: "Every", blockId: B.everyWeeks })
        .optional()
        .element(
          Elements.StaticSelect({ actionId: ROUND_VALUE })
            .options(option("week", "1"), option("2 weeks", "2"), option("4 weeks", "4"))
            .initialOption(option("week", "1")),
        ),
      Blocks.Input({ label: "Cron expression", blockId: B.cron, hint: "minute hour day-of-month month weekday, e.g. 0 9 1 * * (the 1st of each month at 09:00)" })
        .optional()
        .element(Elements.TextInput({ actionId: ROUND_VALUE, placeholder: "0 9 * * 1" })),
    )
    .buildToObject();
}
