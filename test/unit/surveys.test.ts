import { describe, expect, it } from "vitest";
import {
  answersSchema,
  defaultSettings,
  invitationKey,
  milestoneName,
  parseMonths,
  planSurveys,
  resolveSettings,
  storedOf,
  type InvitationState,
  type SurveyEnrollee,
  type SurveyMatch,
  type SurveyPlanInput,
} from "../../src/domain/surveys.js";

const DAY = 86_400_000;
const person = (memberId: string, tz = "UTC", paused = false) => ({ memberId, tz, paused, erased: false });
const match = (id: string, startedAt: string, cohortName: string | null = "2026"): SurveyMatch => ({
  matchId: id,
  startedAt: new Date(startedAt),
  mentor: person(`mentor-${id}`),
  trainee: person(`trainee-${id}`),
  cohortName,
});
const input = (over: Partial<SurveyPlanInput> = {}): SurveyPlanInput => ({
  programTz: "UTC",
  academicYearStart: "07-01",
  settings: defaultSettings(),
  matches: [],
  enrollees: [],
  invitations: new Map(),
  ...over,
});

describe("survey settings", () => {
  it("work with no set-up: three surveys on, six 1–5 mentee items and a free-text one, 3 months and the end of the year", () => {
    const s = resolveSettings(null);
    expect(Object.values(s.surveys).every((d) => d.enabled)).toBe(true);
    expect(s.surveys.mentee.items.filter((i) => i.type === "likert").map((i) => i.key)).toEqual(["availability", "goals", "career", "feedback", "support", "overall"]);
    expect(s.surveys.mentee.items.filter((i) => i.type === "text")).toHaveLength(1);
    expect(s.milestoneMonths).toEqual([3]);
    expect(s.endOfYear).toBe(true);
  });

  it("store only what a director changed, and read back the same settings", () => {
    const s = defaultSettings();
    s.surveys.program.enabled = false;
    s.surveys.mentee.items[0]!.text = "My mentor answers my messages.";
    s.milestoneMonths = [3, 9];
    const stored = storedOf(s);
    expect(stored).toEqual({ surveys: { mentee: { items: { availability: "My mentor answers my messages." } }, program: { enabled: false } }, milestoneMonths: [3, 9] });
    expect(resolveSettings(JSON.parse(JSON.stringify(stored)))).toEqual(s);
    expect(storedOf(defaultSettings())).toEqual({});
  });

  it("read an unreadable stored row as the defaults", () => {
    expect(resolveSettings({ milestoneMonths: "soon" })).toEqual(defaultSettings());
  });

  it("take milestone months as whole numbers 1–24, sorted without repeats, and say what is wrong otherwise", () => {
    expect(parseMonths("9, 3 3")).toEqual({ ok: true, months: [3, 9] });
    expect(parseMonths("")).toEqual({ ok: true, months: [] });
    expect(parseMonths("three")).toMatchObject({ ok: false });
    expect(parseMonths("30")).toEqual({ ok: false, message: "Months: at most 24 months." });
  });

  it("name milestones in words", () => {
    expect(milestoneName("m3")).toBe("3 months into the match");
    expect(milestoneName("year-2026")).toBe("at the end of the 2026–27 year");
  });
});

describe("the survey plan", () => {
  // A Thursday, 3 months after the match started; 10:00 UTC is the send time.
  const started = "2026-06-10T09:00:00Z";
  const threeMonths = new Date("2026-09-10T10:00:00Z");

  it("invites the trainee and the mentor 3 months into a match, at 10:00 on a working day in their zone", () => {
    const m = match("a", started);
    expect(planSurveys(new Date(threeMonths.getTime() - 60_000), input({ matches: [m] }))).toEqual([]);
    const actions = planSurveys(threeMonths, input({ matches: [m] }));
    expect(actions).toEqual([
      { kind: "invite", key: "mentee:a:m3:trainee-a", survey: "mentee", milestone: "m3", period: "2026–27", matchId: "a", memberId: "trainee-a", cohortName: "2026", mentorId: "mentor-a" },
      { kind: "invite", key: "mentor:a:m3:mentor-a", survey: "mentor", milestone: "m3", period: "2026–27", matchId: "a", memberId: "mentor-a", cohortName: "2026", mentorId: null },
    ]);
  });

  it("waits for the recipient's morning: 10:00 in Chicago is 15:00 UTC", () => {
    const m = { ...match("a", started), trainee: person("trainee-a", "America/Chicago") };
    const at = (iso: string) => planSurveys(new Date(iso), input({ matches: [m] })).map((a) => (a.kind === "invite" ? a.survey : a.kind));
    expect(at("2026-09-10T14:59:00Z")).toEqual(["mentor"]);
    expect(at("2026-09-10T15:00:00Z")).toEqual(["mentee", "mentor"]);
  });

  it("never asks a key twice, and sends nothing for a milestone more than 30 days gone", () => {
    const m = match("a", started);
    const sent = new Map<string, InvitationState>([[invitationKey("mentee", "a", "m3", "trainee-a"), { sentAt: threeMonths, remindedAt: null, answered: true, tz: "UTC" }]]);
    expect(planSurveys(threeMonths, input({ matches: [m], invitations: sent })).map((a) => a.key)).toEqual(["mentor:a:m3:mentor-a"]);
    expect(planSurveys(new Date(threeMonths.getTime() + 31 * DAY), input({ matches: [m] }))).toEqual([]);
  });

  it("skips a paused person (asked once back, within the window) and a survey that is off", () => {
    const m = { ...match("a", started), trainee: person("trainee-a", "UTC", true) };
    const settings = defaultSettings();
    settings.surveys.mentor.enabled = false;
    expect(planSurveys(threeMonths, input({ matches: [m], settings }))).toEqual([]);
  });

  it("reminds once, 5 days after the invitation, while unanswered", () => {
    const key = invitationKey("mentee", "a", "m3", "trainee-a");
    const state = (over: Partial<InvitationState>) => new Map([[key, { sentAt: threeMonths, remindedAt: null, answered: false, tz: "UTC", ...over }]]);
    const fiveDays = new Date(threeMonths.getTime() + 5 * DAY); // a Tuesday, 10:00
    expect(planSurveys(new Date(fiveDays.getTime() - 1), input({ invitations: state({}) }))).toEqual([]);
    expect(planSurveys(fiveDays, input({ invitations: state({}) }))).toEqual([{ kind: "remind", key }]);
    expect(planSurveys(fiveDays, input({ invitations: state({ remindedAt: fiveDays }) }))).toEqual([]);
    expect(planSurveys(fiveDays, input({ invitations: state({ answered: true }) }))).toEqual([]);
  });

  it("at the end of the academic year (two weeks before June 30) surveys active matches and everyone enrolled", () => {
    const m = match("a", "2025-09-01T00:00:00Z");
    const enrollees: SurveyEnrollee[] = [
      { ...person("t1"), role: "trainee", cohortName: "2025" },
      { ...person("m1"), role: "mentor", cohortName: null },
    ];
    const yearEnd = new Date("2026-06-17T10:00:00Z"); // Wednesday
    expect(planSurveys(new Date(yearEnd.getTime() - 60_000), input({ matches: [m], enrollees }))).toEqual([]);
    const actions = planSurveys(yearEnd, input({ matches: [m], enrollees }));
    expect(actions.map((a) => a.key)).toEqual(["mentee:a:year-2025:trainee-a", "mentor:a:year-2025:mentor-a", "program:program:year-2025:t1", "program:program:year-2025:m1"]);
    expect(actions.every((a) => a.kind === "invite" && a.period === "2025–26")).toBe(true);
    // A mentor's program survey carries no cohort; a trainee's carries theirs.
    expect(actions.filter((a) => a.kind === "invite" && a.survey === "program").map((a) => a.kind === "invite" && a.cohortName)).toEqual(["2025", null]);
    // After the year ends, its survey is not sent late.
    expect(planSurveys(new Date("2026-07-01T10:00:00Z"), input({ matches: [m], enrollees }))).toEqual([]);
  });
});

describe("survey answers", () => {
  const items = defaultSettings().surveys.mentee.items;
  const all = { availability: "5", goals: "4", career: "3", feedback: "2", support: "1", overall: "4" };

  it("need every 1–5 item, and take free text as optional", () => {
    expect(answersSchema(items).parse({ ...all, comments: "  " })).toEqual({ availability: 5, goals: 4, career: 3, feedback: 2, support: 1, overall: 4 });
    expect(answersSchema(items).parse({ ...all, comments: " More time. " })).toMatchObject({ comments: "More time." });
    const missing = answersSchema(items).safeParse({ ...all, career: undefined });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => [i.path[0], i.message])).toEqual([["career", "Pick one of 1 to 5."]]);
    expect(answersSchema(items).safeParse({ ...all, goals: "7" }).success).toBe(false);
  });
});
