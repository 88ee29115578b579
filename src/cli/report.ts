import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../store/database.js";
import { workspaceExists } from "../store/reports.js";
import { cliActor } from "../services/audit.js";
import { buildReports, programByName } from "../services/reports.js";
import { cliErrorText } from "./errorText.js";

export const REPORT_USAGE = `Usage: npm run cli -- report --team T0123ABCD [--program NAME] --out DIR
  Writes the director reports as CSV files into DIR (created if missing): matches, check-ins,
  requests, goals and the audit log, for one program or (without --program) every program of the
  workspace. Private meeting notes are never exported. Needs only the database.
  Environment: DATABASE_URL (default file:./data/rounds.db).`;

const argsSchema = z.object({
  positionals: z.tuple([], { error: "report takes no positional arguments" }),
  team: z.string({ error: "--team TEAM_ID is required (the Slack team id, e.g. T0123ABCD)" }).trim().regex(/^[TE][A-Z0-9-]+$/, "--team must be a Slack team id, e.g. T0123ABCD"),
  program: z.string().trim().min(1, "--program needs a name").optional(),
  out: z.string({ error: "--out DIR is required" }).trim().min(1, "--out needs a directory"),
});

/** `report --team T… [--program NAME] --out DIR`: exit 0 when written, 1 on failure, 2 on bad usage. */
export async function runReportCommand(argv: string[], out: (t: string) => void, err: (t: string) => void, now: () => Date = () => new Date()): Promise<number> {
  let args;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { team: { type: "string" }, program: { type: "string" }, out: { type: "string" } } });
    args = argsSchema.parse({ positionals, ...values });
  } catch (error) {
    err(`${error instanceof z.ZodError ? (error.issues[0]?.message ?? "bad arguments") : (error as Error).message}\n\n${REPORT_USAGE}`);
    return 2;
  }
  const { db } = await openDatabase(process.env.DATABASE_URL ?? "file:./data/rounds.db");
  try {
    if (!(await workspaceExists(db.prisma, args.team))) {
      err(`There is no workspace ${args.team} in this database.`);
      return 1;
    }
    const programId = args.program ? (await programByName(db.prisma, args.team, args.program)).id : null;
    const reports = await buildReports(db.prisma, cliActor(args.team), programId, now());
    mkdirSync(args.out, { recursive: true });
    for (const f of reports.files) {
      writeFileSync(path.join(args.out, f.filename), f.csv);
      out(`${path.join(args.out, f.filename)} (${f.rows} rows)`);
    }
    return 0;
  } catch (error) {
    err(cliErrorText(error));
    return 1;
  } finally {
    await db.close();
  }
}
