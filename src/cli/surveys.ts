import { writeFileSync } from "node:fs";
import { z } from "zod";
import { audit, cliActor } from "../features/programs/audit.js";
import { saveSurveySettingsOf, surveyCsv, surveyProgramByName, surveyResults, surveySettingsOf } from "../features/surveys/surveys.js";
import { settingsSummary, SURVEY_LABELS } from "../features/surveys/views/settings.js";
import { defaultSettings, ITEM_TEXT_MAX, parseMonths, SURVEY_KINDS, type SurveyKind, type SurveySettings } from "../domain/surveys.js";
import { count } from "../slack/kit/plural.js";
import { parseFlags, withDatabase } from "./dbCommand.js";
import { chooseTeam, TEAM_ID, TEAM_ID_PROBLEM } from "./team.js";

export const SURVEYS_USAGE = `Usage: npm run cli -- surveys show|set|report [--team T0123ABCD] [--program NAME] ...
  surveys show --program NAME
      The program's evaluation surveys: which are on, when they go, every item's wording.
  surveys set --program NAME [--enable KIND]... [--disable KIND]... [--months 3,9|none]
              [--end-of-year yes|no] [--item KIND.KEY="wording"]... [--reset]
      Changes them as "Surveys" on the App Home does. KIND is mentee, mentor or program; KEY an item's
      key as \`surveys show\` lists it. --reset goes back to the defaults first. Audited (survey.settings).
  surveys report --program NAME [--out FILE]
      The survey results as CSV (to FILE, or stdout): aggregates only, per program, cohort and mentor
      and period; a group under 5 responses says "fewer than 5 responses". No free text, no ids.
  --program may be left out when the workspace has one program; --team when the database holds one
  workspace. Needs only the database. Environment: DATABASE_URL (default file:./data/rounds.db).`;

const kind = z.enum(SURVEY_KINDS, `a survey is one of ${SURVEY_KINDS.join(", ")}`);
const itemArg = z.string().transform((text, ctx) => {
  const m = /^(\w+)\.(\w+)=([\s\S]*)$/.exec(text);
  const wording = m?.[3]?.trim() ?? "";
  if (!m || !kind.safeParse(m[1]).success || !wording || wording.length > ITEM_TEXT_MAX) {
    ctx.addIssue({ code: "custom", message: `--item ${text}: write KIND.KEY="wording" (KIND mentee, mentor or program; wording 1–${ITEM_TEXT_MAX} characters)` });
    return z.NEVER;
  }
  return { kind: m[1] as SurveyKind, key: m[2]!, text: wording };
});

const argsSchema = z.object({
  positionals: z.tuple([z.enum(["show", "set", "report"], "the command is `surveys show`, `surveys set` or `surveys report`")], { error: "the command is `surveys show`, `surveys set` or `surveys report`" }),
  team: z.string().trim().regex(TEAM_ID, TEAM_ID_PROBLEM).optional(),
  program: z.string().trim().optional(),
  enable: z.array(kind).optional(),
  disable: z.array(kind).optional(),
  months: z.string().optional(),
  "end-of-year": z.enum(["yes", "no"], "--end-of-year takes yes or no").optional(),
  item: z.array(itemArg).optional(),
  reset: z.boolean().optional(),
  out: z.string().trim().min(1, "--out needs a file name").optional(),
});

const OPTIONS = {
  team: { type: "string" },
  program: { type: "string" },
  enable: { type: "string", multiple: true },
  disable: { type: "string", multiple: true },
  months: { type: "string" },
  "end-of-year": { type: "string" },
  item: { type: "string", multiple: true },
  reset: { type: "boolean" },
  out: { type: "string" },
} as const;

/** The settings as plain text. */
export function surveySettingsText(programName: string, s: SurveySettings): string {
  const lines = [`${programName}: ${settingsSummary(s)}`];
  for (const k of SURVEY_KINDS) {
    lines.push(`  ${k} (${SURVEY_LABELS[k].toLowerCase()}): ${s.surveys[k].enabled ? "on" : "off"}`);
    for (const item of s.surveys[k].items) lines.push(`    ${k}.${item.key}${item.type === "likert" ? " (1–5)" : " (free text)"}: ${item.text}`);
  }
  return lines.join("\n");
}

/** `surveys show|set|report`: exit 0 when done, 1 on failure, 2 on bad usage. */
export async function runSurveysCommand(argv: string[], out: (t: string) => void, err: (t: string) => void, now: () => Date = () => new Date()): Promise<number> {
  const args = parseFlags(argv, OPTIONS, argsSchema, SURVEYS_USAGE, err);
  if (!args) return 2;
  const sub = args.positionals[0];
  let months: number[] | undefined;
  if (args.months !== undefined) {
    const parsed = args.months.trim().toLowerCase() === "none" ? { ok: true as const, months: [] } : parseMonths(args.months);
    if (!parsed.ok) {
      err(`--months ${args.months}: ${parsed.message}\n\n${SURVEYS_USAGE}`);
      return 2;
    }
    months = parsed.months;
  }
  return withDatabase(err, async (db) => {
    const choice = await chooseTeam(db, args.team);
    if (!choice.ok) {
      err(choice.problem);
      return choice.code;
    }
    const { teamId } = choice;
    const program = await surveyProgramByName(db, teamId, args.program ?? "");
    if ("missing" in program) {
      err(program.names.length ? `${args.program ? `There is no program named "${args.program}".` : "Name the program with --program."} Programs: ${program.names.join(", ")}.` : "There are no programs yet.");
      return 1;
    }
    if (sub === "report") {
      const results = await surveyResults(db, teamId, program.id);
      const { csv, rows } = surveyCsv(results);
      await audit(db, cliActor(teamId), "survey.results", program.id, { program: program.name }, now());
      if (args.out) {
        writeFileSync(args.out, csv);
        out(`${args.out} (${count(rows, "row")})`);
      } else out(csv.replace(/\n$/, ""));
      return 0;
    }
    const { settings } = await surveySettingsOf(db, teamId, program.id);
    if (sub === "show") {
      out(surveySettingsText(program.name, settings));
      return 0;
    }
    const next: SurveySettings = args.reset ? defaultSettings() : structuredClone(settings);
    for (const k of args.enable ?? []) next.surveys[k].enabled = true;
    for (const k of args.disable ?? []) next.surveys[k].enabled = false;
    if (months) next.milestoneMonths = months;
    if (args["end-of-year"]) next.endOfYear = args["end-of-year"] === "yes";
    for (const change of args.item ?? []) {
      const item = next.surveys[change.kind].items.find((i) => i.key === change.key);
      if (!item) {
        err(`Nothing was changed: the ${change.kind} survey has no item ${change.key}. Its items: ${next.surveys[change.kind].items.map((i) => i.key).join(", ")}.`);
        return 1;
      }
      item.text = change.text;
    }
    await saveSurveySettingsOf(db, cliActor(teamId), program.id, next, now());
    out("Saved. The program's surveys are now:");
    out(surveySettingsText(program.name, next));
    return 0;
  });
}
