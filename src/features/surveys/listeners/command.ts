import type { WebClient } from "@slack/web-api";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { DirectorActor } from "../../programs/directors.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { surveyProgramByName, surveySettingsOf } from "../surveys.js";
import { settingsModal } from "../views/settings.js";
import { sendSurveyResults } from "../results.js";

/**
 * `/mentoring-admin surveys [program]` opens a program's survey settings; `/mentoring-admin surveys
 * results [program]` sends its survey dashboard to the director's DM. The program may be left out
 * when there is one. Returns what to reply (null: a modal opened).
 */
export async function surveysAdminCommand(deps: ListenerDeps, client: WebClient, by: DirectorActor, text: string, triggerId: string): Promise<string | null> {
  const words = text.trim().replace(/^surveys?\b/i, "").trim();
  const results = /^results\b/i.test(words);
  const name = results ? words.replace(/^results\b/i, "").trim() : words;
  const program = await surveyProgramByName(deps.db, by.workspaceId, name);
  if ("missing" in program) {
    const usage = "Use `/mentoring-admin surveys PROGRAM` to change a program's surveys, `/mentoring-admin surveys results PROGRAM` for its results.";
    if (!program.names.length) return "There are no programs yet, so there are no surveys. Create a program first.";
    const names = program.names.map(escapeMrkdwn).join(", ");
    return name ? `There is no program named "${escapeMrkdwn(name)}". Programs: ${names}. ${usage}` : `Which program? Programs: ${names}. ${usage}`;
  }
  if (results) return sendSurveyResults(deps, client, by, program.id);
  const { settings } = await surveySettingsOf(deps.db, by.workspaceId, program.id);
  await client.views.open({ trigger_id: triggerId, view: settingsModal(program.id, program.name, settings) });
  return null;
}
