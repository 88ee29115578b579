import { describe, expect, it } from "vitest";
import { aggregateSurveys, responseRate, type InvitationCount, type ResponseRow } from "../../src/domain/surveyResults.js";
import { defaultSettings, SURVEY_KINDS, type SurveyKind, type SurveyItem } from "../../src/domain/surveys.js";

const settings = defaultSettings();
const items = Object.fromEntries(SURVEY_KINDS.map((k) => [k, settings.surveys[k].items])) as Record<SurveyKind, SurveyItem[]>;
const mentee = (cohortName: string | null, mentorId: string, overall: number, comments?: string): ResponseRow => ({
  kind: "mentee",
  period: "2026–27",
  cohortName,
  mentorId,
  answers: { availability: overall, goals: overall, career: overall, feedback: overall, support: overall, overall, ...(comments ? { comments } : {}) },
});
const invited = (cohortName: string | null, mentorId: string, n: number, answered: number): InvitationCount => ({ kind: "mentee", period: "2026–27", cohortName, mentorId, invited: n, answered });

describe("survey aggregates", () => {
  it("show nothing of a group's answers below 5 responses, only its response rate", () => {
    const rows = [1, 2, 3, 4].map((i) => mentee("2026", "maya", i, `comment ${i}`));
    const groups = aggregateSurveys(rows, [invited("2026", "maya", 6, 4)], items);
    expect(groups.map((g) => [g.level, g.responses, g.suppressed])).toEqual([
      ["program", 4, true],
      ["cohort", 4, true],
      ["mentor", 4, true],
    ]);
    for (const g of groups) {
      expect(g.means).toEqual([]);
      expect(g.comments).toEqual([]);
    }
    expect(responseRate(groups[0]!)).toBe(67);
  });

  it("show item means from 5 responses up, each group judged on its own", () => {
    const rows = [...[5, 4, 4, 3, 5].map((v) => mentee("2026", "maya", v)), ...[2, 2].map((v) => mentee("2025", "jun", v))];
    const groups = aggregateSurveys(rows, [invited("2026", "maya", 5, 5), invited("2025", "jun", 3, 2)], items);
    const find = (level: string, name?: string) => groups.find((g) => g.level === level && (name === undefined || g.cohortName === name || g.mentorId === name))!;
    expect(find("program").suppressed).toBe(false);
    expect(find("program").responses).toBe(7);
    expect(find("program").means.find((m) => m.key === "overall")).toEqual({ key: "overall", text: items.mentee[5]!.text, mean: 3.6, n: 7 });
    expect(find("program").invited).toBe(8);
    expect(find("cohort", "2026").means.map((m) => m.mean)).toEqual([4.2, 4.2, 4.2, 4.2, 4.2, 4.2]);
    expect(find("cohort", "2025").suppressed).toBe(true);
    expect(find("mentor", "maya").suppressed).toBe(false);
    expect(find("mentor", "jun").suppressed).toBe(true);
  });

  it("show free text only program-wide, from 5 responses, sorted (never in a cohort or mentor group)", () => {
    const rows = ["zeta", "alpha", "mu", "beta", "kappa"].map((c, i) => mentee("2026", "maya", 3 + (i % 2), c));
    const groups = aggregateSurveys(rows, [], items);
    expect(groups.find((g) => g.level === "program")!.comments).toEqual(["alpha", "beta", "kappa", "mu", "zeta"]);
    expect(groups.filter((g) => g.level !== "program").every((g) => g.comments.length === 0 && !g.suppressed)).toBe(true);
  });

  it("keep periods and surveys apart, newest period first", () => {
    const old = { ...mentee("2025", "maya", 3), period: "2025–26" };
    const mentor: ResponseRow = { kind: "mentor", period: "2026–27", cohortName: "2026", mentorId: null, answers: { overall: 4 } };
    const groups = aggregateSurveys([mentee("2026", "maya", 5), old, mentor], [], items);
    expect(groups.filter((g) => g.level === "program").map((g) => [g.kind, g.period])).toEqual([
      ["mentee", "2026–27"],
      ["mentee", "2025–26"],
      ["mentor", "2026–27"],
    ]);
    // The mentor's own survey is never grouped by mentor (it would name the respondent).
    expect(groups.some((g) => g.kind === "mentor" && g.level === "mentor")).toBe(false);
  });
});
