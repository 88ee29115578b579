import { ProgramNotFound } from "../domain/errors.js";
import type { Db } from "../store/database.js";
import { findProgramByName, type ProgramRecord } from "../store/programs.js";
import { listWorkspaceIds } from "../store/workspaces.js";
import { cliErrorText } from "./errorText.js";

/** The Slack team id flag shared by the database-only commands; optional when the database holds one workspace. */
export const TEAM_ID = /^[TE][A-Z0-9-]+$/;
export const TEAM_ID_PROBLEM = "--team must be a Slack team id, e.g. T0123ABCD";

export type TeamChoice = { ok: true; teamId: string } | { ok: false; code: 1 | 2; problem: string };

/**
 * The workspace a command works in: --team when given (and known to this database), else the only
 * workspace there is. Says in plain words when --team names no workspace here, or when it is needed.
 */
export async function chooseTeam(db: Db, team: string | undefined): Promise<TeamChoice> {
  const ids = await listWorkspaceIds(db);
  if (team !== undefined) {
    if (ids.includes(team)) return { ok: true, teamId: team };
    const known = ids.length ? `The workspaces here: ${ids.join(", ")}.` : NO_WORKSPACE;
    return { ok: false, code: 1, problem: `There is no workspace ${team} in this database. ${known}` };
  }
  if (ids.length === 1) return { ok: true, teamId: ids[0]! };
  if (ids.length === 0) return { ok: false, code: 1, problem: NO_WORKSPACE };
  return { ok: false, code: 2, problem: `This database holds ${ids.length} workspaces (${ids.join(", ")}): name one with --team.` };
}

export type ProgramChoice = { ok: true; teamId: string; program: ProgramRecord } | { ok: false; code: 1 | 2; problem: string };

/**
 * The workspace (as chooseTeam), then its program named `name`, for the commands that work on one
 * program. A name that is no program there is a failure (exit 1) that says how to list the names.
 */
export async function chooseProgram(db: Db, team: string | undefined, name: string): Promise<ProgramChoice> {
  const choice = await chooseTeam(db, team);
  if (!choice.ok) return choice;
  const program = await findProgramByName(db, choice.teamId, name);
  if (!program) return { ok: false, code: 1, problem: cliErrorText(new ProgramNotFound(name)) };
  return { ...choice, program };
}

const NO_WORKSPACE =
  "This database has no workspace yet: Rounds adds one when someone in Slack first uses it (is DATABASE_URL the app's database?).";
