import { buildReports } from "../reports.js";
import { directorDmChannel } from "../directorDm.js";
import type { DirectorActor } from "../../programs/directors.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { Interaction } from "../../../slack/interaction/pipeline.js";

type Sender = Pick<Interaction, "deps" | "client">;

/** The director's DM with Rounds: the remembered channel, else opened once (files need a channel id). */
function directorDm({ deps, client }: Sender, by: DirectorActor): Promise<string> {
  return directorDmChannel(deps.db, by, async () => {
    const id = (await client.conversations.open({ users: by.actor })).channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    return id;
  });
}

/** Renders the chart (one program, or the whole workspace) and uploads the PNG to the director's DM. Returns what to say. */
export async function sendChart(s: Sender, by: DirectorActor, programId: string | null): Promise<string> {
  // Loaded on first use: the charting libraries (ECharts, resvg's native addon) cost the app's start-up nothing.
  const { chartPng, chartSeries } = await import("../chart.js");
  const series = await chartSeries(s.deps.db, by.workspaceId, programId, s.deps.now());
  const png = chartPng(series);
  const channel = await directorDm(s, by);
  await s.client.filesUploadV2({
    channel_id: channel,
    file: png,
    filename: "rounds-chart.png",
    title: `${series.title}: meetings and check-ins`,
    initial_comment: `Meetings reported and check-in response rate per period, ${escapeMrkdwn(series.title)} (last ${series.points.length} periods).`,
  });
  return `I sent the chart of *${escapeMrkdwn(series.title)}* to your DM with Rounds.`;
}

/** Builds the five CSV reports and uploads them, in one message, to the director's DM. Returns what to say. */
export async function sendReports(s: Sender, by: DirectorActor, programId: string | null): Promise<string> {
  const reports = await buildReports(s.deps.db, by, programId, s.deps.now());
  const what = reports.programName ? escapeMrkdwn(reports.programName) : "all programs";
  const channel = await directorDm(s, by);
  const counts = reports.files.map((f) => `${f.report} ${f.rows}`).join(", ");
  await s.client.filesUploadV2({
    channel_id: channel,
    initial_comment: `Reports for ${what} (rows: ${counts}). Private meeting notes are never included; decline reasons and end notes are, for directors only.`,
    file_uploads: reports.files.map((f) => ({ file: Buffer.from(f.csv, "utf8"), filename: f.filename, title: f.filename })),
  });
  return `I sent the reports for *${what}* (${reports.files.length} CSV files) to your DM with Rounds.`;
}
