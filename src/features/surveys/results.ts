import type { WebClient } from "@slack/web-api";
import type { ListenerDeps } from "../../slack/deps.js";
import type { DirectorActor } from "../programs/directors.js";
import { directorDmChannel } from "../dashboard-reports/directorDm.js";
import { escapeMrkdwn } from "../../slack/kit/escape.js";
import { audit } from "../programs/audit.js";
import { surveyCsv, surveyResults } from "./surveys.js";
import { surveyResultsMessage } from "./views/results.js";

/**
 * Sends a program's survey dashboard to the director's DM with Rounds: the aggregates as a message,
 * then the CSV of the same aggregates and (once a survey has 5 responses program-wide) the PNG
 * chart. Audited (survey.results). Returns what to tell the director where they asked.
 */
export async function sendSurveyResults(deps: ListenerDeps, client: WebClient, by: DirectorActor, programId: string): Promise<string> {
  const results = await surveyResults(deps.db, by.workspaceId, programId);
  const { surveyChartData, surveyChartPng } = await import("./chart.js"); // loaded on first use, as the dashboard chart is
  const chart = surveyChartData(results);
  const { csv } = surveyCsv(results);
  const channel = await directorDmChannel(deps.db, by, async () => {
    const id = (await client.conversations.open({ users: by.actor })).channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    return id;
  });
  await client.chat.postMessage({ channel, ...surveyResultsMessage(results, { chart: chart !== null }) });
  const day = deps.now().toISOString().slice(0, 10);
  const files: { file: Buffer; filename: string; title: string }[] = [{ file: Buffer.from(csv, "utf8"), filename: `survey-results-${day}.csv`, title: "Survey results (aggregates only)" }];
  if (chart) files.push({ file: surveyChartPng(chart), filename: `survey-chart-${day}.png`, title: chart.title });
  await client.filesUploadV2({ channel_id: channel, initial_comment: `Survey results for ${escapeMrkdwn(results.programName)}: aggregates only, groups under 5 responses withheld.`, file_uploads: files });
  await audit(deps.db, by, "survey.results", programId, { program: results.programName }, deps.now());
  return `I sent the survey results of *${escapeMrkdwn(results.programName)}* to your DM with Rounds.`;
}
