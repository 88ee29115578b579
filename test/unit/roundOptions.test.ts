import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  optionsFromForm,
  parseRoundOptions,
  planWhen,
  readStoredOptions,
  ROUND_DEFAULTS,
  ROUND_KINDS,
  ROUND_LIMITS,
  roundFormSchema,
} from "../../src/domain/roundOptions.js";
import { MENTOR_ROLES } from "../../src/domain/vocabulary.js";
import { speedStart } from "../../src/domain/roundProposalGroups.js";
import { retimeSpeed } from "../../src/domain/speedRetime.js";

const DEFAULTS = {
  role: "mentor",
  rankDays: 3,
  suggestions: 5,
  excludeSameGroup: false,
  repeatPenalty: 15,
  groupSize: 2,
  crossGroup: false,
  rotations: 3,
  minutesPerRotation: 10,
  breakMinutes: 2,
};

describe("stored round options", () => {
  it("a round with no options reads every field as its default, the same for the scheduler and the proposal", () => {
    expect(readStoredOptions({})).toEqual(DEFAULTS);
    expect(readStoredOptions(undefined)).toEqual(DEFAULTS);
    expect(parseRoundOptions("SPEED", {})).toEqual({ kind: "SPEED", rotations: 3, minutesPerRotation: 10, breakMinutes: 2 });
    expect(parseRoundOptions("ROTATION", null)).toEqual({ kind: "ROTATION", groupSize: 2, crossGroup: false });
  });

  it("JSON that is not an object (null, an array, a string) reads as all defaults instead of failing", () => {
    for (const json of [null, [], [3, 4], "groupSize=4", 7]) expect(readStoredOptions(json)).toEqual(DEFAULTS);
  });

  it("a malformed value falls back to its default and leaves the other fields as stored", () => {
    const o = readStoredOptions({
      role: "wizard",
      groupSize: "four",
      rotations: 5,
      crossGroup: true,
      repeatPenalty: 500,
      excludeSameGroup: "yes",
      startsAt: "tomorrow",
      minutesPerRotation: 12.5,
      breakMinutes: 4,
      anchor: "next week",
      everyWeeks: 2,
      somethingElse: 1,
    });
    expect(o).toEqual({ ...DEFAULTS, rotations: 5, crossGroup: true, breakMinutes: 4, everyWeeks: 2 });
  });

  it("a value outside the limits the round form enforces is not stored by it, so it reads as the default", () => {
    const int = ["groupSize", "rotations", "minutesPerRotation", "breakMinutes", "rankDays", "suggestions", "repeatPenalty"] as const;
    for (const key of int) {
      const { min, max } = ROUND_LIMITS[key];
      expect(readStoredOptions({ [key]: min })[key], `${key} ${min}`).toBe(min);
      expect(readStoredOptions({ [key]: max })[key], `${key} ${max}`).toBe(max);
      expect(readStoredOptions({ [key]: min - 1 })[key], `${key} ${min - 1}`).toBe(ROUND_DEFAULTS[key]);
      expect(readStoredOptions({ [key]: max + 1 })[key], `${key} ${max + 1}`).toBe(ROUND_DEFAULTS[key]);
    }
    // The old proposal-side limits (groups of up to 10, 20 rotations) are gone: the form's are the truth.
    expect(readStoredOptions({ groupSize: 8, rotations: 20 })).toMatchObject({ groupSize: 2, rotations: 3 });
  });

  it("the proposal-only options read back as stored: same-group exclusion, repeat penalty, speed start time", () => {
    const o = readStoredOptions({ excludeSameGroup: true, repeatPenalty: 7.5, startsAt: "2026-03-02T16:00:00+01:00" });
    expect(o).toMatchObject({ excludeSameGroup: true, repeatPenalty: 7.5, startsAt: "2026-03-02T16:00:00+01:00" });
  });

  it("whatever the round form accepts is stored and read back unchanged, by kind and in full (property)", () => {
    const within = (l: { min: number; max: number }) => fc.option(fc.integer({ min: l.min, max: l.max }), { nil: null });
    const form = fc.record({
      kind: fc.constantFrom(...ROUND_KINDS),
      role: fc.option(fc.constantFrom(...MENTOR_ROLES.map((r) => r.key)), { nil: null }),
      groupSize: within(ROUND_LIMITS.groupSize),
      crossGroup: fc.boolean(),
      rotations: within(ROUND_LIMITS.rotations),
      minutesPerRotation: within(ROUND_LIMITS.minutesPerRotation),
      rankDays: within(ROUND_LIMITS.rankDays),
      everyWeeks: fc.constantFrom(null, 2, 4),
    });
    fc.assert(
      fc.property(form, (values) => {
        const parsed = roundFormSchema.parse({ name: "R", target: "p:prog", when: "weekly", weekday: 1, time: "09:00", ...values });
        const recurrence = values.everyWeeks ? { everyWeeks: values.everyWeeks, anchor: "2026-03-02" } : {};
        const options = { ...optionsFromForm(parsed), ...recurrence };
        const { kind, ...stored } = options;
        const json = JSON.parse(JSON.stringify(stored)) as unknown;
        expect(parseRoundOptions(kind, json)).toEqual(options);
        expect(readStoredOptions(json)).toEqual({ ...DEFAULTS, ...stored });
      }),
    );
  });
});

describe("a speed round's start", () => {
  const zone = "America/Chicago";
  const now = new Date("2026-03-02T15:00:00Z"); // Mon 2 Mar 2026, 09:00 in Chicago
  const form = (o: Record<string, unknown>) => roundFormSchema.parse({ name: "Speed", target: "p:prog", kind: "SPEED", ...o });

  it("run now with no start time is refused: the schedule would start a minute after creation", () => {
    expect(planWhen(form({ when: "now" }), zone, now)).toMatchObject({ ok: false, field: "speedStart" });
  });

  it("run now, rotation 1 later today: the start is stored in the program's zone; a time already past is refused", () => {
    expect(planWhen(form({ when: "now", speedStart: "14:00" }), zone, now)).toMatchObject({ ok: true, nextRunAt: now, startsAt: "2026-03-02T20:00:00.000Z" });
    expect(planWhen(form({ when: "now", speedStart: "08:30" }), zone, now)).toEqual({
      ok: false,
      field: "speedStart",
      message: "That time has already passed in America/Chicago. Pick a later time, or a later event day.",
    });
    expect(planWhen(form({ when: "now", speedStart: "08:30", speedDay: "2026-03-03" }), zone, now)).toMatchObject({ ok: true, startsAt: "2026-03-03T14:30:00.000Z" });
  });

  it("once: the event starts after the run (when the director gets the preview), not before it", () => {
    expect(planWhen(form({ when: "once", date: "2026-03-05", time: "10:00", speedStart: "09:00" }), zone, now)).toMatchObject({ ok: false, field: "speedStart" });
    expect(planWhen(form({ when: "once", date: "2026-03-05", time: "10:00", speedStart: "13:00" }), zone, now)).toMatchObject({ ok: true, startsAt: "2026-03-05T19:00:00.000Z" });
  });

  it("a repeating round stores a time of day for each run's day, later than the run's own time", () => {
    const weekly = { when: "weekly", weekday: "4", time: "10:00" };
    expect(planWhen(form({ ...weekly, speedStart: "16:00" }), zone, now)).toMatchObject({ ok: true, startTime: "16:00" });
    expect(planWhen(form({ ...weekly, speedStart: "09:30" }), zone, now)).toMatchObject({ ok: false, field: "speedStart" });
    expect(planWhen(form({ ...weekly, speedStart: "16:00", speedDay: "2026-03-05" }), zone, now)).toMatchObject({ ok: false, field: "speedDay" });
  });

  it("other kinds of round ignore the speed fields", () => {
    expect(planWhen(roundFormSchema.parse({ name: "R", target: "p:prog", kind: "ROTATION", when: "now" }), zone, now)).toEqual({ ok: true, schedule: null, nextRunAt: now });
  });

  it("the proposal starts a recurring event at its time of day on the run's day, across a daylight-saving change", () => {
    // Sun 8 Mar 2026: Chicago moves to CDT (UTC−5).
    expect(speedStart({ startTime: "16:00" }, new Date("2026-03-05T16:00:00Z"), zone).toISOString()).toBe("2026-03-05T22:00:00.000Z");
    expect(speedStart({ startTime: "16:00" }, new Date("2026-03-12T15:00:00Z"), zone).toISOString()).toBe("2026-03-12T21:00:00.000Z");
    expect(speedStart({ startsAt: "2026-03-02T20:00:00.000Z", startTime: "16:00" }, now, zone).toISOString()).toBe("2026-03-02T20:00:00.000Z");
    expect(speedStart({}, now, zone)).toEqual(now);
  });
});

describe("approving a speed schedule", () => {
  const schedule = (start: string) => {
    const at = Date.parse(start);
    const iso = (min: number) => new Date(at + min * 60_000).toISOString();
    return { rotations: [0, 1].map((i) => ({ index: i, startsAt: iso(i * 12), endsAt: iso(i * 12 + 10) })), byPerson: {} };
  };

  it("leaves a schedule that starts at least 5 minutes after approval as it is", () => {
    const s = schedule("2026-03-02T16:00:00.000Z");
    expect(retimeSpeed(s, new Date("2026-03-02T15:55:00Z"))).toBe(s);
  });

  it("moves a schedule whose first rotation has started, whole, to the first 5-minute mark at least 5 minutes after approval, and says where it was", () => {
    const moved = retimeSpeed(schedule("2026-03-02T15:01:00.000Z"), new Date("2026-03-02T15:11:30Z"));
    expect(moved.rotations).toEqual([
      { index: 0, startsAt: "2026-03-02T15:20:00.000Z", endsAt: "2026-03-02T15:30:00.000Z" },
      { index: 1, startsAt: "2026-03-02T15:32:00.000Z", endsAt: "2026-03-02T15:42:00.000Z" },
    ]);
    expect(moved.movedFrom).toBe("2026-03-02T15:01:00.000Z");
  });
});
