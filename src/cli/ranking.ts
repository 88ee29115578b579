import { readFileSync } from "node:fs";
import { z } from "zod";
import { cliActor } from "../features/programs/audit.js";
import { programRanking, setProgramRanking, type ProgramRanking } from "../features/findmentor/rankingWeights.js";
import { DEFAULT_RANKING_CONFIG, FACTORS } from "../domain/weights.js";
import { InvalidRankingWeights } from "../domain/errors.js";
import { cliErrorText } from "./errorText.js";
import { parseFlags, withDatabase } from "./dbCommand.js";
import { chooseTeam, TEAM_ID, TEAM_ID_PROBLEM } from "./team.js";

export const RANKING_USAGE = `Usage: npm run cli -- ranking [--team T0123ABCD] --program NAME [--set FILE.json | --reset]
  Shows how /findmentor ranks mentors for the program: every weight and knob, and which ones the
  program overrides. --set stores the overrides in FILE.json, e.g.
    {"weights": {"responsiveness": 20, "keywords": 60}, "tuning": {"declinedWithinDays": 30}}
  (anything left out keeps its default; see docs/ranking.md); --reset returns to the defaults.
  --team (the Slack team id, see program list) may be left out when the database holds one workspace.
  Needs only the database. Environment: DATABASE_URL (default file:./data/rounds.db).`;

const argsSchema = z
  .object({
    positionals: z.tuple([], { error: "ranking takes no positional arguments" }),
    team: z.string().trim().regex(TEAM_ID, TEAM_ID_PROBLEM).optional(),
    program: z.string({ error: "--program NAME is required" }).trim().min(1, "--program needs a name"),
    set: z.string().trim().min(1, "--set needs a file").optional(),
    reset: z.boolean().optional(),
  })
  .refine((a) => !(a.set && a.reset), "use --set or --reset, not both");

/** `ranking --team T --program NAME [--set FILE | --reset]`: exit 0 when shown or stored, 1 on failure, 2 on bad usage or a bad file. */
export async function runRankingCommand(argv: string[], out: (t: string) => void, err: (t: string) => void, now: () => Date = () => new Date()): Promise<number> {
  const options = { team: { type: "string" }, program: { type: "string" }, set: { type: "string" }, reset: { type: "boolean" } } as const;
  const args = parseFlags(argv, options, argsSchema, RANKING_USAGE, err);
  if (!args) return 2;
  let overrides: unknown = undefined;
  if (args.set) {
    try {
      overrides = JSON.parse(readFileSync(args.set, "utf8"));
    } catch (error) {
      err(error instanceof SyntaxError ? `${args.set} is not valid JSON: ${error.message}` : cliErrorText(error));
      return 2;
    }
  }
  return withDatabase(err, async (db) => {
    const choice = await chooseTeam(db, args.team);
    if (!choice.ok) {
      err(choice.problem);
      return choice.code;
    }
    try {
      const ranking =
        args.set || args.reset
          ? await setProgramRanking(db, cliActor(choice.teamId), args.program, args.reset ? null : overrides, now())
          : await programRanking(db, choice.teamId, args.program);
      if (args.set || args.reset) out(`Stored. /findmentor in ${ranking.programName} now ranks with:`);
      out(rankingTable(ranking));
      return 0;
    } catch (error) {
      if (!(error instanceof InvalidRankingWeights)) throw error;
      err(`Nothing was stored: ${args.set} has problems.\n${error.issues.map((i) => `  - ${i.path || "(the file)"}: ${i.message}`).join("\n")}`);
      return 2;
    }
  });
}

/** The ranking as a plain table: each weight and knob, its value, its default, and "program" when overridden. */
export function rankingTable({ programName, config, overrides }: ProgramRanking): string {
  const rows: string[][] = [["", "value", "default", ""]];
  for (const f of FACTORS) rows.push([`weight ${f}`, String(config.weights[f]), String(DEFAULT_RANKING_CONFIG.weights[f]), overrides.weights?.[f] !== undefined ? "program" : ""]);
  for (const [k, v] of Object.entries(config.tuning)) {
    const d = DEFAULT_RANKING_CONFIG.tuning[k as keyof typeof config.tuning];
    rows.push([k, String(v), String(d), (overrides.tuning as Record<string, unknown> | undefined)?.[k] !== undefined ? "program" : ""]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd());
  return [`Ranking for ${programName}`, ...lines].join("\n");
}
