import { Bits, Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { RoundRecord, RoundSummary } from "../rounds.js";
import type { NextStep } from "../../../slack/kit/doneModal.js";
import { readStoredOptions } from "../../../domain/roundOptions.js";
import type { SlackMessage } from "../../home/views/help.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { ROUND_ACTIONS } from "../ids.js";
import { KIND_LABELS } from "./roundModal.js";
import { dayTime } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "every 2 weeks on Monday at 09:00", "cron 0 9 1 * *", or "once". */
export function scheduleWords(r: Pick<RoundSummary, "schedule" | "options">): string {
  if (!r.schedule) return "once";
  const every = (r.options as { everyWeeks?: number } | null)?.everyWeeks ?? 1;
  const weekly = /^(\d{1,2}) (\d{1,2}) \* \* ([0-6])$/.exec(r.schedule);
  if (weekly) {
    const time = `${weekly[2]!.padStart(2, "0")}:${weekly[1]!.padStart(2, "0")}`;
    return `${every > 1 ? `every ${every} weeks` : "every week"} on ${WEEKDAYS[Number(weekly[3])]} at ${time}`;
  }
  return `on the schedule ${Md.codeInline(r.schedule)}`;
}

const STATUS_WORDS: Record<string, string> = {
  NOTICED: "participants told",
  RANKING: "collecting rankings",
  PREVIEW: "waiting for approval",
  APPROVED: "approved",
  DISCARDED: "discarded",
};

/** The round's name in the Cancel confirmation (mrkdwn, at most 300 characters): cut first, then escaped, so it fits even if every character becomes an entity. */
const confirmName = (name: string) => escapeMrkdwn(name.length > 50 ? `${name.slice(0, 49)}…` : name);

/** A message holds at most 50 blocks: the header's, two per round, and the "…and N more" line. */
const MAX_BLOCKS = 50;

function roundBlocks(r: RoundSummary): BlockBuilder[] {
  const who = r.cohortName ? `${escapeMrkdwn(r.programName)} › ${escapeMrkdwn(r.cohortName)}` : `${escapeMrkdwn(r.programName)} (whole program)`;
  const next = r.nextRunAt ? `next run ${dayTime(r.nextRunAt, r.timezone)}` : "nothing more planned";
  const last = r.latestRun ? ` · latest run ${dayTime(r.latestRun.scheduledFor, r.timezone)}: ${STATUS_WORDS[r.latestRun.status] ?? r.latestRun.status}` : "";
  return [
    Blocks.Section({ text: `${Md.bold(escapeMrkdwn(r.name))} — ${KIND_LABELS[r.kind].split(" — ")[0]}, ${who}\nRuns ${scheduleWords(r)}; ${next}${last}` }).accessory(
      Elements.Button({ text: "Cancel round", actionId: ROUND_ACTIONS.cancel, value: r.id })
        .danger()
        .confirm(Bits.ConfirmationDialog({ title: "Cancel this round?", text: `Nothing more of ${confirmName(r.name)} will run.`, confirm: "Cancel round", deny: "Keep it" }).danger()),
    ),
  ];
}

/** The "Rounds" button as a next step (the list of active rounds, sent to the director's DM from a modal). */
export const ROUNDS_LIST: NextStep = { text: "Rounds", actionId: ROUND_ACTIONS.list };

/** What "Round created" says for a round that runs later: when, and what happens then. */
export function roundCreatedText(round: RoundRecord): string {
  const name = Md.bold(escapeMrkdwn(round.name));
  const first = round.nextRunAt ? dayTime(round.nextRunAt, round.timezone) : "";
  const start = speedStartWords(round);
  return (
    `${name} is set up: it runs ${round.schedule ? `${scheduleWords(round)}, first on ${Md.bold(first)}` : `once, on ${Md.bold(first)}`}.${start}\n` +
    "Participants are told about a day before and can skip. When it runs you get the preview by DM; nothing is created and nobody is told until you approve it. " +
    "The Rounds list shows it, with Cancel round."
  );
}

/** A speed round's event start, as the director set it. */
function speedStartWords(round: RoundRecord): string {
  if (round.kind !== "SPEED") return "";
  const o = readStoredOptions(round.options);
  if (o.startsAt) return ` Rotation 1 starts ${Md.bold(dayTime(new Date(o.startsAt), round.timezone))}.`;
  if (o.startTime) return ` Rotation 1 starts at ${o.startTime} on the day of each run.`;
  return "";
}

/** The director's list of active rounds, each with Cancel. */
export function roundList(rounds: RoundSummary[], notice?: string): SlackMessage {
  const text = rounds.length ? `Pairing rounds: ${count(rounds.length, "active round")}` : "No active pairing rounds";
  const blocks: BlockBuilder[] = [
    ...(notice ? [Blocks.Section({ text: notice })] : []),
    Blocks.Section({ text: rounds.length ? Md.bold(text) : `${Md.bold(text)}. Set one up with ${Md.bold("New round")}.` }),
    Blocks.Actions().elements(Elements.Button({ text: "New round", actionId: ROUND_ACTIONS.create }).primary()),
  ];
  const room = Math.floor((MAX_BLOCKS - blocks.length - 1) / 2);
  const shown = rounds.length > room ? rounds.slice(0, room) : rounds;
  for (const r of shown) blocks.push(Blocks.Divider(), ...roundBlocks(r));
  if (shown.length < rounds.length) blocks.push(Blocks.Context().elements(`…and ${rounds.length - shown.length} more; cancel some to see the rest.`));
  return { text, blocks: Message().blocks(blocks).buildToObject().blocks ?? [] };
}
