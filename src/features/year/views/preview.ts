import { Bits, Blocks, Elements, Md, type BlockBuilder } from "slack-block-builder";
import type { CloseOutcome, YearPreview, YearCloseRecord, Payload } from "../year.js";
import { NO_COHORT } from "../year.js";
import type { EndReason } from "../../../domain/yearClose.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { calendarDay, day } from "../../../slack/kit/dates.js";
import { count, verb } from "../../../slack/kit/plural.js";
import { joinWithin } from "../../../slack/kit/fit.js";
import { ROUND } from "../../rounds/ids.js";
import { YEAR } from "../ids.js";
import { build } from "./messages.js";

/** The director's close-the-year preview, and what they are told after approving (or when there is nothing to close). */

const SECTION_CHARS = 2900;
const who = (slackUserId: string | undefined) => (slackUserId ? `<@${slackUserId}>` : "a former member");
const list = (lines: string[], none: string, more: string) => (lines.length ? joinWithin(lines, SECTION_CHARS, "\n", (n) => `…and ${count(n, more)} more (the year report lists them all).`) : none);

const REASON: Record<EndReason, string> = {
  graduating: "the trainee graduates",
  trainee_declined: "the trainee chose to end it",
  mentor_declined: "the mentor chose to end it",
  both_declined: "both chose to end it",
};

/** The roster import and round set-up: what comes after a close. */
function nextSteps(programId: string, programName: string): BlockBuilder[] {
  return [
    Blocks.Section({
      text:
        `${Md.bold("Next")}: import the new cohort as usual — Add people on your Home, or the roster CSV from the command line: ` +
        `${Md.codeInline(`npm run cli -- roster import new-cohort.csv --program "${programName.replace(/[`"]/g, "")}" --cohort "NAME"`)}. ` +
        "Then schedule the year's first mentor-match round.",
    }),
    Blocks.Actions().elements(
      Elements.Button({ text: "New round", actionId: ROUND.create.id, value: ROUND.create.codec.encode(programId) }).primary(),
      Elements.Button({ text: "Year report (CSV)", actionId: YEAR.report.id, value: YEAR.report.codec.encode(programId) }),
    ),
  ];
}

const closedBy = (c: YearCloseRecord) => (c.closedBy === "cli" ? "from the command line" : `by <@${c.closedBy}>`);

/** The preview: nothing changes until Approve. */
export function previewMessage(p: YearPreview): Payload {
  const name = escapeMrkdwn(p.program.name);
  if (p.kind === "not_yet") {
    const last = p.lastClose ? ` The ${p.lastClose.startYear}–${String(p.lastClose.startYear + 1).slice(-2)} year was closed on ${day(p.lastClose.closedAt, p.program.timezone)} ${closedBy(p.lastClose)}.` : "";
    return build(`The ${p.year.label} year can't be closed yet`, [
      Blocks.Section({
        text: `:calendar: The ${p.year.label} year of ${Md.bold(name)} ends on ${calendarDay(p.year.lastDay)}. You can close it from ${day(p.opensAt, p.program.timezone)}, 6 weeks before; Rounds sends you a message then.${last}`,
      }),
      Blocks.Context().elements(`The academic year starts on ${p.program.academicYearStart} (month-day): change it with Edit program.`),
    ]);
  }
  if (p.kind === "closed") {
    return build(`The ${p.year.label} year is closed`, [
      Blocks.Section({ text: `:white_check_mark: The ${p.year.label} year of ${Md.bold(name)} was closed on ${day(p.close.closedAt, p.program.timezone)} ${closedBy(p.close)}. ${summaryWords(p.close)}` }),
      ...nextSteps(p.program.id, p.program.name),
    ]);
  }
  const { plan, people, matches } = p;
  const cohortOptions = [...p.cohorts.map((c) => Bits.Option({ text: `${c.name} (${count(c.trainees, "trainee")})`.slice(0, 75), value: YEAR.cohort.codec.encode({ programId: p.program.id, cohort: c.id }) }))];
  const none = Bits.Option({ text: "No cohort graduates", value: YEAR.cohort.codec.encode({ programId: p.program.id, cohort: NO_COHORT }) });
  const options = [...cohortOptions, none].slice(0, 100);
  const chosenIndex = plan.graduatingCohortId ? p.cohorts.findIndex((c) => c.id === plan.graduatingCohortId) : -1;
  const menu = Elements.StaticSelect({ actionId: YEAR.cohort.id, placeholder: "Graduating cohort" }).options(options).initialOption(chosenIndex >= 0 ? options[chosenIndex]! : none);
  const chosen = p.cohorts.find((c) => c.id === plan.graduatingCohortId);
  const continuing = plan.matches.filter((m) => m.outcome === "continue");
  const ending = plan.matches.filter((m) => m.outcome === "end");
  const pair = (matchId: string) => {
    const m = matches.get(matchId)!;
    return `${who(m.trainee.slackUserId)} with ${who(m.mentor.slackUserId)}`;
  };
  const waiting = (u: ("trainee" | "mentor")[]) => (u.length === 2 ? " _(no answer yet from either)_" : u.length === 1 ? ` _(no answer yet from the ${u[0]})_` : "");
  const blocks: BlockBuilder[] = [
    Blocks.Header({ text: `Close the ${p.year.label} year`.slice(0, 150) }),
    Blocks.Section({
      text:
        `${Md.bold(name)} · the year ${p.late ? "ended" : "ends"} on ${calendarDay(p.year.lastDay)}. ${Md.bold("Nothing changes until you approve.")} ` +
        "Choose the cohort that graduates; the preview follows your choice.",
    }),
    Blocks.Actions().elements(menu),
    Blocks.Section({
      text:
        `${Md.bold(`Graduating${chosen ? ` — ${escapeMrkdwn(chosen.name)}` : ""}: ${count(plan.graduates.length, "trainee")}`)} — they become alumni (their history stays), their mentorships end with thanks, and each is invited to mentor.\n` +
        list(plan.graduates.map((id) => `• ${who(people.get(id)?.slackUserId)}`), "Nobody graduates.", "graduate"),
    }),
    Blocks.Section({
      text:
        `${Md.bold(`Training year +1: ${count(plan.advancing.length, "trainee")}`)}\n` +
        list(plan.advancing.map((a) => `• ${who(people.get(a.memberId)?.slackUserId)}: year ${a.from} → ${a.to}`), "Nobody has a training year to advance.", "trainee") +
        (plan.stayingWithoutYear.length ? `\n_${count(plan.stayingWithoutYear.length, "other trainee")} with no training year in their profile stay as they are._` : ""),
    }),
    Blocks.Section({
      text: `${Md.bold(`Continuing next year: ${count(continuing.length, "mentorship")}`)}\n` + list(continuing.map((m) => `• ${pair(m.matchId)}${waiting(m.unanswered)}`), "None.", "mentorship"),
    }),
    Blocks.Section({
      text: `${Md.bold(`Ending with the year: ${count(ending.length, "mentorship")}`)} — both people are thanked by DM.\n` + list(ending.map((m) => `• ${pair(m.matchId)}: ${REASON[m.reason!]}`), "None.", "mentorship"),
    }),
    Blocks.Context().elements("Everyone in a mentorship was asked \u201ccontinue next year?\u201d 6 weeks before the year ends; no answer counts as continue."),
    Blocks.Actions().elements(
      Elements.Button({
        text: "Approve and close the year",
        actionId: YEAR.approve.id,
        value: YEAR.approve.codec.encode({ programId: p.program.id, startYear: p.year.startYear, cohort: plan.graduatingCohortId ?? NO_COHORT }),
      })
        .primary()
        .confirm(
          Bits.ConfirmationDialog({
            title: "Close the year?",
            text: `This graduates ${count(plan.graduates.length, "trainee")}, advances ${count(plan.advancing.length, "training year")} and ends ${count(ending.length, "mentorship")}. It can't be undone.`,
            confirm: "Close the year",
            deny: "Not yet",
          }),
        ),
    ),
  ];
  return build(`Close the ${p.year.label} year of ${p.program.name}: preview`, blocks);
}

function summaryWords(c: YearCloseRecord): string {
  const s = c.summary;
  return (
    `${c.graduatedCohortName ? `${escapeMrkdwn(c.graduatedCohortName)} graduated` : "No cohort graduated"}: ${count(s.graduated.length, "new alumnus", "new alumni")}, ${count(s.invited.length, "invitation")} to mentor sent. ` +
    `${count(s.advanced.length, "training year")} moved up; ${count(s.continued.length, "mentorship")} ${verb(s.continued.length, "continues", "continue")}, ${count(s.ended.length, "mentorship")} ended with thanks.`
  );
}

/** What the director sees after Approve (or when the year was already closed: nothing more changed). */
export function closedMessage(o: CloseOutcome): Payload {
  const name = escapeMrkdwn(o.program.name);
  const head =
    o.kind === "closed"
      ? `:white_check_mark: The ${o.year.label} year of ${Md.bold(name)} is closed. ${summaryWords(o.close)}`
      : `The ${o.year.label} year of ${Md.bold(name)} was already closed on ${day(o.close.closedAt, o.program.timezone)} ${closedBy(o.close)}, so nothing more changed. ${summaryWords(o.close)}`;
  return build(o.kind === "closed" ? `The ${o.year.label} year is closed` : `The ${o.year.label} year was already closed`, [Blocks.Section({ text: head }), ...nextSteps(o.program.id, o.program.name)]);
}

/** `/mentoring-admin close-year` with several programs: one button each. */
export function chooseProgramMessage(programs: readonly { id: string; name: string }[]): Payload {
  const shown = programs.slice(0, 25);
  return build("Close the year: which program?", [
    Blocks.Section({ text: "Which program's academic year do you want to close? You'll see a preview first." }),
    Blocks.Actions().elements(shown.map((p, i) => Elements.Button({ text: p.name.slice(0, 75), actionId: `${YEAR.choose.id}_${i}`, value: YEAR.choose.codec.encode(p.id) }))),
  ]);
}
