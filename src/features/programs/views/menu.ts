import { Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { ProgramOverview } from "../programs.js";
import { count } from "../../../slack/kit/plural.js";
import { breaksWords, checkinWords } from "./programFacts.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { SlackMessage } from "../../home/views/help.js";
import type { NextStep } from "../../../slack/kit/doneModal.js";
import { noteMessage } from "../../../slack/kit/message.js";
import { ADMIN } from "../ids.js";
import { ANNOUNCE } from "../../announcements/ids.js";
import { THANKS } from "../../thanks/ids.js";
import { ROUND_ACTIONS } from "../../rounds/ids.js";
import { ROUND_TABLE_ACTIONS } from "../../roundtables/ids.js";
import { joinWithin } from "../../../slack/kit/fit.js";

/** Slack refuses a message of more than 50 blocks: the menu's own five leave room for 15 programs of three. */
const MAX_BLOCKS = 50;
const PROGRAMS_SHOWN = Math.floor((MAX_BLOCKS - 5) / 3);
/** Slack refuses a section over 3,000 characters: a program's cohort names take at most this many. */
const COHORT_CHARS = 1500;

function programBlocks(p: ProgramOverview): BlockBuilder[] {
  const cohorts = p.cohorts.length ? joinWithin(p.cohorts.map((c) => escapeMrkdwn(c.name)), COHORT_CHARS, ", ", (n) => `…and ${count(n, "more cohort")}`) : "no cohorts yet";
  const facts =
    `${Md.bold(escapeMrkdwn(p.name))} — ${count(p.people, "person", "people")}; ${cohorts}\n` +
    `${checkinWords(p)} · ${breaksWords(p.breaks)} · ${escapeMrkdwn(p.timezone)} · ` +
    `default capacity ${p.defaultCapacity}${p.announcementChannel ? ` · announcements in <#${p.announcementChannel}>` : ""}`;
  return [
    Blocks.Section({ text: facts }),
    Blocks.Actions().elements(
      Elements.Button({ text: "Edit", actionId: ADMIN.actions.editProgram, value: p.id }),
      Elements.Button({ text: "New cohort", actionId: ADMIN.actions.newCohort, value: p.id }),
      Elements.Button({ text: "Add people", actionId: ADMIN.actions.addPeople, value: p.id }),
      Elements.Button({ text: "Export roster", actionId: ADMIN.actions.exportRoster, value: p.id }),
      Elements.Button({ text: "Announce", actionId: ANNOUNCE.actions.compose, value: p.id }),
      Elements.Button({ text: "New round", actionId: ROUND_ACTIONS.create, value: p.id }),
    ),
  ];
}

/** The director's menu for /mentoring-admin: programs, with what can be done to each. */
export function adminMenu(programs: ProgramOverview[]): SlackMessage {
  const text = "Program administration: /mentoring-admin";
  const intro = programs.length
    ? `${Md.bold("Program administration")} — ${count(programs.length, "program")} in this workspace.`
    : `${Md.bold("Program administration")} — no programs yet. Start with ${Md.bold("New program")}.`;
  const blocks: BlockBuilder[] = [
    Blocks.Section({ text: intro }),
    Blocks.Actions().elements(
      Elements.Button({ text: "New program", actionId: ADMIN.actions.newProgram }).primary(),
      Elements.Button({ text: "Directors", actionId: ADMIN.actions.directors }),
      Elements.Button({ text: "Announcements", actionId: ANNOUNCE.actions.list }),
      Elements.Button({ text: "Thank-yous", actionId: THANKS.actions.counts }),
      Elements.Button({ text: "Rounds", actionId: ROUND_ACTIONS.list }),
      Elements.Button({ text: "Round tables", actionId: ROUND_TABLE_ACTIONS.list }),
    ),
  ];
  for (const p of programs.slice(0, PROGRAMS_SHOWN)) blocks.push(Blocks.Divider(), ...programBlocks(p));
  if (programs.length > PROGRAMS_SHOWN) {
    blocks.push(Blocks.Context().elements(`…and ${count(programs.length - PROGRAMS_SHOWN, "more program")}, not shown: a Slack message has room for ${PROGRAMS_SHOWN}.`));
  }
  blocks.push(
    Blocks.Context().elements(
      `Shortcuts: ${Md.codeInline("/mentoring-admin program")} · ${Md.codeInline("/mentoring-admin people")} · ` +
        `${Md.codeInline("/mentoring-admin directors")}. Import a roster CSV with ${Md.codeInline("npm run cli -- roster import FILE --program NAME")}.`,
    ),
  );
  blocks.push(Blocks.Context().elements(`Numbers: ${Md.codeInline("/mentoring-admin chart [program]")} · ${Md.codeInline("/mentoring-admin report [program]")} (dashboard: your Rounds Home).`)); // dashboard and reports
  return { text, blocks: Message().blocks(blocks).buildToObject().blocks ?? [] };
}

/** "There is no program to … yet. Create one first." */
export const noProgramText = (toDo: string) => `There is no program to ${toDo} yet. Create one first.`;

/** The same, with the button that creates one. */
export function noProgramYet(toDo: string): SlackMessage {
  return noteMessage(noProgramText(toDo), [NEW_PROGRAM]);
}

export const NEW_PROGRAM: NextStep = { text: "New program", actionId: ADMIN.actions.newProgram };
