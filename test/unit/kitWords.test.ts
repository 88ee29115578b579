import { describe, expect, it } from "vitest";
import { count, noun, verb } from "../../src/slack/kit/plural.js";
import { calendarDay, day, dayTime, timeOfDay } from "../../src/slack/kit/dates.js";

describe("counts in words", () => {
  it("says one in the singular and everything else in the plural", () => {
    expect(count(1, "pending request")).toBe("1 pending request");
    expect(count(0, "cohort")).toBe("0 cohorts");
    expect(count(2, "person", "people")).toBe("2 people");
    expect(count(1200, "trainee")).toBe("1,200 trainees");
    expect(noun(1, "mentor")).toBe("mentor");
    expect(verb(3, "has", "have")).toBe("have");
  });
});

describe("the one date style", () => {
  const at = new Date("2027-01-07T16:00:00Z");
  it("writes a day as 'Thu 7 Jan 2027' in the reader's zone", () => {
    expect(day(at, "America/Chicago")).toBe("Thu 7 Jan 2027");
    expect(day(at, "Australia/Sydney")).toBe("Fri 8 Jan 2027");
    expect(calendarDay("2027-01-07")).toBe("Thu 7 Jan 2027");
  });
  it("writes a moment with its time and zone", () => {
    expect(dayTime(at, "America/Chicago")).toBe("Thu 7 Jan 2027, 10:00 CST");
    expect(dayTime(at, "Europe/London")).toBe("Thu 7 Jan 2027, 16:00 GMT");
    expect(timeOfDay(at, "Asia/Kolkata")).toBe("21:30");
  });
});
