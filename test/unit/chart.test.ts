import { inflateSync } from "node:zlib";
import { pngSize } from "../support/chartPng.js";
import { describe, expect, it } from "vitest";
import { chartPng, chartSvg, CHART_SIZE, type ChartSeries } from "../../src/features/dashboard-reports/chart.js";

/** Concatenated IDAT data inflates: the image data is a real zlib stream. */
function inflatedBytes(png: Buffer): number {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString("ascii") === "IDAT") parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(parts)).length;
}

const series: ChartSeries = {
  title: "Heme <Fellowship>",
  points: [
    { label: "Sep 2026", meetings: 3, sent: 4, answered: 2 },
    { label: "Oct 2026", meetings: 5, sent: 0, answered: 0 },
    { label: "Nov 2026", meetings: 0, sent: 5, answered: 5 },
  ],
};

describe("the meetings and check-ins chart", () => {
  it("draws meetings as bars and the response rate as a line, with no point where no check-in was sent", () => {
    const svg = chartSvg(series);
    expect(svg).toContain("Heme &lt;Fellowship&gt;: meetings and check-ins");
    expect(svg).toContain("Sep 2026");
    expect(svg).toContain("Meetings reported");
    expect(svg).toContain("Check-in response rate (%)");
  });

  it("renders a PNG of the chart's size whose image data decodes", () => {
    const png = chartPng(series);
    expect(pngSize(png)).toEqual(CHART_SIZE);
    // RGBA (or RGB) rows with a filter byte each: at least width × height bytes once inflated.
    expect(inflatedBytes(png)).toBeGreaterThan(CHART_SIZE.width * CHART_SIZE.height);
  });
});
