import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CADENCE_KEYS, periodByIndex, periodIndexAt } from "../../src/domain/cadence.js";
import {
  pausedAtInstant,
  planCheckins,
  type CheckinAction,
  type CheckinRecord,
  type PlanMatch,
  type PlanPerson,
  type Role,
} from "../../src/domain/checkinPlan.js";
import { inDateRanges, localDate, zoneFor, type DateRange } from "../../src/domain/deliveryTime.js";

const DAY = 86_400_000;
const ZONES = [
  "America/New_York",
  "Europe/London",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "UTC",
  "Not/A_Zone",
];
const ANSWERS = ["MET", "SCHEDULED", "NOT_YET", "NEED_HELP", null] as const;
const T0 = Date.parse("2025-06-01T00:00:00Z");

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const person = (now: number): fc.Arbitrary<PlanPerson> =>
  fc.record({
    tz: fc.constantFrom(...ZONES),
    pause: fc.option(fc.tuple(fc.integer({ min: -60, max: 10 }), fc.option(fc.integer({ min: -30, max: 60 }), { nil: null })), { nil: null }),
  }).map(({ tz, pause }) => ({
    tz,
    pausedAt: pause ? new Date(now + pause[0] * DAY) : null,
    pausedUntil: pause && pause[1] !== null ? new Date(now + pause[1] * DAY) : null,
  }));

/** A match, a moment, and a history that could have happened: records for real periods, answers, done keys. */
const scenario = fc
  .record({
    startOffsetDays: fc.integer({ min: 0, max: 400 }),
    ageHours: fc.integer({ min: 0, max: 500 * 24 }),
    cadence: fc.constantFrom(...CADENCE_KEYS),
    alsoTrainee: fc.boolean(),
    programTz: fc.constantFrom(...ZONES),
    seed: fc.infiniteStream(fc.integer({ min: 0, max: 1_000_000 })),
    breakCount: fc.integer({ min: 0, max: 2 }),
  })
  .chain((s) => {
    const startedAt = new Date(T0 + s.startOffsetDays * DAY + (s.ageHours % 24) * 3_600_000);
    const now = startedAt.getTime() + s.ageHours * 3_600_000;
    const current = periodIndexAt({ startedAt, cadence: s.cadence }, new Date(now));
    const periods = Array.from({ length: current + 1 }, (_, i) => periodByIndex({ startedAt, cadence: s.cadence }, i));
    const record: fc.Arbitrary<CheckinRecord> = fc
      .record({
        // mostly recent periods (where reminders and streaks happen), sometimes any
        period: fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: Math.max(0, current - 4), max: current }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: current }) },
        ),
        recipient: fc.constantFrom<Role>("mentor", "trainee"),
        sentFrac: fc.double({ min: 0, max: 1, noNaN: true }),
        answer: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.constantFrom(...ANSWERS) }),
        reminded: fc.boolean(),
      })
      .map((r) => {
        const end = periods[r.period]!.end.getTime();
        const sentAt = end <= now ? new Date(end + Math.floor(r.sentFrac * (now - end))) : null;
        return {
          periodKey: periods[r.period]!.key,
          recipient: r.recipient,
          sentAt,
          answer: sentAt ? r.answer : null,
          answeredAt: sentAt && r.answer ? sentAt : null,
          reminderSentAt: sentAt && r.reminded ? sentAt : null,
        };
      });
    const kinds = ["checkin", "reminder", "stay"] as const;
    const doneKey = fc
      .record({ period: fc.integer({ min: 0, max: current }), kind: fc.constantFrom(...kinds, "agenda", "escalate"), role: fc.constantFrom("mentor", "trainee") })
      .map(({ period, kind, role }) => {
        const key = periods[period]!.key;
        if (kind === "agenda") return `agenda:m:${key}`;
        if (kind === "escalate") return `escalate:m:${key}:${role === "mentor" ? "need-help" : "no-meeting"}`;
        return `${kind}:m:${key}:${role}`;
      });
    const breakRange: fc.Arbitrary<DateRange> = fc
      .tuple(fc.integer({ min: -60, max: 5 }), fc.integer({ min: 0, max: 20 }))
      .map(([from, len]) => ({ from: isoDay(now + from * DAY), to: isoDay(now + (from + len) * DAY) }));
    return fc.record({
      now: fc.constant(new Date(now)),
      match: fc.record({
        matchId: fc.constant("m"),
        startedAt: fc.constant(startedAt),
        cadence: fc.constant(s.cadence),
        alsoTrainee: fc.constant(s.alsoTrainee),
        programTz: fc.constant(s.programTz),
        programBreaks: fc.array(breakRange, { minLength: s.breakCount, maxLength: s.breakCount }),
        mentor: person(now),
        trainee: person(now),
        history: fc.record({ checkins: fc.array(record, { maxLength: 12 }), doneRunKeys: fc.uniqueArray(doneKey, { maxLength: 6 }) }),
      }) as fc.Arbitrary<PlanMatch>,
    });
  });

/** What the job does with each action: record the run key, and the check-in or reminder it sent. */
function apply(match: PlanMatch, actions: readonly CheckinAction[], now: Date): PlanMatch {
  const checkins = [...(match.history?.checkins ?? [])];
  const done = new Set(match.history?.doneRunKeys ?? []);
  for (const a of actions) {
    done.add(a.runKey);
    if (a.kind === "send-checkin") checkins.push({ periodKey: a.periodKey, recipient: a.recipient, sentAt: now, answer: null });
    if (a.kind === "send-reminder") {
      const i = checkins.findIndex((r) => r.periodKey === a.periodKey && (r.recipient ?? "mentor") === a.recipient && r.sentAt);
      checkins[i] = { ...checkins[i]!, reminderSentAt: now };
    }
  }
  return { ...match, history: { checkins, doneRunKeys: done } };
}

const personOf = (match: PlanMatch, role: Role) => (role === "mentor" ? match.mentor : match.trainee);

describe("check-in plan invariants", () => {
  it("never emits the same run key twice, and never one already done", () => {
    fc.assert(
      fc.property(scenario, ({ now, match }) => {
        const keys = planCheckins(now, [match]).map((a) => a.runKey);
        expect(new Set(keys).size).toBe(keys.length);
        const done = new Set(match.history?.doneRunKeys ?? []);
        expect(keys.filter((k) => done.has(k))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent: after doing what it said, planning again at the same moment emits nothing", () => {
    fc.assert(
      fc.property(scenario, ({ now, match }) => {
        const first = planCheckins(now, [match]);
        expect(planCheckins(now, [apply(match, first, now)])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("never sends anything to a person who is paused now, and no check-in to one paused when the period ended", () => {
    fc.assert(
      fc.property(scenario, ({ now, match }) => {
        for (const a of planCheckins(now, [match])) {
          if (a.kind === "escalate") continue;
          expect(pausedAtInstant(personOf(match, a.recipient), now)).toBe(false);
          if (a.kind === "send-checkin") expect(pausedAtInstant(personOf(match, a.recipient), a.period.end)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every send time is 10:00 on a weekday in the recipient's zone, not on a break day, and already come", () => {
    fc.assert(
      fc.property(scenario, ({ now, match }) => {
        for (const a of planCheckins(now, [match])) {
          if (a.kind === "escalate") continue;
          const tz = personOf(match, a.recipient).tz;
          const local = DateTime.fromJSDate(a.sendAt, { zone: zoneFor(tz) });
          expect({ hour: local.hour, minute: local.minute, weekday: local.weekday <= 5 }).toEqual({ hour: 10, minute: 0, weekday: true });
          expect(inDateRanges(localDate(a.sendAt, tz), match.programBreaks)).toBe(false);
          expect(a.sendAt.getTime()).toBeLessThanOrEqual(now.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("check-ins are only ever about the most recently ended period, never one ending in a break or already answered", () => {
    fc.assert(
      fc.property(scenario, ({ now, match }) => {
        const index = periodIndexAt(match, now);
        for (const a of planCheckins(now, [match])) {
          if (a.kind !== "send-checkin") continue;
          expect(a.period.index).toBe(index - 1);
          expect(inDateRanges(localDate(a.period.end, match.programTz), match.programBreaks)).toBe(false);
          expect(match.history?.checkins?.filter((r) => r.periodKey === a.periodKey && r.answer) ?? []).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("planning matches together is the same as planning each alone", () => {
    fc.assert(
      fc.property(scenario, scenario, (a, b) => {
        const x = { ...a.match, matchId: "x" };
        const y = { ...b.match, matchId: "y" };
        expect(planCheckins(a.now, [x, y])).toEqual([...planCheckins(a.now, [x]), ...planCheckins(a.now, [y])]);
      }),
      { numRuns: 100 },
    );
  });
});
