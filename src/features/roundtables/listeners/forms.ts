import { DateTime } from "luxon";
import { z } from "zod";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import type { SubmittedState } from "../../../slack/kit/submittedState.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { dayTime } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";
import { openedModalAndNote } from "../../../slack/interaction/surfaces.js";
import { findProgram } from "../../../store/programs.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import { adminForm } from "../../programs/listeners/submit.js";
import { CHOICE_BLOCKS, HOST_BLOCK_PREFIX, hostBlock, ROUND_TABLE, ROUND_TABLE_FORMS, SETUP_BLOCKS, VALUE } from "../ids.js";
import { choiceForm, createRoundTableSession, ROUND_TABLE_LIMITS, saveChoice, type ChoiceField, type SessionField } from "../roundTables.js";
import { choiceModal } from "../views/forms.js";
import { roundTableMessages } from "../views/messages.js";

const B = SETUP_BLOCKS;
const int = (limits: { min: number; max: number }, what: string) =>
  z.coerce.number({ error: `Enter the ${what}.` }).int(`Enter a whole number of ${what}.`).min(limits.min, `At least ${limits.min}.`).max(limits.max, `At most ${limits.max}.`);
const setupSchema = z.object({
  program: z.string({ error: "Choose a program." }).min(1, "Choose a program."),
  date: z.string({ error: "Choose the day." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day."),
  time: z.string({ error: "Choose the start time." }).regex(/^\d{2}:\d{2}$/, "Choose the start time."),
  rotations: int(ROUND_TABLE_LIMITS.rotations, "rotations"),
  minutes: int(ROUND_TABLE_LIMITS.minutesPerRotation, "minutes"),
  tableSize: int(ROUND_TABLE_LIMITS.tableSize, "trainees per table"),
  deadlineDate: z.string({ error: "Choose the day choices close." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day choices close."),
  deadlineTime: z.string({ error: "Choose the time choices close." }).regex(/^\d{2}:\d{2}$/, "Choose the time choices close."),
});
const BLOCK_OF: Record<string, string> = {
  program: B.program,
  date: B.date,
  time: B.time,
  rotations: B.rotations,
  minutes: B.minutes,
  tableSize: B.tableSize,
  deadlineDate: B.deadlineDate,
  deadlineTime: B.deadlineTime,
};
const FIELD_BLOCK: Record<Exclude<SessionField, "hosts">, string> = { program: B.program, startsAt: B.time, choiceDeadline: B.deadlineTime, rotations: B.rotations };

/** A day and time of day in a zone, as the moment it names. */
const at = (date: string, time: string, zone: string) => DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();

function readSetup(values: SubmittedState) {
  const el = (block: string) => values[block]?.[VALUE];
  const parsed = setupSchema.safeParse({
    program: el(B.program)?.selected_option?.value ?? undefined,
    date: el(B.date)?.selected_date ?? undefined,
    time: el(B.time)?.selected_time ?? undefined,
    rotations: el(B.rotations)?.value ?? undefined,
    minutes: el(B.minutes)?.value ?? undefined,
    tableSize: el(B.tableSize)?.value ?? undefined,
    deadlineDate: el(B.deadlineDate)?.selected_date ?? undefined,
    deadlineTime: el(B.deadlineTime)?.selected_time ?? undefined,
  });
  const hosts = Object.keys(values)
    .filter((block) => block.startsWith(HOST_BLOCK_PREFIX))
    .flatMap((block) => (values[block]?.[VALUE]?.selected_users ?? []).map((slackUserId) => ({ slackUserId, careerPath: block.slice(HOST_BLOCK_PREFIX.length) })));
  return { parsed, hosts };
}

/** The set-up modal's "Set up": inline errors, or the session created and everyone invited. */
export function roundTableSetupSubmitted(on: Interactions): void {
  adminForm(on, ROUND_TABLE_FORMS.setup, async (i) => {
    const { parsed, hosts } = readSetup(i.values);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[BLOCK_OF[String(issue.path[0])]!] ??= issue.message;
      return { errors };
    }
    const f = parsed.data;
    const program = await findProgram(i.ctx.db, i.by.workspaceId, f.program);
    if (!program) return { errors: { [B.program]: "Choose a program." } };
    const created = await createRoundTableSession({ ...i.ctx, workspaceId: i.by.workspaceId, messages: roundTableMessages }, i.by, {
      programId: program.id,
      startsAt: at(f.date, f.time, program.timezone),
      rotations: f.rotations,
      minutesPerRotation: f.minutes,
      tableSize: f.tableSize,
      choiceDeadline: at(f.deadlineDate, f.deadlineTime, program.timezone),
      hosts,
    });
    if (!created.ok) {
      const block = created.field === "hosts" ? (created.path && i.values[hostBlock(created.path)] ? hostBlock(created.path) : Object.keys(i.values).find((k) => k.startsWith(HOST_BLOCK_PREFIX)) ?? B.program) : FIELD_BLOCK[created.field];
      return { errors: { [block]: created.message } };
    }
    i.deps.kickOutbox();
    const s = created.session;
    return {
      done: {
        title: "Round tables set up",
        text:
          `:round_pushpin: ${escapeMrkdwn(s.programName)}'s career round tables are set for ${dayTime(s.startsAt, s.timezone)} with ${count(s.hosts.length, "table")}. ` +
          `${count(created.invited, "trainee")} ${created.invited === 1 ? "is" : "are"} invited by DM to choose by ${dayTime(s.choiceDeadline, s.timezone)}, and each host is told. ` +
          "Everyone is seated when choices close (or when you press Seat now).",
        next: [{ text: "Round tables", actionId: ROUND_TABLE.list.id }],
      },
    };
  });
}

/** "Choose career paths" (DM, Home): the choice modal, filled with earlier choices. */
export function chooseButton(on: Interactions): void {
  on.button({ action: ROUND_TABLE.choose, who: "anyone", when: "queued", errors: openedModalAndNote, label: "round-table choice", opensModal: { title: "Career round tables" } }, async (i) => {
    const form = await choiceForm(i.ctx, i.userId, i.value);
    if (i.modal) await i.client.views.update({ view_id: i.modal.id, view: choiceModal(form) });
  });
}

const CHOICE_BLOCK: Record<ChoiceField, string> = CHOICE_BLOCKS;

/** The choice modal's "Save choices": inline errors (too few, the same path twice, a path no one hosts), or saved and said so. */
export function chooseSubmitted(on: Interactions): void {
  on.submit({ view: ROUND_TABLE_FORMS.choose, who: "anyone", errors: CHOICE_BLOCKS.first, label: "round-table choice" }, async (i) => {
    const pick = (block: string) => i.values[block]?.[VALUE]?.selected_option?.value ?? null;
    const saved = await saveChoice(i.ctx, i.userId, i.metadata, { first: pick(CHOICE_BLOCKS.first), second: pick(CHOICE_BLOCKS.second), third: pick(CHOICE_BLOCKS.third) });
    if (!saved.ok) return { errors: Object.fromEntries(Object.entries(saved.errors).map(([field, message]) => [CHOICE_BLOCK[field as ChoiceField], message])) };
    const s = saved.session;
    const labels = saved.paths.map((k) => escapeMrkdwn(s.paths.find((p) => p.key === k)?.label ?? k));
    i.afterwards(() => refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId));
    return {
      update: doneModal(
        "Choices saved",
        `:white_check_mark: You chose ${labels.join(", ")} for ${escapeMrkdwn(s.programName)}'s round tables on ${dayTime(s.startsAt, s.timezone)}. ` +
          `You can change them until ${dayTime(s.choiceDeadline, s.timezone)}; then your table for each rotation comes by DM.`,
      ),
    };
  });
}
