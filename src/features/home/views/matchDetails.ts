import { Blocks, Elements, Md, type BlockBuilder } from "slack-block-builder";
import type { MatchDetail, MatchDetails } from "../../goals-meetings/meetings.js";
import { labelOf, MENTOR_ROLES } from "../../../domain/vocabulary.js";
import { escapeClipped, escapeMrkdwn } from "../../../slack/kit/escape.js";
import { goalText } from "../../goals-meetings/views/goals/goalsModal.js";
import { GOAL_ACTIONS } from "../../goals-meetings/ids.js";
import { MEETING_ACTIONS } from "../../goals-meetings/ids.js";
import { calendarDay, day, dayTime } from "../../../slack/kit/dates.js";

/**
 * The App Home's match cards: for each active match the last meeting, the next check-in, the
 * agenda, and goals with their progress (a trainee sees their own goals; a mentor sees the
 * mentee's on that mentee's card). Never a meeting's private notes.
 */

const role = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();
/** Meeting dates are calendar days stored at 00:00 UTC. */
const meetingDay = (d: Date) => calendarDay(d.toISOString());
/** Slack refuses a section over 3000 characters (and with it the whole Home): each quoted field gets at most this many. */
const QUOTE_MAX = 1100;
const SECTION_MAX = 3000;
const quote = (text: string) => `>${escapeClipped(text, QUOTE_MAX, (ch) => (ch === "\n" ? "\n>" : escapeMrkdwn(ch)))}`;

/** Whole lines (each already escaped) up to `room` characters; "…" says some were left out. */
function fitLines(lines: string[], room: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > room - 2) return [...kept, "…"].join("\n");
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join("\n");
}

function cardText(m: MatchDetail, tz: string): string {
  const lines = [
    `${Md.bold(`<@${m.other.slackUserId}>`)} — ${role(m.role)}, ${escapeMrkdwn(m.programName)}`,
    `Last meeting: ${m.lastMeeting ? meetingDay(m.lastMeeting.date) : "none logged yet"} · Next check-in: ${m.nextCheckinAt ? dayTime(m.nextCheckinAt, tz) : "none planned"}`,
  ];
  if (m.lastMeeting?.nextSteps) lines.push(`${Md.bold("Next steps")}\n${quote(m.lastMeeting.nextSteps)}`);
  lines.push(m.agenda ? `${Md.bold("Agenda for next time")}\n${quote(m.agenda)}` : "_No agenda set for the next meeting._");
  return lines.join("\n");
}

function cardButtons(m: MatchDetail): BlockBuilder {
  return Blocks.Actions().elements(
    Elements.Button({ text: "Log a meeting", actionId: MEETING_ACTIONS.log, value: m.matchId }),
    Elements.Button({ text: m.agenda ? "Edit agenda" : "Set agenda", actionId: MEETING_ACTIONS.setAgenda, value: m.matchId }),
    m.viewerIsTrainee ? [] : Elements.Button({ text: "Goals", actionId: GOAL_ACTIONS.open }),
  );
}

/** Cards of the matches where the viewer is the trainee, then their goals: the one place a trainee's Home shows them. */
export function traineeMatchBlocks(details: MatchDetails | null | undefined, tz: string): BlockBuilder[] {
  if (!details) return [];
  const blocks: BlockBuilder[] = [];
  for (const m of details.matches.filter((d) => d.viewerIsTrainee)) blocks.push(Blocks.Section({ text: cardText(m, tz) }), cardButtons(m));
  if (details.ownGoals) {
    const shown = details.ownGoals.filter((g) => g.status !== "DONE");
    const done = details.ownGoals.length - shown.length;
    const head = `${Md.bold("My goals")}${done ? ` · ${done} done` : ""}\n`;
    const body = shown.length
      ? fitLines(shown.map((g) => goalText(g, details.authors, tz)), SECTION_MAX - head.length)
      : done
        ? "Every goal is done. Add the next one or two: your mentors see them and add progress notes."
        : "No goals yet. Add one or two to focus your meetings: your mentors see them and add progress notes.";
    blocks.push(
      Blocks.Section({ text: `${head}${body}` }),
      Blocks.Actions().elements(Elements.Button({ text: "Goals", actionId: GOAL_ACTIONS.open })),
    );
  }
  return blocks;
}

/** Cards of the matches where the viewer is the mentor, each with the mentee's goals. */
export function mentorMatchBlocks(details: MatchDetails | null | undefined, tz: string): BlockBuilder[] {
  if (!details) return [];
  const blocks: BlockBuilder[] = [];
  for (const m of details.matches.filter((d) => !d.viewerIsTrainee)) {
    const head = `${cardText(m, tz)}\n${Md.bold("Their goals")}\n`;
    const goals = m.menteeGoals.length ? fitLines(m.menteeGoals.map((g) => goalText(g, details.authors, tz)), SECTION_MAX - head.length) : "_No goals set yet._";
    blocks.push(Blocks.Section({ text: `${head}${goals}` }), cardButtons(m));
  }
  return blocks;
}
