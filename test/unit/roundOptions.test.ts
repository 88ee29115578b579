import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  optionsFromForm,
  parseRoundOptions,
  readStoredOptions,
  ROUND_DEFAULTS,
  ROUND_KINDS,
  ROUND_LIMITS,
  roundFormSchema,
} from "../../src/domain/roundOptions.js";
import { MENTOR_ROLES } from "../../src/domain/vocabulary.js";

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
