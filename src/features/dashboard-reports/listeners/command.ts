import type { WebClient } from "@slack/web-api";
import type { DirectorActor } from "../../programs/directors.js";
import { programByName, programNames } from "../reports.js";
import { ProgramNotFound } from "../../../domain/errors.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { sendChart, sendReports } from "./deliver.js";

/**
 * `/mentoring-admin chart [program]` and `/mentoring-admin report [program]` (the director is
 * already checked): a named program (any case), or the whole workspace. Returns what to reply.
 */
export async function dashboardCommand(deps: ListenerDeps, client: WebClient, by: DirectorActor, sub: "chart" | "report", programText: string): Promise<string> {
  let programId: string | null = null;
  if (programText.trim()) {
    try {
      programId = (await programByName(deps.db, by.workspaceId, programText)).id;
    } catch (error) {
      if (!(error instanceof ProgramNotFound)) throw error;
      const names = (await programNames(deps.db, by.workspaceId)).map(escapeMrkdwn);
      return `There is no program named "${escapeMrkdwn(programText.trim())}" here, so nothing was sent. ${names.length ? `Programs: ${names.join(", ")}.` : "There are no programs yet."}`;
    }
  }
  return sub === "chart" ? sendChart({ deps, client }, by, programId) : sendReports({ deps, client }, by, programId);
}
