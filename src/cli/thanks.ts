import { writeFileSync } from "node:fs";
import { z } from "zod";
import { cliActor } from "../features/programs/audit.js";
import { getProgramByName } from "../features/programs/programs.js";
import { thanksShortlist } from "../features/thanks/thanks.js";
import { parseFlags, withDatabase } from "./dbCommand.js";
import { connectSlack } from "./slack.js";
import { workspaceExists } from "../store/workspaces.js";

export const THANKS_USAGE = `Usage: npm run cli -- thanks-shortlist [--team T0123ABCD] [--program NAME] [--since YYYY-MM-DD] [--out FILE]
  Writes the mentorship-award shortlist as CSV: every thanked mentor, most thanked first, with
  counts, distinct thankers, programs, first and last dates and the notes they received.
  --team names the workspace (Slack team id); without it, the bot token's workspace (auth.test).
  Environment: DATABASE_URL (default file:./data/rounds.db); SLACK_BOT_TOKEN and SLACK_API_URL when --team is not given.`;

const argsSchema = z.object({
  positionals: z.array(z.string()).superRefine((p, ctx) => {
    if (p.length) ctx.addIssue({ code: "custom", message: `thanks-shortlist takes no arguments (got ${p.join(" ")})` });
  }),
  team: z.string().regex(/^[TE][A-Z0-9]+$/, "--team must be a Slack team id, e.g. T0123ABCD").optional(),
  program: z.string().trim().min(1, "--program needs a name").optional(),
  since: z.iso.date("--since must be a date, YYYY-MM-DD").optional(),
  out: z.string().trim().min(1, "--out needs a file name").optional(),
});

/** `thanks-shortlist`: the award shortlist CSV to stdout or --out; exits 0, 1 (failed) or 2 (bad usage). */
export async function runThanksShortlist(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const options = { team: { type: "string" }, program: { type: "string" }, since: { type: "string" }, out: { type: "string" } } as const;
  const args = parseFlags(argv, options, argsSchema, THANKS_USAGE, err);
  if (!args) return 2;
  return withDatabase(err, async (db) => {
    const teamId = args.team ?? (await connectSlack(process.env.SLACK_BOT_TOKEN ?? "", process.env.SLACK_API_URL || undefined)).teamId;
    if (!(await workspaceExists(db, teamId))) {
      err(`There is no workspace ${teamId} in this database.`);
      return 1;
    }
    const programId = args.program ? (await getProgramByName(db, teamId, args.program)).id : undefined;
    const since = args.since ? new Date(`${args.since}T00:00:00Z`) : undefined;
    const { csv, rows } = await thanksShortlist(db, cliActor(teamId), { ...(programId ? { programId } : {}), ...(since ? { since } : {}) }, new Date());
    if (args.out) {
      writeFileSync(args.out, csv);
      err(`Wrote ${rows} mentors to ${args.out}.`);
    } else {
      out(csv.replace(/\n$/, ""));
    }
    return 0;
  });
}
