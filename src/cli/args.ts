import { parseArgs } from "node:util";
import { z } from "zod";

export const USAGE = `Usage: npm run cli -- COMMAND

Commands:
  roster import FILE --program NAME [--cohort NAME]
      Import a roster CSV into a program. Bad rows are reported as "line N: reason" and skipped;
      good rows are imported. Running the same file again changes nothing.
      --cohort NAME is the cohort for rows whose cohort cell is empty (created if missing).
  roster export --program NAME [--out FILE]
      Write the program's roster as CSV (same columns as import) to FILE, or to stdout.
  director grant EMAIL|USERID
  director revoke EMAIL|USERID
      Grant or take back the director role inside Rounds.
  program list [--team TEAM_ID]
      List every workspace's programs, with cohorts and head counts, under its Slack team id (the
      TEAM_ID the commands below take). Needs only the database.
  program settings [--team TEAM_ID] --program NAME [--trainee-checkins yes|no]
                   [--add-break DAY[..DAY]]... [--remove-break DAY[..DAY]]... [--clear-breaks]
                   [--add-word KIND=Label]... [--remove-word KIND=Label]... [--academic-year-start MM-DD]
      Show or change a program's settings: whether trainees are asked at check-ins too, its breaks
      (days with no check-ins, e.g. --add-break 2026-12-24..2027-01-02) and its own words for
      profiles and rosters (e.g. --add-word interests="CAR-T therapy"). Audited. Needs only the database.
  year preview|close|report [--team TEAM_ID] --program NAME [--cohort NAME|none] [--out FILE]
      The academic year's close, as "Close the year" in Slack: preview it, close it (graduation,
      training years, mentorships continued or ended, alumni invited to mentor; once per year), or
      write the year report CSV (docs/academic-year.md). Needs only the database.
  match FILE.json
      Solve a pairing instance (optimal or stable) and print the pairs and metrics as JSON
      (see docs/matching.md). Needs neither Slack nor the database.
  thanks-shortlist [--team T0123ABCD] [--program NAME] [--since YYYY-MM-DD] [--out FILE]
      Write the mentorship-award shortlist (thank-yous per mentor, most thanked first) as CSV.
  ranking [--team TEAM_ID] --program NAME [--set FILE.json | --reset]
      Show how /findmentor ranks mentors in a program (weights and knobs), or change it (docs/ranking.md).
      Needs only the database.
  surveys show|set|report [--team TEAM_ID] [--program NAME] [--enable KIND] [--disable KIND]
          [--months 3,9|none] [--end-of-year yes|no] [--item KIND.KEY="wording"] [--reset] [--out FILE]
      Show or change a program's evaluation surveys, or write their results (aggregates only, groups
      under 5 responses withheld) as CSV (docs/surveys.md). Audited. Needs only the database.
  roundtables list | create --program NAME --start "YYYY-MM-DD HH:MM" --deadline "YYYY-MM-DD HH:MM"
              [--rotations N] [--minutes N] [--table-size N] --host PATH=EMAIL|USERID... | seat SESSION_ID
      Career round tables (docs/round-tables.md): list sessions, set one up (trainees are invited
      by DM to choose), or seat one now. [--team TEAM_ID]. Needs only the database.
  job run NAME [--now ISO-8601]
      Run one scheduled job once now (or as of --now), e.g. request-reminders. Needs only the database.
  report [--team TEAM_ID] [--program NAME] --out DIR
      Write the director reports (matches, check-ins, requests, goals, audit log) as CSV files into DIR.
      Never includes private meeting notes. Needs only the database.

  installations list | reseal
      Rounds installed in many workspaces: list the installations, or reseal every stored bot token
      under the current ROUNDS_TOKEN_KEY after a key rotation. Needs only the database.

  backup --out FILE
      Copy the SQLite database into the new file FILE while Rounds runs (a consistent snapshot),
      and check the copy. On PostgreSQL it prints the pg_dump command instead.
  restore FILE
      Put a backup in place of the SQLite database; refuses while Rounds (or anything) has it open.
      The replaced database is kept beside it. On PostgreSQL it prints the pg_restore command.

Environment (all but match): SLACK_BOT_TOKEN, DATABASE_URL (default file:./data/rounds.db), SLACK_API_URL (optional).
Rounds installed in many workspaces: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and ROUNDS_TOKEN_KEY instead of
SLACK_BOT_TOKEN; the commands that talk to Slack then take --team T0123ABCD (or E… for an org-wide install)
and use that installation's token.
--team may be left out when the database holds one workspace.
Exit codes: 0 done, 1 failed (or some roster rows were bad), 2 bad usage.`;

export class UsageError extends Error {}

const name = (what: string) => z.string({ error: `--${what} NAME is required` }).trim().min(1, `--${what} needs a name`);
const person = z
  .string({ error: "name a person by email or Slack user id" })
  .trim()
  .refine((s) => z.email().safeParse(s).success || /^[UW][A-Z0-9]{2,}$/.test(s), "name a person by email or Slack user id (e.g. U0123ABCD)");

export type CliCommand =
  | { kind: "roster-import"; file: string; program: string; cohort: string | null }
  | { kind: "roster-export"; program: string; out: string | null }
  | { kind: "director"; action: "grant" | "revoke"; who: string }
  | { kind: "help" };

const schemas = {
  "roster import": z.object({
    positionals: z.tuple([z.string({ error: "name the CSV file to import" })], { error: "give exactly one CSV file" }),
    program: name("program"),
    cohort: z.string().trim().min(1, "--cohort needs a name").optional(),
    out: z.undefined({ error: "--out is for roster export" }),
  }),
  "roster export": z.object({
    positionals: z.tuple([], { error: "roster export takes no file argument (use --out FILE)" }),
    program: name("program"),
    cohort: z.undefined({ error: "--cohort is for roster import" }),
    out: z.string().trim().min(1, "--out needs a file name").optional(),
  }),
  director: z.object({
    positionals: z.tuple([person], { error: "name exactly one person by email or Slack user id" }),
    program: z.undefined({ error: "director takes no --program" }),
    cohort: z.undefined({ error: "director takes no --cohort" }),
    out: z.undefined({ error: "director takes no --out" }),
  }),
};

function check<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad arguments");
  return parsed.data;
}

/** argv (after `node main.js`) → a command, or UsageError with what is wrong. */
export function parseCommand(argv: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { program: { type: "string" }, cohort: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === "help") return { kind: "help" };
  if (positionals.length === 0) throw new UsageError("name a command (npm run cli -- help lists them)");
  const [group, action, ...rest] = positionals;
  const input = { positionals: rest, program: values.program, cohort: values.cohort, out: values.out };
  if (group === "roster" && action === "import") {
    const a = check(schemas["roster import"], input);
    return { kind: "roster-import", file: a.positionals[0], program: a.program, cohort: a.cohort ?? null };
  }
  if (group === "roster" && action === "export") {
    const a = check(schemas["roster export"], input);
    return { kind: "roster-export", program: a.program, out: a.out ?? null };
  }
  if (group === "director" && (action === "grant" || action === "revoke")) {
    const a = check(schemas.director, input);
    return { kind: "director", action, who: a.positionals[0] };
  }
  throw new UsageError(`unknown command: ${positionals.join(" ")}`);
}

export const envSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().startsWith("xoxb-", "SLACK_BOT_TOKEN must start with xoxb-").optional(),
  ),
  /** Distributed mode: the installations in the database are used, with their sealed tokens. */
  SLACK_CLIENT_ID: z.string().trim().optional(),
  SLACK_CLIENT_SECRET: z.string().trim().optional(),
  SLACK_STATE_SECRET: z.string().trim().optional(),
  ROUNDS_TOKEN_KEY: z.string().trim().optional(),
  ROUNDS_TOKEN_KEYS_OLD: z.string().trim().optional(),
  SLACK_API_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url("SLACK_API_URL is not a URL").optional()),
  DATABASE_URL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v : undefined),
    z
      .string()
      .default("file:./data/rounds.db")
      .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), "DATABASE_URL must start with file: or postgresql://"),
  ),
});
export type CliEnv = z.infer<typeof envSchema>;

export function parseEnv(env: NodeJS.ProcessEnv): CliEnv {
  const parsed = check(envSchema, env);
  if (!parsed.SLACK_BOT_TOKEN && !(parsed.SLACK_CLIENT_ID && parsed.ROUNDS_TOKEN_KEY)) {
    throw new UsageError("SLACK_BOT_TOKEN is not set (or, for Rounds installed in many workspaces, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and ROUNDS_TOKEN_KEY)");
  }
  return parsed;
}
