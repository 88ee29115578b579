import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { responseRate } from "../../domain/surveyResults.js";
import { SURVEY_KINDS } from "../../domain/surveys.js";
import type { SurveyResults } from "./surveys.js";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const KIND_WORD = { mentee: "Mentee", mentor: "Mentor", program: "Program" } as const;
const COLORS = ["#4a6fdc", "#e07b39", "#3aa76d", "#9b59b6", "#c0392b", "#7f8c8d"];

export interface SurveyChartData {
  title: string;
  /** x axis: "Mentee: availability" … */
  categories: string[];
  /** one series per period: the program-wide mean of each item (null: no result shown for it). */
  series: { name: string; values: (number | null)[] }[];
}

/**
 * What the chart draws: the program-wide item means of every survey, one bar series per period
 * (newest last), only from groups of at least 5 responses; null when no such group exists.
 */
export function surveyChartData(results: SurveyResults): SurveyChartData | null {
  const shown = results.groups.filter((g) => g.level === "program" && !g.suppressed);
  if (!shown.length) return null;
  const categories: string[] = [];
  const index = new Map<string, number>();
  for (const kind of SURVEY_KINDS) {
    for (const item of results.settings.surveys[kind].items) {
      if (item.type !== "likert" || !shown.some((g) => g.kind === kind && g.means.some((m) => m.key === item.key))) continue;
      index.set(`${kind}:${item.key}`, categories.length);
      categories.push(`${KIND_WORD[kind]}: ${item.key}`);
    }
  }
  const periods = [...new Set(shown.map((g) => g.period))].sort();
  const series = periods.map((period) => {
    const values: (number | null)[] = categories.map(() => null);
    const groups = shown.filter((g) => g.period === period);
    for (const g of groups) for (const m of g.means) values[index.get(`${g.kind}:${m.key}`)!] = m.mean;
    const rates = groups.map((g) => `${KIND_WORD[g.kind].toLowerCase()} ${g.responses} (${responseRate(g)}%)`).join(", ");
    return { name: `${period}: ${rates}`, values };
  });
  return { title: `${results.programName}: survey item means (1–5)`, categories, series };
}

export const SURVEY_CHART_SIZE = { width: 1200, height: 560 } as const;

export function surveyChartSvg(data: SurveyChartData): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...SURVEY_CHART_SIZE });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: "DejaVu Sans, Arial, sans-serif" },
      title: { text: data.title, left: "center", top: 12 },
      legend: { top: 48, itemGap: 24, data: data.series.map((s) => s.name) },
      grid: { left: 56, right: 32, top: 100, bottom: 110 },
      xAxis: { type: "category", data: data.categories, axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: "value", name: "mean (1–5)", min: 0, max: 5 },
      series: data.series.map((s, i) => ({ name: s.name, type: "bar", data: s.values, itemStyle: { color: COLORS[i % COLORS.length] }, label: { show: true, position: "top" } })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function surveyChartPng(data: SurveyChartData): Buffer {
  return new Resvg(surveyChartSvg(data), { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" }, background: "#ffffff" }).render().asPng();
}
