import { writeFileSync } from "node:fs";
import { DateTime } from "luxon";
import { z } from "zod";
import { cliActor } from "../features/programs/audit.js";
import { closeYear, NO_COHORT, previewYearClose, type CloseOutcome, type YearPreview } from "../features/year/year.js";
import { yearMessages } from "../features/year/views/messages.js";
import { yearReport } from "../features/year/yearReport.js";
import { calendarDay, day } from "../slack/kit/dates.js";
import { count, verb } from "../slack/kit/plural.js";
import { parseFlags, withDatabase } from "./dbCommand.js";
import { chooseProgram, TEAM_ID, TEAM_ID_PROBLEM } from "./team.js";

export const YEAR_USAGE = `Usage: npm run cli -- year preview|close|report [--team T0123ABCD] --program NAME [--cohort NAME|none] [--out FILE]
  The academic year's close, as "Close the year" does in Slack (docs/academic-year.md):
  year preview   what closing the year would do now, changing nothing: the cohort that graduates
                 (its trainees become alumni), training years that advance, the mentorships that
                 continue or end (with the "continue next year?" answers so far)
  year close     closes it: one transaction, audited (year.close); the ended pairs are thanked and
                 the alumni invited to mentor by DM (the running app sends them). Closing a year
                 again changes nothing more.
  year report    the year report CSV (every closed year: graduated, continued, ended, alumni
                 invited and their answers) to stdout or --out FILE
  --cohort NAME  the cohort that graduates (default: the one Slack's preview proposes); none: no cohort
  --team (the Slack team id, see program list) may be left out when the database holds one workspace.
  Needs only the database. Environment: DATABASE_URL (default file:./data/rounds.db).`;

const argsSchema = z.object({
  positionals: z.tuple([z.enum(["preview", "close", "report"], "the year commands are `year preview`, `year close` and `year report`")], {
    error: "the year commands are `year preview`, `year close` and `year report`",
  }),
  team: z.string().trim().regex(TEAM_ID, TEAM_ID_PROBLEM).optional(),
  program: z.string({ error: "--program NAME is required" }).trim().min(1, "--program needs a name"),
  cohort: z.string().trim().min(1, "--cohort needs a name (or none)").optional(),
  out: z.string().trim().min(1, "--out needs a file name").optional(),
});

const OPTIONS = { team: { type: "string" }, program: { type: "string" }, cohort: { type: "string" }, out: { type: "string" } } as const;

const REASON: Record<string, string> = {
  graduating: "the trainee graduates",
  trainee_declined: "the trainee chose to end it",
  mentor_declined: "the mentor chose to end it",
  both_declined: "both chose to end it",
};

/** The preview as plain text. */
export function previewText(p: YearPreview): string {
  const tz = p.program.timezone;
  if (p.kind === "not_yet") return `${p.program.name}: the ${p.year.label} year ends on ${calendarDay(p.year.lastDay)}; it can be closed from ${day(p.opensAt, tz)} (6 weeks before).`;
  if (p.kind === "closed") return `${p.program.name}: the ${p.year.label} year was closed on ${day(p.close.closedAt, tz)} (${p.close.closedBy === "cli" ? "from the command line" : `by ${p.close.closedBy}`}). Nothing to close.`;
  const name = (id: string) => p.people.get(id)?.name ?? "a former member";
  const pair = (matchId: string) => {
    const m = p.matches.get(matchId)!;
    return `${m.trainee.name} with ${m.mentor.name}`;
  };
  const chosen = p.cohorts.find((c) => c.id === p.plan.graduatingCohortId);
  const continuing = p.plan.matches.filter((m) => m.outcome === "continue");
  const ending = p.plan.matches.filter((m) => m.outcome === "end");
  const waiting = (u: string[]) => (u.length === 2 ? " (no answer yet from either)" : u.length === 1 ? ` (no answer yet from the ${u[0]})` : "");
  return [
    `${p.program.name}: closing the ${p.year.label} year (it ${p.late ? "ended" : "ends"} on ${calendarDay(p.year.lastDay)}). Nothing has changed yet.`,
    `Cohorts: ${p.cohorts.map((c) => `${c.name} (${count(c.trainees, "trainee")})`).join(", ") || "none"}`,
    `Graduating: ${chosen ? chosen.name : "no cohort"} — ${count(p.plan.graduates.length, "trainee")} become alumni and are invited to mentor`,
    ...p.plan.graduates.map((id) => `  ${name(id)}`),
    `Training year +1: ${count(p.plan.advancing.length, "trainee")}`,
    ...p.plan.advancing.map((a) => `  ${name(a.memberId)}: year ${a.from} -> ${a.to}`),
    ...(p.plan.stayingWithoutYear.length ? [`  (${count(p.plan.stayingWithoutYear.length, "other trainee")} with no training year stay as they are)`] : []),
    `Continuing next year: ${count(continuing.length, "mentorship")}`,
    ...continuing.map((m) => `  ${pair(m.matchId)}${waiting(m.unanswered)}`),
    `Ending with the year: ${count(ending.length, "mentorship")}`,
    ...ending.map((m) => `  ${pair(m.matchId)}: ${REASON[m.reason!]}`),
  ].join("\n");
}

function closedText(o: CloseOutcome, programName: string): string {
  const s = o.close.summary;
  const what = `${o.close.graduatedCohortName ?? "no cohort"} graduated (${count(s.graduated.length, "new alumnus", "new alumni")}, ${count(s.invited.length, "invitation")} to mentor); ${count(s.advanced.length, "training year")} moved up; ${count(s.continued.length, "mentorship")} ${verb(s.continued.length, "continues", "continue")}, ${count(s.ended.length, "mentorship")} ended.`;
  const next = `Next: import the new cohort with \`npm run cli -- roster import FILE --program "${programName}" --cohort NAME\`, then set up the year's first round in Slack (/mentoring-admin round).`;
  if (o.kind === "already") return `The ${o.year.label} year of ${programName} was already closed on ${day(o.close.closedAt, "UTC")}; nothing more changed. ${what}\n${next}`;
  return `Closed the ${o.year.label} year of ${programName}: ${what} The running app sends the DMs.\n${next}`;
}

/** `year preview|close|report`: exit 0 when shown or done, 1 on failure (no such program or cohort, not open yet), 2 on bad usage. */
export async function runYearCommand(argv: string[], out: (t: string) => void, err: (t: string) => void, now: () => Date = () => new Date()): Promise<number> {
  const args = parseFlags(argv, OPTIONS, argsSchema, YEAR_USAGE, err);
  if (!args) return 2;
  return withDatabase(err, async (db) => {
    const choice = await chooseProgram(db, args.team, args.program);
    if (!choice.ok) {
      err(choice.problem);
      return choice.code;
    }
    const { teamId, program } = choice;
    const by = cliActor(teamId);
    if (args.positionals[0] === "report") {
      const { csv, rows } = await yearReport(db, by, program.id, now());
      if (args.out) {
        writeFileSync(args.out, csv);
        err(`Wrote ${count(rows, "row")} to ${args.out}.`);
      } else out(csv.replace(/\n$/, ""));
      return 0;
    }
    const ctx = { db, workspaceId: teamId, now: now() };
    let cohort: string | undefined;
    if (args.cohort) {
      if (args.cohort.toLowerCase() === NO_COHORT) cohort = NO_COHORT;
      else {
        const found = (await db.cohort.findMany({ where: { workspaceId: teamId, programId: program.id }, select: { id: true, name: true } })).find((c) => c.name.toLowerCase() === args.cohort!.toLowerCase());
        if (!found) {
          err(`${program.name} has no cohort "${args.cohort}". Nothing was changed.`);
          return 1;
        }
        cohort = found.id;
      }
    }
    const preview = await previewYearClose(ctx, program.id, cohort);
    if (args.positionals[0] === "preview" || preview.kind !== "preview") {
      out(previewText(preview));
      if (args.positionals[0] === "close" && preview.kind === "not_yet") {
        err(`Nothing was changed: the year can be closed from ${DateTime.fromJSDate(preview.opensAt, { zone: program.timezone }).toISODate()}.`);
        return 1;
      }
      return 0;
    }
    const outcome = await closeYear({ ...ctx, messages: yearMessages }, by, program.id, preview.year.startYear, cohort);
    out(closedText(outcome, program.name));
    return 0;
  });
}
