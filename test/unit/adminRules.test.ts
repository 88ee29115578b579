import { describe, expect, it } from "vitest";
import { isDirector } from "../../src/domain/roles.js";
import { cohortInputSchema, programInputSchema } from "../../src/domain/program.js";

describe("who is a director", () => {
  const plain = { isAdmin: false, isOwner: false };
  it("is every Slack admin and owner", () => {
    expect(isDirector({ ...plain, isAdmin: true }, [])).toBe(true);
    expect(isDirector({ ...plain, isOwner: true }, [])).toBe(true);
  });
  it("is a member granted the role inside Rounds, until the grant is taken back", () => {
    expect(isDirector({ ...plain, directorGrantedAt: new Date("2026-11-01T00:00:00Z") }, [])).toBe(true);
    expect(isDirector({ ...plain, directorGrantedAt: null }, [])).toBe(false);
  });
  it("is someone holding the DIRECTOR role in a program, and nobody else", () => {
    expect(isDirector(plain, ["DIRECTOR"])).toBe(true);
    expect(isDirector(plain, ["MENTOR", "TRAINEE"])).toBe(false);
  });
});

describe("program and cohort forms", () => {
  const good = { name: "Hematology Fellowship", description: "", checkinCadence: "MONTHLY", announcementChannel: null, timezone: "Europe/London", defaultCapacity: "3" };
  it("accept a good program and turn the capacity text into a number", () => {
    expect(programInputSchema.parse(good)).toMatchObject({ name: "Hematology Fellowship", defaultCapacity: 3, timezone: "Europe/London" });
  });
  it("refuse a name over 80 characters, an unknown time zone and a capacity outside 1–20", () => {
    const issues = (input: object) => programInputSchema.safeParse({ ...good, ...input }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ name: "x".repeat(81) })).toEqual([["name", "A program name can be at most 80 characters."]]);
    expect(issues({ timezone: "Central Time" })).toEqual([["timezone", "Use a time zone name such as America/Chicago or Europe/London."]]);
    expect(issues({ defaultCapacity: "21" })).toEqual([["defaultCapacity", "From 1 to 20."]]);
    expect(issues({ defaultCapacity: "2.5" })).toEqual([["defaultCapacity", "Enter a whole number."]]);
  });
  it("let a cohort end on its start day but not before it", () => {
    expect(cohortInputSchema.safeParse({ name: "A", startsOn: "2026-07-01", endsOn: "2026-07-01" }).success).toBe(true);
    expect(cohortInputSchema.safeParse({ name: "A", startsOn: "2026-07-01", endsOn: "2026-06-30" }).error?.issues[0]).toMatchObject({
      path: ["endsOn"],
      message: "The end date must be on or after the start date.",
    });
  });
});
