import { DateTime } from "luxon";
import { z } from "zod";
import { academicYearAt, academicYearStartSchema } from "../domain/academicYear.js";
import { cliActor } from "../features/programs/audit.js";
import { updateProgramSettings, type ProgramRecord } from "../features/programs/programs.js";
import { parseBreak, rangeOf, type ProgramBreak } from "../domain/programBreaks.js";
import { labelOf, CADENCES } from "../domain/vocabulary.js";
import { ProgramBreakNotFound, ProgramWordRefused } from "../domain/errors.js";
import { parseWord, readWords, WORD_KINDS, WORD_LIMITS } from "../domain/programWords.js";
import { calendarDay } from "../slack/kit/dates.js";
import { parseFlags, withDatabase } from "./dbCommand.js";
import { chooseProgram, TEAM_ID, TEAM_ID_PROBLEM } from "./team.js";

export const PROGRAM_SETTINGS_USAGE = `Usage: npm run cli -- program settings [--team T0123ABCD] --program NAME
         [--trainee-checkins yes|no] [--add-break DAY[..DAY]]... [--remove-break DAY[..DAY]]... [--clear-breaks]
         [--add-word KIND=Label]... [--remove-word KIND=Label]... [--academic-year-start MM-DD]
  Shows a program's settings, or changes them (check-ins and breaks as "Edit program" in Slack does):
  --trainee-checkins yes   check-ins ask the trainee as well as the mentor (no: the mentor only)
  --add-break 2026-12-24..2027-01-02   a break: no check-in for a period that ends on one of its days
                           (one day: --add-break 2027-03-15); days are read in the program's time zone
  --remove-break DAY[..DAY]   takes a break off again (as listed)
  --clear-breaks           removes every break (before any --add-break)
  --add-word interests="CAR-T therapy"   a word of the program's own, offered in its people's profile
                           forms and accepted in its roster: KIND is specialties, subspecialties,
                           careerPaths or interests
  --remove-word KIND=Label takes one of the program's own words off again
  --academic-year-start 07-01   the first day of the academic year (month-day; default 07-01, July 1 –
                           June 30); the year close (year preview / year close) works by it
  Repeat --add-break, --remove-break, --add-word and --remove-word as often as needed. Each change is audited (program.update).
  --team (the Slack team id, see program list) may be left out when the database holds one workspace.
  Needs only the database. Environment: DATABASE_URL (default file:./data/rounds.db).`;

/** A break on the command line: "DAY" or "DAY..DAY" (the form's "DAY to DAY" works too). */
const breakArg = (flag: string) =>
  z.string().transform((text, ctx) => {
    const parsed = parseBreak(text, "2026-12-24..2027-01-02");
    if (parsed.ok) return parsed.break;
    ctx.addIssue({ code: "custom", message: `${flag} ${text}: ${parsed.message}` });
    return z.NEVER;
  });

/** A word on the command line: "KIND=Label". */
const wordArg = (flag: string) =>
  z.string().transform((text, ctx) => {
    const parsed = parseWord(text);
    if (parsed.ok) return parsed.word;
    ctx.addIssue({ code: "custom", message: `${flag} ${text}: ${parsed.message}` });
    return z.NEVER;
  });

const argsSchema = z.object({
  positionals: z.tuple([z.literal("settings")], { error: "the command is `program settings --team T… --program NAME`" }),
  team: z.string().trim().regex(TEAM_ID, TEAM_ID_PROBLEM).optional(),
  program: z.string({ error: "--program NAME is required" }).trim().min(1, "--program needs a name"),
  "trainee-checkins": z.enum(["yes", "no"], "--trainee-checkins takes yes or no").optional(),
  "add-break": z.array(breakArg("--add-break")).optional(),
  "remove-break": z.array(breakArg("--remove-break")).optional(),
  "clear-breaks": z.boolean().optional(),
  "add-word": z.array(wordArg("--add-word")).optional(),
  "remove-word": z.array(wordArg("--remove-word")).optional(),
  "academic-year-start": z
    .string()
    .transform((text, ctx) => {
      const parsed = academicYearStartSchema.safeParse(text);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: `--academic-year-start ${text}: ${parsed.error.issues[0]?.message ?? "must look like 07-01"}` });
      return z.NEVER;
    })
    .optional(),
});

const OPTIONS = {
  team: { type: "string" },
  program: { type: "string" },
  "trainee-checkins": { type: "string" },
  "add-break": { type: "string", multiple: true },
  "remove-break": { type: "string", multiple: true },
  "clear-breaks": { type: "boolean" },
  "add-word": { type: "string", multiple: true },
  "remove-word": { type: "string", multiple: true },
  "academic-year-start": { type: "string" },
} as const;

/** "Thu 24 Dec 2026 – Sat 2 Jan 2027  (2026-12-24..2027-01-02)": how the person reads it, and how to name it again. */
function breakLine(b: ProgramBreak): string {
  const { from, to } = rangeOf(b);
  const words = from === to ? calendarDay(from) : `${calendarDay(from)} – ${calendarDay(to)}`;
  return `${words}  (${from === to ? from : `${from}..${to}`})`;
}

/** "starts 07-01 (this year: 2026–27, 1 Jul 2026 – 30 Jun 2027)". */
function academicYearWords(p: ProgramRecord, now = new Date()): string {
  const y = academicYearAt(now, p.academicYearStart, p.timezone);
  return `starts ${p.academicYearStart} (now ${y.label}: ${calendarDay(DateTime.fromJSDate(y.start, { zone: p.timezone }).toISODate()!)} – ${calendarDay(y.lastDay)})`;
}

/** The program's settings as plain text. */
export function settingsText(p: ProgramRecord): string {
  const lines = [
    p.name,
    `  time zone:  ${p.timezone}`,
    `  check-ins:  ${labelOf(CADENCES, p.checkinCadence).toLowerCase()}, asking ${p.checkinAlsoTrainee ? "the mentor and the trainee" : "the mentor only"}`,
    `  academic year: ${academicYearWords(p)}`,
    `  breaks:     ${p.breaks.length ? breakLine(p.breaks[0]!) : "none"}`,
    ...p.breaks.slice(1).map((b) => `              ${breakLine(b)}`),
  ];
  const words = readWords(p.vocabulary);
  const own = WORD_KINDS.filter((k) => words[k]?.length).map((k) => `${k}=${words[k]!.map((t) => t.label).join("; ")}`);
  lines.push(`  own words:  ${own.length ? own.join("\n              ") : "none (only the built-in ones)"}`);
  return lines.join("\n");
}

/** `program settings`: exit 0 when shown or stored, 1 on failure (no such program or break), 2 on bad usage. */
export async function runProgramSettings(argv: string[], out: (t: string) => void, err: (t: string) => void, now: () => Date = () => new Date()): Promise<number> {
  const args = parseFlags(argv, OPTIONS, argsSchema, PROGRAM_SETTINGS_USAGE, err);
  if (!args) return 2;
  const changing = args["academic-year-start"] !== undefined || args["trainee-checkins"] !== undefined || args["add-break"] || args["remove-break"] || args["clear-breaks"] || args["add-word"] || args["remove-word"];
  return withDatabase(err, async (db) => {
    const choice = await chooseProgram(db, args.team, args.program);
    if (!choice.ok) {
      err(choice.problem);
      return choice.code;
    }
    const { teamId } = choice;
    if (!changing) {
      out(settingsText(choice.program));
      return 0;
    }
    try {
      const { program, changed } = await updateProgramSettings(
        db,
        cliActor(teamId),
        args.program,
        {
          ...(args["trainee-checkins"] ? { checkinAlsoTrainee: args["trainee-checkins"] === "yes" } : {}),
          breaks: { add: args["add-break"] ?? [], remove: args["remove-break"] ?? [], clear: args["clear-breaks"] ?? false },
          words: { add: args["add-word"] ?? [], remove: args["remove-word"] ?? [] },
          ...(args["academic-year-start"] ? { academicYearStart: args["academic-year-start"] } : {}),
        },
        now(),
      );
      out(changed ? "Saved. The program's settings are now:" : "Nothing changed: the program already has these settings.");
      out(settingsText(program));
      return 0;
    } catch (error) {
      const see = `See its settings with: npm run cli -- program settings --team ${teamId} --program "${args.program}"`;
      if (error instanceof ProgramBreakNotFound) {
        const { from, to } = rangeOf(error.programBreak);
        err(`Nothing was changed: ${args.program} has no break ${from === to ? from : `${from}..${to}`}. ${see}`);
        return 1;
      }
      if (error instanceof ProgramWordRefused) {
        const word = `${error.word.kind}=${error.word.term.label}`;
        const why = { missing: `${args.program} has no word of its own ${word}`, exists: `${word} is already a word there`, too_many: `a program can have at most ${WORD_LIMITS.perKind} ${error.word.kind} of its own` }[error.problem];
        err(`Nothing was changed: ${why}. ${see}`);
        return 1;
      }
      throw error;
    }
  });
}
