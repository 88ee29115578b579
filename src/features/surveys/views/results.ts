import { Blocks, Message, type BlockBuilder } from "slack-block-builder";
import { clipRaw, escapeMrkdwn } from "../../../slack/kit/escape.js";
import { count } from "../../../slack/kit/plural.js";
import { MIN_GROUP, SURVEY_KINDS } from "../../../domain/surveys.js";
import { responseRate, type GroupResult } from "../../../domain/surveyResults.js";
import type { SurveyResults } from "../surveys.js";
import { SURVEY_LABELS } from "./settings.js";

/** Slack's limits: 50 blocks in a message, 3000 characters in a section. */
const MAX_BLOCKS = 48;
const SECTION_MAX = 2900;
const COMMENTS_SHOWN = 10;

type Group = GroupResult & { mentorName: string | null };

const FEWER = `fewer than ${MIN_GROUP} responses`;

function groupName(g: Group): string {
  if (g.level === "program") return "Whole program";
  if (g.level === "cohort") return g.cohortName ? `Cohort ${escapeMrkdwn(g.cohortName)}` : "No cohort";
  return `Mentor ${escapeMrkdwn(g.mentorName ?? "Former member")}`;
}

function groupLine(g: Group): string {
  const rate = `${g.answered} of ${g.invited} answered (${responseRate(g)}%)`;
  if (g.suppressed) return `• ${groupName(g)}: ${rate} · _${FEWER}_`;
  return `• ${groupName(g)}: ${rate} · ${g.means.map((m) => `${m.key} *${m.mean.toFixed(1)}*`).join(", ")}`;
}

/**
 * The director's survey dashboard: per survey and period, the response rate and item means of the
 * program, each cohort and each mentor (mentee survey); any group under 5 responses says "fewer
 * than 5 responses" and nothing more. Comments only program-wide, from 5 responses up, no names.
 */
export function surveyResultsMessage(results: SurveyResults, sentFiles: { chart: boolean }): { text: string; blocks: unknown[] } {
  const program = escapeMrkdwn(results.programName);
  const text = `Survey results for ${results.programName}`;
  const blocks: BlockBuilder[] = [Blocks.Header({ text: clipRaw(`Survey results: ${results.programName}`, 150) })];
  if (!results.groups.length) {
    blocks.push(Blocks.Section({ text: `No survey of *${program}* has been sent yet. Surveys go 3 months into each match and at the end of the academic year (see "Surveys" on your Home to change that).` }));
    return Message().text(text).blocks(blocks).buildToObject() as { text: string; blocks: unknown[] };
  }
  blocks.push(
    Blocks.Context().elements(
      `Averages on a 1–5 scale (5 = strongly agree). Answers are anonymous; a group with ${FEWER} shows only its response rate. ${sentFiles.chart ? "The chart and the CSV of these aggregates are attached below." : "The CSV of these aggregates is attached below; a chart comes once a survey has 5 responses program-wide."}`,
    ),
  );
  const rest: string[] = [];
  for (const kind of SURVEY_KINDS) {
    const periods = [...new Set(results.groups.filter((g) => g.kind === kind).map((g) => g.period))];
    for (const period of periods) {
      const groups = results.groups.filter((g) => g.kind === kind && g.period === period);
      const program = groups.find((g) => g.level === "program");
      let body = `*${SURVEY_LABELS[kind]}, ${period}*\n${groups.map(groupLine).join("\n")}`;
      if (program && !program.suppressed && program.comments.length) {
        const shown = program.comments.slice(0, COMMENTS_SHOWN).map((c) => `> ${escapeMrkdwn(clipRaw(c.replace(/\s+/g, " "), 280))}`);
        const more = program.comments.length > COMMENTS_SHOWN ? `\n…and ${count(program.comments.length - COMMENTS_SHOWN, "more comment")} (in no particular order)` : "";
        body += `\n*Comments* (program-wide, no names)\n${shown.join("\n")}${more}`;
      }
      if (blocks.length < MAX_BLOCKS) blocks.push(Blocks.Section({ text: clipRaw(body, SECTION_MAX) }));
      else rest.push(`${SURVEY_LABELS[kind]} ${period}`);
    }
  }
  if (rest.length) blocks.push(Blocks.Context().elements(clipRaw(`Not shown here (see the CSV): ${rest.join(", ")}.`, 2000)));
  return Message().text(text).blocks(blocks).buildToObject() as { text: string; blocks: unknown[] };
}
