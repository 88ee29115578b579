import { describe, expect, it } from "vitest";
import { MISSED_PERIODS_AT_RISK, missedPeriods, pairRisk, pairsAtRisk, recentMeetingBound, type MatchEvidence } from "../../src/domain/dashboardRisk.js";
import { CADENCE_KEYS } from "../../src/domain/cadence.js";
import { completedWindows, currentWindow } from "../../src/domain/dashboardPeriods.js";

const NOW = new Date("2026-11-21T12:00:00Z");
const evidence = (over: Partial<MatchEvidence> = {}): MatchEvidence => ({
  matchId: "m",
  startedAt: new Date("2026-06-01T09:00:00Z"),
  cadence: "MONTHLY",
  lastMeetingAt: null,
  lastMetPeriodKey: null,
  lastNeedHelpAt: null,
  lastMetAnsweredAt: null,
  ...over,
});

describe("pairs at risk", () => {
  it("counts every ended period as missed for a pair that never reported a meeting", () => {
    expect(missedPeriods(evidence(), NOW)).toBe(5); // Jun, Jul, Aug, Sep, Oct
    expect(pairRisk(evidence(), NOW)).toEqual({ matchId: "m", reason: { kind: "no_meeting", missedPeriods: 5, lastMeetingAt: null } });
  });

  it("is not worried by one missed period, only by two or more", () => {
    const metInSeptember = evidence({ lastMeetingAt: new Date("2026-09-10T00:00:00Z") });
    expect(missedPeriods(metInSeptember, NOW)).toBe(1);
    expect(pairRisk(metInSeptember, NOW)).toBeNull();
    const metInAugust = evidence({ lastMeetingAt: new Date("2026-08-10T00:00:00Z") });
    expect(pairRisk(metInAugust, NOW)?.reason).toEqual({ kind: "no_meeting", missedPeriods: 2, lastMeetingAt: new Date("2026-08-10T00:00:00Z") });
  });

  it("takes a check-in answered 'We met' as a meeting in that period", () => {
    expect(missedPeriods(evidence({ lastMetPeriodKey: "2026-10-01" }), NOW)).toBe(0);
    expect(missedPeriods(evidence({ lastMetPeriodKey: "2026-08-01" }), NOW)).toBe(2);
  });

  it("a new pair whose first period has not ended is never at risk", () => {
    expect(pairRisk(evidence({ startedAt: new Date("2026-11-01T00:00:00Z") }), NOW)).toBeNull();
  });

  it("flags 'Need help' until the pair reports a meeting after it", () => {
    const asked = new Date("2026-11-03T10:00:00Z");
    expect(pairRisk(evidence({ lastNeedHelpAt: asked, lastMeetingAt: new Date("2026-10-20T00:00:00Z") }), NOW)?.reason).toEqual({ kind: "need_help", since: asked });
    expect(pairRisk(evidence({ lastNeedHelpAt: asked, lastMeetingAt: new Date("2026-11-10T00:00:00Z") }), NOW)).toBeNull();
    expect(pairRisk(evidence({ lastNeedHelpAt: asked, lastMetAnsweredAt: new Date("2026-11-05T00:00:00Z"), lastMetPeriodKey: "2026-10-01" }), NOW)).toBeNull();
  });

  it("orders need help first (longest waiting first), then most periods missed", () => {
    const list = pairsAtRisk(
      [
        evidence({ matchId: "two", lastMeetingAt: new Date("2026-08-10T00:00:00Z") }),
        evidence({ matchId: "help-late", lastNeedHelpAt: new Date("2026-11-10T00:00:00Z") }),
        evidence({ matchId: "five" }),
        evidence({ matchId: "help-early", lastNeedHelpAt: new Date("2026-11-01T00:00:00Z") }),
        evidence({ matchId: "fine", lastMeetingAt: new Date("2026-11-01T00:00:00Z") }),
      ],
      NOW,
    );
    expect(list.map((r) => r.matchId)).toEqual(["help-early", "help-late", "five", "two"]);
  });
});

describe("reporting periods", () => {
  it("are calendar months in the program's zone, the last complete one last", () => {
    const w = completedWindows("MONTHLY", "America/Chicago", NOW, 2);
    expect(w.map((x) => x.label)).toEqual(["Sep 2026", "Oct 2026"]);
    expect(w[1]!.start.toISOString()).toBe("2026-10-01T05:00:00.000Z");
    expect(w[1]!.end.toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect([w[1]!.key, w[1]!.endKey]).toEqual(["2026-10-01", "2026-11-01"]);
  });

  it("are Monday weeks, two-week blocks, two-month blocks and quarters for the other cadences", () => {
    expect(completedWindows("WEEKLY", "UTC", NOW, 1)[0]!.key).toBe("2026-11-09");
    expect(currentWindow("WEEKLY", "UTC", NOW).key).toBe("2026-11-16");
    const biweekly = completedWindows("BIWEEKLY", "UTC", NOW, 2);
    expect(biweekly[1]!.end.getTime() - biweekly[1]!.start.getTime()).toBe(14 * 86_400_000);
    expect(biweekly[0]!.end).toEqual(biweekly[1]!.start);
    expect(completedWindows("BIMONTHLY", "UTC", NOW, 1)[0]!.label).toBe("Sep–Oct 2026");
    expect(completedWindows("QUARTERLY", "UTC", NOW, 2).map((x) => x.label)).toEqual(["Q2 2026", "Q3 2026"]);
  });
});

describe("the bound of a recent meeting (what lets the store skip pairs)", () => {
  it("a meeting or a 'We met' at the bound leaves every pair short of risk, however it started; a while before it, not always", () => {
    let later = 0;
    for (const cadence of CADENCE_KEYS) {
      for (let startDay = 0; startDay < 800; startDay += 3) {
        for (const hour of [0, 7, 23]) {
          const startedAt = new Date(Date.UTC(2024, 0, 29) + startDay * 86_400_000 + hour * 3_600_000);
          for (const now of [NOW, new Date("2026-03-01T00:00:00Z"), new Date("2026-03-31T23:59:59Z")]) {
            if (startedAt > now) continue;
            const { since, sinceKey } = recentMeetingBound(cadence, now);
            const pair = evidence({ startedAt, cadence });
            expect(missedPeriods({ ...pair, lastMeetingAt: since }, now)).toBeLessThan(MISSED_PERIODS_AT_RISK);
            expect(missedPeriods({ ...pair, lastMetPeriodKey: sinceKey }, now)).toBeLessThan(MISSED_PERIODS_AT_RISK);
            const earlier = new Date(since.getTime() - 40 * 86_400_000);
            if (missedPeriods({ ...pair, lastMeetingAt: earlier }, now) >= MISSED_PERIODS_AT_RISK) later += 1;
          }
        }
      }
    }
    expect(later).toBeGreaterThan(0); // the bound is not so far back that nothing before it is ever at risk
  });
});

