import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { Db } from "../../store/database.js";
import { dashboardPrograms } from "../../store/dashboard.js";
import { periodCounts } from "../../store/dashboardPeriods.js";
import { completedWindows } from "../../domain/dashboardPeriods.js";
import { ProgramNotFound } from "../../domain/errors.js";
import type { Cadence } from "../../domain/cadence.js";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Periods on the chart: the last 12 complete ones. */
export const CHART_PERIODS = 12;

export interface ChartPoint {
  label: string;
  meetings: number;
  sent: number;
  answered: number;
}

export interface ChartSeries {
  title: string;
  points: ChartPoint[];
}

/**
 * Meetings reported and check-in response per period for one program (its cadence and time zone),
 * or for the whole workspace by calendar month (UTC) when programId is null. The periods' counts
 * come from the per-period summary (store/dashboardPeriods.ts): counted once, then read.
 */
export async function chartSeries(db: Db, workspaceId: string, programId: string | null, now: Date): Promise<ChartSeries> {
  let title = "All programs";
  let calendar: { cadence: Cadence; timezone: string } = { cadence: "MONTHLY", timezone: "UTC" };
  if (programId) {
    const program = (await dashboardPrograms(db, workspaceId, programId))[0];
    if (!program) throw new ProgramNotFound(programId);
    title = program.name;
    calendar = { cadence: program.cadence, timezone: program.timezone };
  }
  const windows = completedWindows(calendar.cadence, calendar.timezone, now, CHART_PERIODS);
  const counts = await periodCounts(db, workspaceId, programId, calendar, windows, now);
  const points: ChartPoint[] = windows.map((w) => {
    const c = counts.get(w.key)!;
    return { label: w.label, meetings: c.meetings, sent: c.sent, answered: c.answered };
  });
  return { title, points };
}

export const CHART_SIZE = { width: 1000, height: 500 } as const;

/** The chart's SVG: bars for meetings reported, a line for the check-in response rate (%, right axis). */
export function chartSvg(series: ChartSeries): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...CHART_SIZE });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: "DejaVu Sans, Arial, sans-serif" },
      title: { text: `${series.title}: meetings and check-ins`, left: "center", top: 12 },
      legend: { top: 48, itemGap: 32, data: ["Meetings reported", "Check-in response rate (%)"] },
      grid: { left: 64, right: 72, top: 96, bottom: 48 },
      xAxis: { type: "category", data: series.points.map((p) => p.label) },
      yAxis: [
        { type: "value", name: "meetings", minInterval: 1 },
        { type: "value", name: "response %", min: 0, max: 100 },
      ],
      series: [
        { name: "Meetings reported", type: "bar", data: series.points.map((p) => p.meetings), itemStyle: { color: "#4a6fdc" }, label: { show: true, position: "top" } },
        {
          name: "Check-in response rate (%)",
          type: "line",
          yAxisIndex: 1,
          connectNulls: false,
          itemStyle: { color: "#e07b39" },
          // No check-in sent in a period: no point (a gap), not a misleading 0 %.
          data: series.points.map((p) => (p.sent ? Math.round((100 * p.answered) / p.sent) : null)),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG image (resvg; text in the system's fonts, DejaVu Sans where present). */
export function chartPng(series: ChartSeries): Buffer {
  const svg = chartSvg(series);
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" }, background: "#ffffff" }).render().asPng();
}
