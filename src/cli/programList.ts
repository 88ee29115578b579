import { z } from "zod";
import { programOverviews } from "../features/programs/programs.js";
import { listWorkspaceIds } from "../store/workspaces.js";
import { labelOf, CADENCES } from "../domain/vocabulary.js";
import { count } from "../slack/kit/plural.js";
import { parseFlags, withDatabase } from "./dbCommand.js";
import { chooseTeam, TEAM_ID, TEAM_ID_PROBLEM } from "./team.js";

export const PROGRAM_LIST_USAGE = `Usage: npm run cli -- program list [--team T0123ABCD]
  Lists the programs of every workspace in the database (or of --team only), each under its
  workspace's Slack team id: the id that ranking, report and program settings take as --team.
  Needs only the database. Environment: DATABASE_URL (default file:./data/rounds.db).`;

const argsSchema = z.object({
  positionals: z.tuple([z.literal("list")], { error: "program list takes no arguments" }),
  team: z.string().trim().regex(TEAM_ID, TEAM_ID_PROBLEM).optional(),
});

/** `program list [--team T…]`: exit 0 when listed, 1 for an unknown --team, 2 on bad usage. */
export async function runProgramList(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const args = parseFlags(argv, { team: { type: "string" } }, argsSchema, PROGRAM_LIST_USAGE, err);
  if (!args) return 2;
  return withDatabase(err, async (db) => {
    let teams = await listWorkspaceIds(db);
    if (args.team !== undefined) {
      const choice = await chooseTeam(db, args.team);
      if (!choice.ok) {
        err(choice.problem);
        return choice.code;
      }
      teams = [choice.teamId];
    }
    let programs = 0;
    for (const teamId of teams) {
      const overviews = await programOverviews(db, teamId);
      if (overviews.length === 0) continue;
      out(`Workspace ${teamId}`);
      for (const p of overviews) {
        const asked = p.checkinAlsoTrainee ? "mentor and trainee" : "mentor only";
        out(`  ${p.name} — ${count(p.people, "person", "people")}, check-ins ${labelOf(CADENCES, p.checkinCadence).toLowerCase()} (${asked}), ${count(p.breaks.length, "break")}, ${p.timezone}, default capacity ${p.defaultCapacity}`);
        for (const c of p.cohorts) out(`    cohort: ${c.name}`);
      }
      programs += overviews.length;
    }
    if (programs === 0) out("No programs yet. A director creates one in Slack with /mentoring-admin.");
    return 0;
  });
}
