import { describe, expect, it } from "vitest";
import { planCheckins, type CheckinAction, type CheckinRecord, type PlanMatch } from "../../src/domain/checkinPlan.js";

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

/** Monthly from Thu 15 Jan 2026 15:00 UTC: periods start 2026-01-15, 02-15 (Sun), 03-15 (Sun), 04-15 (Wed), 05-15 (Fri). */
const base = (over: Partial<PlanMatch> = {}): PlanMatch => ({
  matchId: "m1",
  startedAt: at("2026-01-15T15:00:00Z"),
  cadence: "MONTHLY",
  mentor: { tz: "America/New_York" },
  trainee: { tz: "Europe/London" },
  ...over,
});

const plan = (now: string, ...matches: PlanMatch[]) => planCheckins(at(now), matches);
const only = <K extends CheckinAction["kind"]>(actions: CheckinAction[], kind: K) =>
  actions.filter((a): a is Extract<CheckinAction, { kind: K }> => a.kind === kind);
const keys = (actions: CheckinAction[], kind?: CheckinAction["kind"]) => (kind ? only(actions, kind) : actions).map((a) => a.runKey);
const sent = (periodKey: string, sentAt: string, more: Partial<CheckinRecord> = {}): CheckinRecord => ({
  periodKey,
  recipient: "mentor",
  sentAt: at(sentAt),
  ...more,
});

describe("check-in DMs", () => {
  it("nothing is asked during a match's first period", () => {
    expect(keys(plan("2026-02-14T12:00:00Z", base()), "send-checkin")).toEqual([]);
  });

  it("when a period ends on a Sunday the mentor is asked on Monday at 10:00 New York time, not a minute before", () => {
    expect(keys(plan("2026-02-16T14:59:00Z", base()), "send-checkin")).toEqual([]);
    const [checkin] = only(plan("2026-02-16T15:00:00Z", base()), "send-checkin");
    expect(checkin).toMatchObject({
      runKey: "checkin:m1:2026-01-15:mentor",
      matchId: "m1",
      periodKey: "2026-01-15",
      recipient: "mentor",
      sendAt: at("2026-02-16T15:00:00Z"),
      period: { index: 0, start: at("2026-01-15T15:00:00Z"), end: at("2026-02-15T15:00:00Z") },
    });
  });

  it("the trainee is asked too when the program says so, at 10:00 in their own zone", () => {
    const match = base({ alsoTrainee: true });
    expect(keys(plan("2026-02-16T10:00:00Z", match), "send-checkin")).toEqual(["checkin:m1:2026-01-15:trainee"]);
    expect(keys(plan("2026-02-16T15:00:00Z", match), "send-checkin")).toEqual([
      "checkin:m1:2026-01-15:mentor",
      "checkin:m1:2026-01-15:trainee",
    ]);
    expect(keys(plan("2026-02-16T15:00:00Z", base()), "send-checkin")).toEqual(["checkin:m1:2026-01-15:mentor"]);
  });

  it("once the trainee has answered for the period, the mentor is not asked about it", () => {
    const answered = base({
      alsoTrainee: true,
      history: { checkins: [sent("2026-01-15", "2026-02-16T10:00:00Z", { recipient: "trainee", answer: "MET", answeredAt: at("2026-02-16T10:05:00Z") })] },
    });
    expect(keys(plan("2026-02-16T15:00:00Z", answered), "send-checkin")).toEqual([]);
    const unanswered = base({ alsoTrainee: true, history: { checkins: [sent("2026-01-15", "2026-02-16T10:00:00Z", { recipient: "trainee" })] } });
    expect(keys(plan("2026-02-16T15:00:00Z", unanswered), "send-checkin")).toEqual(["checkin:m1:2026-01-15:mentor"]);
  });

  it("after New York springs forward the check-in still arrives at 10:00 local (14:00 UTC instead of 15:00)", () => {
    // Period 1 ends Sun 15 March; clocks changed on 8 March.
    const [checkin] = only(plan("2026-03-16T14:00:00Z", base({ history: { doneRunKeys: ["checkin:m1:2026-01-15:mentor"] } })), "send-checkin");
    expect(checkin).toMatchObject({ runKey: "checkin:m1:2026-02-15:mentor", sendAt: at("2026-03-16T14:00:00Z") });
  });

  it("a weekly match's check-ins follow New York's clocks across both 2026 changes", () => {
    const weekly = (now: string) => only(plan(now, base({ cadence: "WEEKLY", startedAt: at("2026-02-26T15:00:00Z") })), "send-checkin")[0]?.sendAt;
    // Thu 5 March 10:00 EST: the period ends exactly at the slot.
    expect(weekly("2026-03-05T15:00:00Z")).toEqual(at("2026-03-05T15:00:00Z"));
    // Thu 12 March the period ends at 11:00 EDT: Friday 10:00 EDT.
    expect(weekly("2026-03-13T14:00:00Z")).toEqual(at("2026-03-13T14:00:00Z"));
    expect(weekly("2026-03-13T13:59:00Z")).toBeUndefined();
    // After the November change, periods end at 10:00 EST again: the slot is the end itself.
    expect(weekly("2026-11-05T15:00:00Z")).toEqual(at("2026-11-05T15:00:00Z"));
  });

  it("Sydney's southern-hemisphere changes: 10:00 AEST in April, 10:00 AEDT in October", () => {
    const sydney = (startedAt: string, now: string) =>
      only(plan(now, base({ cadence: "WEEKLY", startedAt: at(startedAt), mentor: { tz: "Australia/Sydney" } })), "send-checkin")[0]?.sendAt;
    // Period ends Fri 3 April 11:00 AEDT → Monday 6 April 10:00 AEST (+10) = 00:00 UTC.
    expect(sydney("2026-03-27T00:00:00Z", "2026-04-06T00:00:00Z")).toEqual(at("2026-04-06T00:00:00Z"));
    // Period ends Fri 2 October 11:00 AEST → Monday 5 October 10:00 AEDT (+11) = Sunday 23:00 UTC.
    expect(sydney("2026-09-25T01:00:00Z", "2026-10-04T22:59:00Z")).toBeUndefined();
    expect(sydney("2026-09-25T01:00:00Z", "2026-10-04T23:00:00Z")).toEqual(at("2026-10-04T23:00:00Z"));
  });

  it("mentors in odd zones are asked at their own 10:00: Kolkata, Chatham, St John's, Lord Howe", () => {
    const sendAt = (tz: string, now: string) =>
      only(plan(now, base({ cadence: "WEEKLY", startedAt: at("2026-06-24T00:00:00Z"), mentor: { tz } })), "send-checkin")[0]?.sendAt;
    // The period ends Wed 1 July 00:00 UTC.
    expect(sendAt("Asia/Kolkata", "2026-07-01T04:30:00Z")).toEqual(at("2026-07-01T04:30:00Z"));
    expect(sendAt("Pacific/Chatham", "2026-07-01T21:15:00Z")).toEqual(at("2026-07-01T21:15:00Z")); // Thu 10:00 +12:45
    expect(sendAt("America/St_Johns", "2026-07-01T12:30:00Z")).toEqual(at("2026-07-01T12:30:00Z")); // ends Tue 21:30 NDT → Wed 10:00 (−2:30)
    expect(sendAt("Australia/Lord_Howe", "2026-07-01T23:30:00Z")).toEqual(at("2026-07-01T23:30:00Z")); // Thu 10:00 +10:30
    expect(sendAt("Australia/Lord_Howe", "2026-07-01T23:29:00Z")).toBeUndefined();
  });

  it("a check-in already sent (recorded or its run key done) is not sent again", () => {
    expect(keys(plan("2026-02-20T15:00:00Z", base({ history: { checkins: [sent("2026-01-15", "2026-02-16T15:00:00Z")] } })), "send-checkin")).toEqual([]);
    expect(keys(plan("2026-02-20T15:00:00Z", base({ history: { doneRunKeys: new Set(["checkin:m1:2026-01-15:mentor"]) } })), "send-checkin")).toEqual([]);
  });

  it("only the most recently ended period is asked about: a backlog is never sent late", () => {
    expect(keys(plan("2026-04-20T15:00:00Z", base()), "send-checkin")).toEqual(["checkin:m1:2026-03-15:mentor"]);
  });

  it("a paused mentor is skipped for that period, and not asked about it after resuming", () => {
    const pausedNow = base({ mentor: { tz: "America/New_York", pausedAt: at("2026-02-01T00:00:00Z"), pausedUntil: null } });
    expect(keys(plan("2026-02-16T15:00:00Z", pausedNow), "send-checkin")).toEqual([]);
    const resumedAfterPeriodEnd = base({
      mentor: { tz: "America/New_York", pausedAt: at("2026-02-01T00:00:00Z"), pausedUntil: at("2026-02-17T05:00:00Z") },
    });
    expect(keys(plan("2026-02-18T15:00:00Z", resumedAfterPeriodEnd), "send-checkin")).toEqual([]);
    // ...but the next period is asked about as usual.
    expect(keys(plan("2026-03-16T14:00:00Z", resumedAfterPeriodEnd), "send-checkin")).toEqual(["checkin:m1:2026-02-15:mentor"]);
  });

  it("a pause that starts after the period ended does not count until it begins", () => {
    const laterPause = base({ mentor: { tz: "America/New_York", pausedAt: at("2026-03-01T00:00:00Z"), pausedUntil: null } });
    expect(keys(plan("2026-02-16T15:00:00Z", laterPause), "send-checkin")).toEqual(["checkin:m1:2026-01-15:mentor"]);
  });

  it("a paused trainee does not stop the mentor's check-in", () => {
    const match = base({ alsoTrainee: true, trainee: { tz: "Europe/London", pausedAt: at("2026-01-20T00:00:00Z") } });
    expect(keys(plan("2026-02-16T15:00:00Z", match), "send-checkin")).toEqual(["checkin:m1:2026-01-15:mentor"]);
  });

  it("an ended match gets nothing at all, not even a need-help escalation", () => {
    const history = { checkins: [sent("2026-01-15", "2026-02-16T15:00:00Z", { answer: "NEED_HELP", answeredAt: at("2026-02-16T16:00:00Z") })] };
    expect(plan("2026-03-16T14:00:00Z", base({ status: "ENDED", history }))).toEqual([]);
    expect(plan("2026-03-16T14:00:00Z", base({ endedAt: at("2026-03-01T00:00:00Z"), history }))).toEqual([]);
    expect(keys(plan("2026-03-16T14:00:00Z", base({ history })), "escalate")).toEqual(["escalate:m1:2026-01-15:need-help"]);
  });

  it("a match that has not started yet gets nothing", () => {
    expect(plan("2026-01-01T00:00:00Z", base())).toEqual([]);
  });
});

describe("program breaks", () => {
  it("a period ending inside a break is skipped, and the next period is asked about on its usual day", () => {
    const match = base({ programTz: "America/New_York", programBreaks: [{ from: "2026-02-14", to: "2026-02-22" }] });
    expect(keys(plan("2026-02-23T15:00:00Z", match), "send-checkin")).toEqual([]);
    expect(keys(plan("2026-03-16T14:00:00Z", match), "send-checkin")).toEqual(["checkin:m1:2026-02-15:mentor"]);
  });

  it("whether a period ends in a break is read in the program's zone", () => {
    const match = (programTz: string) => base({ programTz, programBreaks: ["2026-02-16"] });
    // 2026-02-15T15:00Z is 15 Feb in New York, 16 Feb in Kiritimati (+14).
    expect(keys(plan("2026-02-17T15:00:00Z", match("America/New_York")), "send-checkin")).toEqual(["checkin:m1:2026-01-15:mentor"]);
    expect(keys(plan("2026-02-17T15:00:00Z", match("Pacific/Kiritimati")), "send-checkin")).toEqual([]);
  });

  it("a break day right after a period ends delays the send to the first working day after it", () => {
    const match = base({ programTz: "America/New_York", programBreaks: [{ from: "2026-02-16", to: "2026-02-17" }] });
    expect(keys(plan("2026-02-17T23:00:00Z", match), "send-checkin")).toEqual([]);
    expect(only(plan("2026-02-18T15:00:00Z", match), "send-checkin")[0]?.sendAt).toEqual(at("2026-02-18T15:00:00Z"));
  });
});

describe("reminders", () => {
  const history = (more: Partial<CheckinRecord> = {}) => ({ checkins: [sent("2026-01-15", "2026-02-16T15:00:00Z", more)] });

  it("an unanswered check-in gets one reminder 3 days later at 10:00 local", () => {
    expect(keys(plan("2026-02-19T14:59:00Z", base({ history: history() })), "send-reminder")).toEqual([]);
    const [reminder] = only(plan("2026-02-19T15:00:00Z", base({ history: history() })), "send-reminder");
    expect(reminder).toMatchObject({ runKey: "reminder:m1:2026-01-15:mentor", recipient: "mentor", sendAt: at("2026-02-19T15:00:00Z") });
  });

  it("a reminder that would fall on Saturday waits for Monday", () => {
    // Sent Wed 18 Feb → +3 days = Saturday → Monday 23 Feb 10:00 EST.
    const h = { checkins: [sent("2026-01-15", "2026-02-18T15:00:00Z")] };
    expect(keys(plan("2026-02-22T15:00:00Z", base({ history: h })), "send-reminder")).toEqual([]);
    expect(only(plan("2026-02-23T15:00:00Z", base({ history: h })), "send-reminder")[0]?.sendAt).toEqual(at("2026-02-23T15:00:00Z"));
  });

  it("no reminder once anyone has answered, once one was sent, or to a paused mentor", () => {
    const now = "2026-02-20T15:00:00Z";
    expect(keys(plan(now, base({ history: history({ answer: "SCHEDULED", answeredAt: at("2026-02-17T00:00:00Z") }) })), "send-reminder")).toEqual([]);
    expect(keys(plan(now, base({ history: history({ reminderSentAt: at("2026-02-19T15:00:00Z") }) })), "send-reminder")).toEqual([]);
    expect(keys(plan(now, base({ history: { ...history(), doneRunKeys: ["reminder:m1:2026-01-15:mentor"] } })), "send-reminder")).toEqual([]);
    const paused = base({ history: history(), mentor: { tz: "America/New_York", pausedAt: at("2026-02-18T00:00:00Z") } });
    expect(keys(plan(now, paused), "send-reminder")).toEqual([]);
    const traineeAnswered = base({
      alsoTrainee: true,
      history: { checkins: [...history().checkins, sent("2026-01-15", "2026-02-16T10:00:00Z", { recipient: "trainee", answer: "MET" })] },
    });
    expect(keys(plan(now, traineeAnswered), "send-reminder")).toEqual([]);
  });

  it("no reminder about a period once the next one has ended", () => {
    expect(keys(plan("2026-03-16T14:00:00Z", base({ history: history() })), "send-reminder")).toEqual([]);
  });
});

describe("escalation to the directors", () => {
  it("'Need help' escalates once for that period", () => {
    const h = { checkins: [sent("2026-01-15", "2026-02-16T15:00:00Z", { answer: "NEED_HELP" as const, answeredAt: at("2026-02-16T16:00:00Z") })] };
    const [e] = only(plan("2026-02-16T16:05:00Z", base({ history: h })), "escalate");
    expect(e).toMatchObject({ runKey: "escalate:m1:2026-01-15:need-help", cause: "need-help", periodKey: "2026-01-15" });
    expect(keys(plan("2026-02-16T16:05:00Z", base({ history: { ...h, doneRunKeys: [e!.runKey] } })), "escalate")).toEqual([]);
  });

  it("both people answering 'Need help' is still one escalation", () => {
    const h = {
      checkins: [
        sent("2026-01-15", "2026-02-16T15:00:00Z", { answer: "NEED_HELP" as const }),
        sent("2026-01-15", "2026-02-16T10:00:00Z", { recipient: "trainee", answer: "NEED_HELP" as const }),
      ],
    };
    expect(keys(plan("2026-02-17T00:00:00Z", base({ alsoTrainee: true, history: h })), "escalate")).toEqual(["escalate:m1:2026-01-15:need-help"]);
  });

  it("two periods in a row without a meeting escalate once, keyed by the second", () => {
    const notYet = { answer: "NOT_YET" as const };
    const one = [sent("2026-01-15", "2026-02-16T15:00:00Z", notYet)];
    expect(keys(plan("2026-03-17T00:00:00Z", base({ history: { checkins: one } })), "escalate")).toEqual([]);
    const two = [...one, sent("2026-02-15", "2026-03-16T14:00:00Z", { answer: "SCHEDULED" })];
    expect(keys(plan("2026-03-17T00:00:00Z", base({ history: { checkins: two } })), "escalate")).toEqual(["escalate:m1:2026-02-15:no-meeting"]);
    // a third meeting-less period does not escalate again for the same streak
    const three = [...two, sent("2026-03-15", "2026-04-15T14:00:00Z", notYet)];
    expect(
      keys(plan("2026-04-16T00:00:00Z", base({ history: { checkins: three, doneRunKeys: ["escalate:m1:2026-02-15:no-meeting"] } })), "escalate"),
    ).toEqual([]);
  });

  it("a meeting in between breaks the streak, and a streak broken later is no longer escalated", () => {
    const h = [
      sent("2026-01-15", "2026-02-16T15:00:00Z", { answer: "NOT_YET" }),
      sent("2026-02-15", "2026-03-16T14:00:00Z", { answer: "MET" }),
      sent("2026-03-15", "2026-04-15T14:00:00Z", { answer: "NOT_YET" }),
    ];
    expect(keys(plan("2026-04-16T00:00:00Z", base({ history: { checkins: h } })), "escalate")).toEqual([]);
    const brokenLater = [
      sent("2026-01-15", "2026-02-16T15:00:00Z", { answer: "NOT_YET" }),
      sent("2026-02-15", "2026-03-16T14:00:00Z", { answer: "NOT_YET" }),
      sent("2026-03-15", "2026-04-15T14:00:00Z", { answer: "MET" }),
    ];
    expect(keys(plan("2026-04-16T00:00:00Z", base({ history: { checkins: brokenLater } })), "escalate")).toEqual([]);
  });

  it("silence counts as no meeting once nobody has answered for 6 days", () => {
    const h = [sent("2026-01-15", "2026-02-16T15:00:00Z", { answer: "NOT_YET" }), sent("2026-02-15", "2026-03-16T14:00:00Z")];
    expect(keys(plan("2026-03-22T13:59:00Z", base({ history: { checkins: h } })), "escalate")).toEqual([]);
    expect(keys(plan("2026-03-22T14:00:00Z", base({ history: { checkins: h } })), "escalate")).toEqual(["escalate:m1:2026-02-15:no-meeting"]);
  });
});

describe("ignored check-ins: stay, pause or leave?", () => {
  const silent = ["2026-01-15", "2026-02-15", "2026-03-15"].map((p, i) => sent(p, new Date(Date.parse("2026-02-16T15:00:00Z") + i * 30 * DAY).toISOString()));
  // third one sent 2026-04-17T15:00Z (Fri) → ignored from Thu 23 Apr 15:00Z → asked at the next 10:00 New York slot: Fri 24 Apr 14:00Z

  it("a mentor who ignored 3 check-ins in a row is asked once, at their 10:00", () => {
    const match = base({ history: { checkins: silent } });
    expect(keys(plan("2026-04-24T13:59:00Z", match), "ask-stay-pause-leave")).toEqual([]);
    const [ask] = only(plan("2026-04-24T14:00:00Z", match), "ask-stay-pause-leave");
    expect(ask).toMatchObject({ runKey: "stay:m1:2026-03-15:mentor", recipient: "mentor", sendAt: at("2026-04-24T14:00:00Z") });
    const done = base({ history: { checkins: silent, doneRunKeys: [ask!.runKey] } });
    expect(keys(plan("2026-04-24T14:00:00Z", done), "ask-stay-pause-leave")).toEqual([]);
  });

  it("two ignored, or three with an answer from the trainee in between, is not a streak", () => {
    expect(keys(plan("2026-04-24T14:00:00Z", base({ history: { checkins: silent.slice(0, 2) } })), "ask-stay-pause-leave")).toEqual([]);
    const traineeAnswered = [...silent, sent("2026-02-15", "2026-03-16T10:00:00Z", { recipient: "trainee", answer: "MET" })];
    expect(keys(plan("2026-04-24T14:00:00Z", base({ alsoTrainee: true, history: { checkins: traineeAnswered } })), "ask-stay-pause-leave")).toEqual(
      [],
    );
  });

  it("a paused mentor is not asked", () => {
    const paused = base({ history: { checkins: silent }, mentor: { tz: "America/New_York", pausedAt: at("2026-04-20T00:00:00Z") } });
    expect(keys(plan("2026-04-24T14:00:00Z", paused), "ask-stay-pause-leave")).toEqual([]);
  });
});

describe("agenda prompts", () => {
  it("the trainee is prompted at 10:00 their time, on the last working day at least 2 days before the meeting is due", () => {
    // Period 0 ends Sun 15 Feb 15:00Z; two days before = Fri 13 Feb 15:00Z → Fri 10:00 London.
    expect(keys(plan("2026-02-13T09:59:00Z", base()), "agenda-prompt")).toEqual([]);
    const [agenda] = only(plan("2026-02-13T10:00:00Z", base()), "agenda-prompt");
    expect(agenda).toMatchObject({ runKey: "agenda:m1:2026-01-15", recipient: "trainee", periodKey: "2026-01-15", sendAt: at("2026-02-13T10:00:00Z") });
  });

  it("is sent once, still sent late within the period, never after the period ended, never to a paused trainee", () => {
    expect(keys(plan("2026-02-14T12:00:00Z", base()), "agenda-prompt")).toEqual(["agenda:m1:2026-01-15"]);
    expect(keys(plan("2026-02-14T12:00:00Z", base({ history: { doneRunKeys: ["agenda:m1:2026-01-15"] } })), "agenda-prompt")).toEqual([]);
    // At 16 Feb the current period is 2026-02-15, whose prompt is not due until March.
    expect(keys(plan("2026-02-16T12:00:00Z", base()), "agenda-prompt")).toEqual([]);
    expect(keys(plan("2026-02-14T12:00:00Z", base({ trainee: { tz: "Europe/London", pausedAt: at("2026-02-01T00:00:00Z") } })), "agenda-prompt")).toEqual(
      [],
    );
  });

  it("no agenda prompt for a period that ends in a program break", () => {
    const match = base({ programBreaks: [{ from: "2026-02-15", to: "2026-02-15" }] });
    expect(keys(plan("2026-02-14T12:00:00Z", match), "agenda-prompt")).toEqual([]);
  });

  it("follows the trainee's zone: in Sydney the Friday prompt comes at 10:00 AEDT", () => {
    const match = base({ trainee: { tz: "Australia/Sydney" } });
    // Fri 13 Feb 10:00 AEDT = Thu 12 Feb 23:00Z
    expect(only(plan("2026-02-12T23:00:00Z", match), "agenda-prompt")[0]?.sendAt).toEqual(at("2026-02-12T23:00:00Z"));
  });
});

describe("many matches", () => {
  it("plans each match on its own, in input order, with distinct run keys", () => {
    const a = base({ matchId: "a" });
    const b = base({ matchId: "b", mentor: { tz: "Asia/Kolkata" } });
    const actions = plan("2026-02-16T15:00:00Z", a, b);
    expect(keys(actions, "send-checkin")).toEqual(["checkin:a:2026-01-15:mentor", "checkin:b:2026-01-15:mentor"]);
  });
});
