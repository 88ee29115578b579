import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { runCli } from "./jobRunner.js";

/**
 * One of a program's CSV reports as a director gets it from the CLI (`cli report --team --program
 * --out`): the raw text and its rows. Throws with the CLI's output when it fails.
 */
export async function cliReport(databaseUrl: string, team: string, program: string, report: "matches" | "requests" | "checkins" | "goals" | "audit"): Promise<{ raw: string; rows: Record<string, string>[] }> {
  const out = mkdtempSync(path.join(os.tmpdir(), "rounds-cli-report-"));
  const run = await runCli(["report", "--team", team, "--program", program, "--out", out], { DATABASE_URL: databaseUrl });
  if (run.code !== 0) throw new Error(`cli report failed (${run.code}): ${run.all}`);
  const file = readdirSync(out).find((f) => f.includes(`-${report}-`));
  if (!file) throw new Error(`no ${report} report in ${readdirSync(out).join(", ")}`);
  const raw = readFileSync(path.join(out, file), "utf8");
  return { raw, rows: parse(raw, { columns: true }) as Record<string, string>[] };
}
