import { Bits, Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { RoundSummary } from "../../../services/rounds.js";
import type { SlackMessage } from "../help.js";
import { escapeMrkdwn } from "../escape.js";
import { ROUND_ACTIONS } from "./ids.js";
import { KIND_LABELS } from "./roundModal.js";
import { localWhen } from "./notices.js";

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
  const next = r.nextRunAt ? `next run ${localWhen(r.nextRunAt, r.timezone)}` : "nothing more planned";
  const last = r.latestRun ? ` · latest run ${localWhen(r.latestRun.scheduledFor, r.timezone)}: ${STATUS_WORDS[r.latestRun.status] ?? r.latestRun.status}` : "";
  return [
    Blocks.Section({ text: `${Md.bold(escapeMrkdwn(r.name))} — ${KIND_LABELS[r.kind].split(" — ")[0]}, ${who}\nRuns ${scheduleWords(r)}; ${next}${last}` }).accessory(
      Elements.Button({ text: "Cancel round", actionId: ROUND_ACTIONS.cancel, value: r.id })
        .danger()
        .confirm(Bits.ConfirmationDialog({ title: "Cancel this round?", text: `Nothing more of ${confirmName(r.name)} will run.`, confirm: "Cancel round", deny: "Keep it" }).danger()),
    ),
  ];
}

/** The director's list of active rounds, each with Cancel. */
export function roundList(rounds: RoundSummary[], notice?: string): SlackMessage {
  const text = rounds.length ? `Pairing rounds: ${rounds.length} active` : "No active pairing rounds";
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
