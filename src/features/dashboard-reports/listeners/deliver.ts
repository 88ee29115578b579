import type { WebClient } from "@slack/web-api";
import { buildReports } from "../reports.js";
import { cachedDmChannel, rememberDmChannel } from "../../../store/dashboard.js";
import type { DirectorActor } from "../../programs/directors.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { ListenerDeps } from "../../../slack/deps.js";

/** The director's DM with Rounds: the cached channel, else opened once and remembered (files need a channel id). */
async function directorDm(deps: ListenerDeps, client: WebClient, by: DirectorActor): Promise<string> {
  const cached = await cachedDmChannel(deps.db, by.workspaceId, by.actor);
  if (cached) return cached;
  const opened = await client.conversations.open({ users: by.actor });
  const id = opened.channel?.id;
  if (!id) throw new Error("conversations.open returned no channel");
  await rememberDmChannel(deps.db, by.workspaceId, by.actor, id);
  return id;
}

/** Renders the chart (one program, or the whole workspace) and uploads the PNG to the director's DM. Returns what to say. */
export async function sendChart(deps: ListenerDeps, client: WebClient, by: DirectorActor, programId: string | null): Promise<string> {
  // Loaded on first use: the charting libraries (ECharts, resvg's native addon) cost the app's start-up nothing.
  const { chartPng, chartSeries } = await import("../chart.js");
  const series = await chartSeries(deps.db, by.workspaceId, programId, deps.now());
  const png = chartPng(series);
  const channel = await directorDm(deps, client, by);
  await client.filesUploadV2({
    channel_id: channel,
    file: png,
    filename: "rounds-chart.png",
    title: `${series.title}: meetings and check-ins`,
    initial_comment: `Meetings reported and check-in response rate per period, ${escapeMrkdwn(series.title)} (last ${series.points.length} periods).`,
  });
  return `I sent the chart of *${escapeMrkdwn(series.title)}* to your DM with Rounds.`;
}

/** Builds the five CSV reports and uploads them, in one message, to the director's DM. Returns what to say. */
export async function sendReports(deps: ListenerDeps, client: WebClient, by: DirectorActor, programId: string | null): Promise<string> {
  const reports = await buildReports(deps.db, by, programId, deps.now());
  const what = reports.programName ? escapeMrkdwn(reports.programName) : "all programs";
  const channel = await directorDm(deps, client, by);
  const counts = reports.files.map((f) => `${f.report} ${f.rows}`).join(", ");
  await client.filesUploadV2({
    channel_id: channel,
    initial_comment: `Reports for ${what} (rows: ${counts}). Private meeting notes are never included; decline reasons and end notes are, for directors only.`,
    file_uploads: reports.files.map((f) => ({ file: Buffer.from(f.csv, "utf8"), filename: f.filename, title: f.filename })),
  });
  return `I sent the reports for *${what}* (${reports.files.length} CSV files) to your DM with Rounds.`;
}
