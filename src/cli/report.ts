import { count } from "../slack/kit/plural.js";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { cliActor } from "../features/programs/audit.js";
import { buildReports, programByName } from "../features/dashboard-reports/reports.js";
import { parseFlags, withDatabase } from "./dbCommand.js";
import { chooseTeam, TEAM_ID, TEAM_ID_PROBLEM } from "./team.js";

export const REPORT_USAGE = `Usage: npm run cli -- report [--team T0123ABCD] [--program NAME] --out DIR
  Writes the director reports as CSV files into DIR (created if missing): matches, check-ins,
  requests, goals and the audit log, for one program or (without --program) every program of the
  workspace. Private meeting notes are never exported. --team (the Slack team id, see program list)
  may be left out when the database holds one workspace. Needs only the database.
  Environment: DATABASE_URL (default file:./data/rounds.db).`;

const argsSchema = z.object({
  positionals: z.tuple([], { error: "report takes no positional arguments" }),
  team: z.string().trim().regex(TEAM_ID, TEAM_ID_PROBLEM).optional(),
  program: z.string().trim().min(1, "--program needs a name").optional(),
  out: z.string({ error: "--out DIR is required" }).trim().min(1, "--out needs a directory"),
});

/** `report --team T… [--program NAME] --out DIR`: exit 0 when written, 1 on failure, 2 on bad usage. */
export async function runReportCommand(argv: string[], out: (t: string) => void, err: (t: string) => void, now: () => Date = () => new Date()): Promise<number> {
  const args = parseFlags(argv, { team: { type: "string" }, program: { type: "string" }, out: { type: "string" } }, argsSchema, REPORT_USAGE, err);
  if (!args) return 2;
  return withDatabase(err, async (db) => {
    const choice = await chooseTeam(db, args.team);
    if (!choice.ok) {
      err(choice.problem);
      return choice.code;
    }
    const programId = args.program ? (await programByName(db, choice.teamId, args.program)).id : null;
    const reports = await buildReports(db, cliActor(choice.teamId), programId, now());
    mkdirSync(args.out, { recursive: true });
    for (const f of reports.files) {
      writeFileSync(path.join(args.out, f.filename), f.csv);
      out(`${path.join(args.out, f.filename)} (${count(f.rows, "row")})`);
    }
    return 0;
  });
}
