import { describe, expect, it } from "vitest";
import { dayToDate, meetingDateProblem, nextCheckinAt } from "../../src/domain/meetings.js";

describe("meeting rules", () => {
  const matchStartedAt = new Date("2026-03-10T15:00:00Z");

  it("a meeting day must be a real date, not after today in the logger's zone, not before the match started", () => {
    const now = new Date("2026-04-01T02:00:00Z"); // still 31 March in Chicago
    expect(meetingDateProblem("2026-03-31", { now, tz: "America/Chicago", matchStartedAt })).toBeNull();
    expect(meetingDateProblem("2026-04-01", { now, tz: "America/Chicago", matchStartedAt })).toBe("in_future");
    expect(meetingDateProblem("2026-04-01", { now, tz: "UTC", matchStartedAt })).toBeNull();
    expect(meetingDateProblem("2026-03-09", { now, tz: "UTC", matchStartedAt })).toBe("before_match");
    expect(meetingDateProblem("2026-03-10", { now, tz: "UTC", matchStartedAt })).toBeNull();
    expect(meetingDateProblem("2026-02-30", { now, tz: "UTC", matchStartedAt })).toBe("not_a_date");
    expect(meetingDateProblem("yesterday", { now, tz: "UTC", matchStartedAt })).toBe("not_a_date");
  });

  it("a meeting day is stored as that calendar day at midnight UTC", () => {
    expect(dayToDate("2026-03-31")?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect(dayToDate("2026-13-01")).toBeNull();
  });

  it("the next check-in is 10:00 in the mentor's zone on the first weekday after the period ends", () => {
    // Monthly from Tue 10 Mar 2026 15:00 UTC: the first period ends Fri 10 Apr 15:00 UTC → Mon 13 Apr 10:00 New York.
    const at = nextCheckinAt({ startedAt: matchStartedAt, cadence: "MONTHLY", mentorTz: "America/New_York" }, new Date("2026-03-20T00:00:00Z"));
    expect(at?.toISOString()).toBe("2026-04-13T14:00:00.000Z");
  });

  it("the check-in for a period that just ended counts while its send time is still ahead", () => {
    // Period ended Fri 10 Apr 15:00 UTC; on Saturday the Monday check-in is still the next one.
    const at = nextCheckinAt({ startedAt: matchStartedAt, cadence: "MONTHLY", mentorTz: "UTC" }, new Date("2026-04-11T12:00:00Z"));
    expect(at?.toISOString()).toBe("2026-04-13T10:00:00.000Z");
  });

  it("a period ending in a program break has no check-in, so the next one is a period later", () => {
    const at = nextCheckinAt(
      { startedAt: matchStartedAt, cadence: "MONTHLY", mentorTz: "UTC", programTz: "UTC", programBreaks: [{ from: "2026-04-06", to: "2026-04-17" }] },
      new Date("2026-03-20T00:00:00Z"),
    );
    expect(at?.toISOString()).toBe("2026-05-11T10:00:00.000Z");
  });
});
