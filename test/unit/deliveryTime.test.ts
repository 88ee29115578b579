import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { localDate, nextSendTime, previousSendTime } from "../../src/domain/deliveryTime.js";

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const everyDay = { weekdaysOnly: false };

describe("when a DM goes out (10:00 local on a working day)", () => {
  it("New York, spring forward: after Friday 11:00 EST the next slot is Monday 10:00 EDT", () => {
    expect(iso(nextSendTime(at("2026-03-06T16:00:00Z"), "America/New_York"))).toBe("2026-03-09T14:00:00.000Z");
  });

  it("New York, fall back: after Friday 11:00 EDT the next slot is Monday 10:00 EST", () => {
    expect(iso(nextSendTime(at("2026-10-30T15:00:00Z"), "America/New_York"))).toBe("2026-11-02T15:00:00.000Z");
  });

  it("New York, on the change days themselves it is still 10:00 local", () => {
    expect(iso(nextSendTime(at("2026-03-08T05:00:00Z"), "America/New_York", everyDay))).toBe("2026-03-08T14:00:00.000Z");
    expect(iso(nextSendTime(at("2026-11-01T04:00:00Z"), "America/New_York", everyDay))).toBe("2026-11-01T15:00:00.000Z");
  });

  it("London: 10:00 BST on 29 March and 10:00 GMT on 25 October, and Friday afternoon waits for Monday", () => {
    expect(iso(nextSendTime(at("2026-03-29T00:00:00Z"), "Europe/London", everyDay))).toBe("2026-03-29T09:00:00.000Z");
    expect(iso(nextSendTime(at("2026-10-25T00:00:00Z"), "Europe/London", everyDay))).toBe("2026-10-25T10:00:00.000Z");
    expect(iso(nextSendTime(at("2026-03-27T11:00:00Z"), "Europe/London"))).toBe("2026-03-30T09:00:00.000Z");
  });

  it("Sydney, southern hemisphere: back to AEST on 5 April, forward to AEDT on 4 October", () => {
    // Friday 11:00 AEDT → Monday 10:00 AEST (+10)
    expect(iso(nextSendTime(at("2026-04-03T00:00:00Z"), "Australia/Sydney"))).toBe("2026-04-06T00:00:00.000Z");
    // Friday 11:00 AEST → Monday 10:00 AEDT (+11)
    expect(iso(nextSendTime(at("2026-10-02T01:00:00Z"), "Australia/Sydney"))).toBe("2026-10-04T23:00:00.000Z");
  });

  it("half- and quarter-hour zones: Kolkata, Chatham, St John's", () => {
    expect(iso(nextSendTime(at("2026-06-01T00:00:00Z"), "Asia/Kolkata"))).toBe("2026-06-01T04:30:00.000Z");
    // Wednesday 12:45 in Chatham (+12:45): too late today, Thursday 10:00
    expect(iso(nextSendTime(at("2026-07-01T00:00:00Z"), "Pacific/Chatham"))).toBe("2026-07-01T21:15:00.000Z");
    // Chatham summer time is +13:45
    expect(iso(nextSendTime(at("2026-01-01T12:00:00Z"), "Pacific/Chatham"))).toBe("2026-01-01T20:15:00.000Z");
    // Wednesday 09:30 NDT (−2:30) → 10:00 the same morning
    expect(iso(nextSendTime(at("2026-07-01T12:00:00Z"), "America/St_Johns"))).toBe("2026-07-01T12:30:00.000Z");
  });

  it("Lord Howe's 30-minute daylight saving: 10:00 local on both sides of each change", () => {
    // Sunday 4 October clocks go from +10:30 to +11
    expect(iso(nextSendTime(at("2026-10-03T20:00:00Z"), "Australia/Lord_Howe", everyDay))).toBe("2026-10-03T23:00:00.000Z");
    expect(iso(nextSendTime(at("2026-10-02T20:00:00Z"), "Australia/Lord_Howe", everyDay))).toBe("2026-10-02T23:30:00.000Z");
    // Sunday 5 April clocks go from +11 to +10:30
    expect(iso(nextSendTime(at("2026-04-04T20:00:00Z"), "Australia/Lord_Howe", everyDay))).toBe("2026-04-04T23:30:00.000Z");
    expect(iso(nextSendTime(at("2026-04-03T20:00:00Z"), "Australia/Lord_Howe", everyDay))).toBe("2026-04-03T23:00:00.000Z");
  });

  it("an unknown or missing time zone is read as UTC", () => {
    expect(iso(nextSendTime(at("2026-06-01T00:00:00Z"), "Mars/Olympus_Mons"))).toBe("2026-06-01T10:00:00.000Z");
    expect(iso(nextSendTime(at("2026-06-01T00:00:00Z"), null))).toBe("2026-06-01T10:00:00.000Z");
    expect(iso(nextSendTime(at("2026-06-01T00:00:00Z"), ""))).toBe("2026-06-01T10:00:00.000Z");
  });

  it("exactly 10:00 on a working day is itself the slot; a minute later waits for the next working day", () => {
    expect(iso(nextSendTime(at("2026-06-01T14:00:00Z"), "America/New_York"))).toBe("2026-06-01T14:00:00.000Z");
    expect(iso(nextSendTime(at("2026-06-01T14:01:00Z"), "America/New_York"))).toBe("2026-06-02T14:00:00.000Z");
  });

  it("weekends wait for Monday; with weekdaysOnly off they do not", () => {
    expect(iso(nextSendTime(at("2026-06-06T08:00:00Z"), "UTC"))).toBe("2026-06-08T10:00:00.000Z");
    expect(iso(nextSendTime(at("2026-06-06T08:00:00Z"), "UTC", everyDay))).toBe("2026-06-06T10:00:00.000Z");
  });

  it("holidays, single dates or ranges, are skipped in the recipient's own calendar", () => {
    // Wed 23 Dec after 10:00 → 24 Dec–1 Jan break → Sat 2 Jan → Monday 4 January 10:00 EST
    expect(iso(nextSendTime(at("2026-12-23T16:00:00Z"), "America/New_York", { holidays: [{ from: "2026-12-24", to: "2027-01-01" }] }))).toBe(
      "2027-01-04T15:00:00.000Z",
    );
    expect(iso(nextSendTime(at("2026-06-01T00:00:00Z"), "UTC", { holidays: ["2026-06-01", "2026-06-02"] }))).toBe("2026-06-03T10:00:00.000Z");
    // The same instant is already 2 June in Tokyo: only 2 June is skipped there.
    expect(iso(nextSendTime(at("2026-06-01T16:00:00Z"), "Asia/Tokyo", { holidays: ["2026-06-02"] }))).toBe("2026-06-03T01:00:00.000Z");
  });

  it("another send time can be chosen; a time inside a spring-forward gap moves forward by the gap", () => {
    expect(iso(nextSendTime(at("2026-06-01T00:00:00Z"), "Europe/London", { hour: 9, minute: 30 }))).toBe("2026-06-01T08:30:00.000Z");
    expect(iso(nextSendTime(at("2026-03-08T05:00:00Z"), "America/New_York", { ...everyDay, hour: 2, minute: 30 }))).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(() => nextSendTime(at("2026-06-01T00:00:00Z"), "UTC", { hour: 24 })).toThrow(RangeError);
  });

  it("previousSendTime finds the last slot at or before an instant (Monday early → the Friday before)", () => {
    expect(iso(previousSendTime(at("2026-06-08T08:00:00Z"), "UTC"))).toBe("2026-06-05T10:00:00.000Z");
    expect(iso(previousSendTime(at("2026-06-05T10:00:00Z"), "UTC"))).toBe("2026-06-05T10:00:00.000Z");
    expect(iso(previousSendTime(at("2026-03-09T13:00:00Z"), "America/New_York"))).toBe("2026-03-06T15:00:00.000Z");
  });

  it("for many instants in many zones the slot is the earliest 10:00 on a weekday at or after the instant", () => {
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Sydney",
      "Asia/Kolkata",
      "Pacific/Chatham",
      "America/St_Johns",
      "Australia/Lord_Howe",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
    ];
    for (const zone of zones) {
      for (let t = Date.parse("2026-01-01T00:00:00Z"); t < Date.parse("2027-01-01T00:00:00Z"); t += 17 * 3_600_000 + 13 * 60_000) {
        const after = new Date(t);
        const slot = nextSendTime(after, zone);
        const local = DateTime.fromJSDate(slot, { zone });
        expect([local.hour, local.minute, local.weekday <= 5]).toEqual([10, 0, true]);
        expect(slot.getTime()).toBeGreaterThanOrEqual(t);
        // no earlier slot exists between `after` and the one found
        expect(previousSendTime(new Date(slot.getTime() - 1), zone).getTime()).toBeLessThan(t);
        // the last slot before any instant is less than 5 days back (the agenda prompt relies on it)
        expect(previousSendTime(after, zone).getTime()).toBeGreaterThan(t - 5 * 86_400_000);
      }
    }
  });

  it("gives exactly luxon's own answer for every hour of the day, around every 2026 clock change", () => {
    // Reference: the plain luxon way, one DateTime per day.
    const reference = (after: Date, zone: string, hour: number) => {
      let day = DateTime.fromJSDate(after, { zone }).startOf("day");
      for (;;) {
        const slot = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute: 0 }, { zone });
        if (slot.toMillis() >= after.getTime()) return slot.toJSDate();
        day = day.plus({ days: 1 }).startOf("day");
      }
    };
    const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "Asia/Gaza"];
    for (const zone of zones) {
      const changes: number[] = [];
      // within 6 hours of each change (the checked window below is ±36 hours)
      for (let t = Date.parse("2026-01-01T00:00:00Z"); t < Date.parse("2027-01-01T00:00:00Z"); t += 6 * 3_600_000) {
        if (DateTime.fromMillis(t, { zone }).offset !== DateTime.fromMillis(t + 6 * 3_600_000, { zone }).offset) changes.push(t);
      }
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) {
        for (let t = change - 36 * 3_600_000; t < change + 36 * 3_600_000; t += 95 * 60_000) {
          for (const hour of [0, 1, 2, 3, 10, 23]) {
            const slot = nextSendTime(new Date(t), zone, { weekdaysOnly: false, hour });
            expect(slot).toEqual(reference(new Date(t), zone, hour));
            expect(previousSendTime(slot, zone, { weekdaysOnly: false, hour })).toEqual(slot);
          }
        }
      }
    }
  });

  it("localDate reads an instant's calendar date in a zone", () => {
    expect(localDate(at("2026-06-01T16:00:00Z"), "Asia/Tokyo")).toBe("2026-06-02");
    expect(localDate(at("2026-06-01T16:00:00Z"), "America/Los_Angeles")).toBe("2026-06-01");
  });
});
