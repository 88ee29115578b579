import { describe, expect, it } from "vitest";
import { academicYearStarting } from "../../src/domain/academicYear.js";
import { alumnusMentorProfile, closableYear, continuationAskAt, continuationAskDue, continuationAsksDue, defaultGraduatingCohort, movedOnStage, planYearClose, type CohortFacts } from "../../src/domain/yearClose.js";

const year = academicYearStarting(2026); // 1 Jul 2026 – 30 Jun 2027
const cohort = (id: string, trainees: [string, number | null][], o: Partial<CohortFacts> = {}): CohortFacts => ({
  id,
  name: id,
  startsOn: null,
  endsOn: null,
  trainees: trainees.map(([memberId, trainingYear]) => ({ memberId, trainingYear })),
  ...o,
});

describe("when a year can be closed", () => {
  it("opens 6 weeks before the year ends, and stays open for a late close during the first 6 weeks of the next", () => {
    expect(closableYear(new Date("2027-05-18T00:00:00Z"), "07-01", "UTC")).toMatchObject({ kind: "not_yet", opensAt: new Date("2027-05-20T00:00:00Z") });
    expect(closableYear(new Date("2027-05-20T00:00:00Z"), "07-01", "UTC")).toMatchObject({ kind: "open", late: false, year: { label: "2026–27" } });
    expect(closableYear(new Date("2027-07-20T00:00:00Z"), "07-01", "UTC")).toMatchObject({ kind: "open", late: true, year: { label: "2026–27" } });
    expect(closableYear(new Date("2027-09-01T00:00:00Z"), "07-01", "UTC")).toMatchObject({ kind: "not_yet", year: { label: "2027–28" } });
  });

  it("asks \u201ccontinue next year?\u201d only in the year's last 6 weeks", () => {
    expect(continuationAsksDue(year, new Date("2027-05-19T23:00:00Z"))).toBe(false);
    expect(continuationAsksDue(year, new Date("2027-05-20T00:00:00Z"))).toBe(true);
    expect(continuationAsksDue(year, new Date("2027-07-01T00:00:00Z"))).toBe(false);
  });

  it("asks each person at 10:00 on a working day in their own zone, from the day the asks open (as check-ins and surveys do)", () => {
    // The asks open Thu 20 May 2027, 00:00 UTC.
    expect(continuationAskAt(year, "UTC")).toEqual(new Date("2027-05-20T10:00:00Z"));
    expect(continuationAskAt(year, "Asia/Tokyo")).toEqual(new Date("2027-05-20T01:00:00Z")); // 10:00 JST, Thu 20 May
    expect(continuationAskAt(year, "America/Chicago")).toEqual(new Date("2027-05-20T15:00:00Z")); // Wed 19 May 19:00 CDT has passed 10:00: Thu 10:00 CDT
    expect(continuationAskAt(year, "Asia/Kolkata")).toEqual(new Date("2027-05-20T04:30:00Z"));
    expect(continuationAskAt(year, "Not/AZone")).toEqual(new Date("2027-05-20T10:00:00Z"));

    const opened = new Date("2027-05-20T00:41:00Z");
    expect(continuationAsksDue(year, opened)).toBe(true);
    expect(continuationAskDue(year, "UTC", opened)).toBe(false);
    expect(continuationAskDue(year, "UTC", new Date("2027-05-20T09:59:00Z"))).toBe(false);
    expect(continuationAskDue(year, "UTC", new Date("2027-05-20T10:00:00Z"))).toBe(true);
    expect(continuationAskDue(year, "Asia/Tokyo", new Date("2027-05-20T01:00:00Z"))).toBe(true);
    expect(continuationAskDue(year, "America/Chicago", new Date("2027-05-20T14:59:00Z"))).toBe(false);
    // Once due, it stays due until the year ends (a job that was down catches up), and never after.
    expect(continuationAskDue(year, "America/Chicago", new Date("2027-06-12T03:00:00Z"))).toBe(true);
    expect(continuationAskDue(year, "UTC", new Date("2027-07-01T10:00:00Z"))).toBe(false);
  });

  it("moves an ask that would open on a weekend to Monday 10:00", () => {
    const satEnd = academicYearStarting(2026, "07-03"); // ends Sat 3 Jul 2027: the asks open Sat 22 May
    expect(continuationAskAt(satEnd, "UTC")).toEqual(new Date("2027-05-24T10:00:00Z"));
    expect(continuationAskDue(satEnd, "UTC", new Date("2027-05-22T10:00:00Z"))).toBe(false);
    expect(continuationAskDue(satEnd, "Europe/Berlin", new Date("2027-05-24T08:00:00Z"))).toBe(true); // 10:00 CEST
  });
});

describe("the graduating cohort proposed by default", () => {
  it("is a cohort whose end date falls in the year", () => {
    const cohorts = [cohort("c2026", [["a", 3]]), cohort("c2025", [["b", 1]], { endsOn: new Date("2027-06-30T00:00:00Z") })];
    expect(defaultGraduatingCohort(cohorts, year)).toBe("c2025");
  });

  it("else the cohort whose trainees are furthest in training, else the oldest; a cohort with no trainees never", () => {
    expect(defaultGraduatingCohort([cohort("first-years", [["a", 1], ["b", 1]]), cohort("third-years", [["c", 3], ["d", 3], ["e", 2]])], year)).toBe("third-years");
    const byStart = [cohort("B", [["a", null]], { startsOn: new Date("2025-07-01") }), cohort("A", [["b", null]], { startsOn: new Date("2026-07-01") }), cohort("Z", [], { startsOn: new Date("2020-07-01") })];
    expect(defaultGraduatingCohort(byStart, year)).toBe("B");
    expect(defaultGraduatingCohort([cohort("empty", [])], year)).toBeNull();
  });
});

describe("the plan a close applies", () => {
  const cohorts = [cohort("seniors", [["sam", 3], ["sue", 3]]), cohort("juniors", [["jo", 1], ["jay", null]])];
  const matches = [
    { id: "m-sam", traineeId: "sam", mentorId: "dr-a" },
    { id: "m-jo", traineeId: "jo", mentorId: "dr-b" },
    { id: "m-jay", traineeId: "jay", mentorId: "dr-c" },
    { id: "m-lee", traineeId: "lee", mentorId: "dr-d" },
  ];

  it("graduates the chosen cohort, ends its trainees' matches, advances the others' training year, and ends a match either side declined", () => {
    const plan = planYearClose({
      cohorts,
      graduatingCohortId: "seniors",
      traineesWithoutCohort: [{ memberId: "lee", trainingYear: 2 }],
      matches,
      answers: [
        { matchId: "m-sam", memberId: "sam", answer: "CONTINUE" },
        { matchId: "m-jo", memberId: "jo", answer: "CONTINUE" },
        { matchId: "m-jo", memberId: "dr-b", answer: "CONTINUE" },
        { matchId: "m-jay", memberId: "dr-c", answer: "END" },
        { matchId: "m-jay", memberId: "jay", answer: "CONTINUE" },
      ],
    });
    expect(plan.graduates).toEqual(["sam", "sue"]);
    expect(plan.advancing).toEqual([
      { memberId: "jo", from: 1, to: 2 },
      { memberId: "lee", from: 2, to: 3 },
    ]);
    expect(plan.stayingWithoutYear).toEqual(["jay"]);
    expect(plan.matches).toEqual([
      { matchId: "m-sam", outcome: "end", reason: "graduating", unanswered: ["mentor"] },
      { matchId: "m-jo", outcome: "continue", reason: null, unanswered: [] },
      { matchId: "m-jay", outcome: "end", reason: "mentor_declined", unanswered: [] },
      { matchId: "m-lee", outcome: "continue", reason: null, unanswered: ["trainee", "mentor"] },
    ]);
  });

  it("with no cohort graduating nobody becomes an alumnus and only declined matches end", () => {
    const plan = planYearClose({
      cohorts,
      graduatingCohortId: null,
      traineesWithoutCohort: [],
      matches,
      answers: [
        { matchId: "m-sam", memberId: "sam", answer: "END" },
        { matchId: "m-sam", memberId: "dr-a", answer: "END" },
        { matchId: "m-jo", memberId: "jo", answer: "END" },
      ],
    });
    expect(plan.graduates).toEqual([]);
    expect(plan.advancing.map((a) => a.memberId).sort()).toEqual(["jo", "sam", "sue"]);
    expect(plan.matches.filter((m) => m.outcome === "end").map((m) => [m.matchId, m.reason])).toEqual([
      ["m-sam", "both_declined"],
      ["m-jo", "trainee_declined"],
    ]);
  });

  it("a trainee listed in two cohorts graduates with the graduating one and does not advance", () => {
    const plan = planYearClose({ cohorts: [cohort("old", [["x", 3]]), cohort("new", [["x", 3]])], graduatingCohortId: "old", traineesWithoutCohort: [], matches: [], answers: [] });
    expect(plan.graduates).toEqual(["x"]);
    expect(plan.advancing).toEqual([]);
  });
});

describe("an alumnus's mentor profile", () => {
  it("moves the career stage on a step and keeps interests as expertise", () => {
    expect(movedOnStage("fellow")).toBe("junior_faculty");
    expect(movedOnStage("resident")).toBe("fellow");
    expect(movedOnStage("emeritus")).toBe("emeritus");
    expect(movedOnStage(null)).toBeNull();
    const p = alumnusMentorProfile({ careerStage: "fellow", interests: ["thrombosis", "car_t"], expertise: ["car_t"], rolesWanted: ["coach"], rolesOffered: [], meetingCadence: "MONTHLY", cadenceOffered: null });
    expect(p).toMatchObject({ careerStage: "junior_faculty", expertise: ["car_t", "thrombosis"], rolesOffered: ["coach"], cadenceOffered: "MONTHLY", interests: ["thrombosis", "car_t"] });
  });
});

describe("the academic year setting", () => {
  it("defaults to July 1, takes a month-day, and refuses anything else with words a director can act on", async () => {
    const { programInputSchema, ACADEMIC_YEAR_START_PROBLEM } = await import("../../src/domain/program.js");
    const base = { name: "Heme", checkinCadence: "MONTHLY", timezone: "UTC", defaultCapacity: "3" };
    expect(programInputSchema.parse(base).academicYearStart).toBe("07-01");
    expect(programInputSchema.parse({ ...base, academicYearStart: "" }).academicYearStart).toBe("07-01");
    expect(programInputSchema.parse({ ...base, academicYearStart: " 09-01 " }).academicYearStart).toBe("09-01");
    for (const bad of ["7-1", "13-01", "02-29", "June 1"]) {
      const r = programInputSchema.safeParse({ ...base, academicYearStart: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(ACADEMIC_YEAR_START_PROBLEM);
    }
  });
});
