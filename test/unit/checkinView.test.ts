import { describe, expect, it } from "vitest";
import { answeredCheckin, checkinMessages, directorOutcome, escalationAfter, stayAnswered } from "../../src/features/checkins/views/messages.js";
import type { CheckinCard, EscalationCard } from "../../src/features/checkins/checkins.js";
import type { MatchOfCheckin } from "../../src/store/checkins.js";

const maya = { memberId: "m1", slackUserId: "U0MAYA", name: "Dr. Maya", tz: "UTC", dmChannel: "U0MAYA" };
const ana = { memberId: "m2", slackUserId: "U0ANA", name: "Ana <Fellow> & co", tz: "UTC", dmChannel: "D0ANA" };
const card: CheckinCard = {
  checkinId: "ck1",
  matchId: "mt1",
  periodKey: "2026-03-03",
  recipient: "mentor",
  you: maya,
  other: ana,
  programName: "Heme <Fellowship>",
  answer: null,
  answeredBySlackId: null,
  directorTold: false,
};
type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string; style?: string; confirm?: unknown }[]; text?: { text: string } };
const blocks = (p: { blocks: unknown[] }) => p.blocks as Block[];
const buttons = (p: { blocks: unknown[] }) => blocks(p).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);
const words = (p: { text: string; blocks: unknown[] }) => `${p.text} ${JSON.stringify(p.blocks)}`;

describe("check-in messages", () => {
  it("asks whether the pair met since the period began, naming the other person escaped, with four answer buttons carrying the check-in id", () => {
    const m = checkinMessages.checkin(card);
    expect(m.text).toBe("Did you and Ana &lt;Fellow&gt; &amp; co meet since Tue 3 Mar 2026?");
    expect(words(m)).toContain("your mentee <@U0ANA> in Heme &lt;Fellowship&gt;");
    expect(buttons(m).map((b) => [b.action_id, b.value])).toEqual([
      ["checkin_met", "ck1"],
      ["checkin_scheduled", "ck1"],
      ["checkin_not_yet", "ck1"],
      ["checkin_need_help", "ck1"],
    ]);
    expect(buttons(m).some((b) => b.style)).toBe(false);
  });

  it("a reminder says so and carries the same buttons", () => {
    const m = checkinMessages.reminder({ ...card, recipient: "trainee", you: ana, other: maya });
    expect(m.text).toMatch(/^Reminder: Did you and Dr\. Maya meet/);
    expect(words(m)).toContain("your mentor <@U0MAYA>");
    expect(buttons(m)).toHaveLength(4);
  });

  it("once answered, the message shows who answered what and keeps every button, the chosen one highlighted", () => {
    const mine = answeredCheckin({ ...card, answer: "NOT_YET", answeredBySlackId: "U0MAYA" });
    expect(words(mine)).toContain("You answered :hourglass_flowing_sand: *Not yet*");
    expect(buttons(mine).map((b) => b.action_id)).toEqual(["checkin_met", "checkin_scheduled", "checkin_not_yet", "checkin_need_help"]);
    expect(buttons(mine).filter((b) => b.style === "primary").map((b) => b.action_id)).toEqual(["checkin_not_yet"]);
    const theirs = answeredCheckin({ ...card, answer: "SCHEDULED", answeredBySlackId: "U0ANA" });
    expect(words(theirs)).toContain("<@U0ANA> answered :calendar: *Scheduled*");
  });

  it("after Need help, says the director has been told only when they were; otherwise that they will be", () => {
    const told = answeredCheckin({ ...card, answer: "NEED_HELP", answeredBySlackId: "U0MAYA", directorTold: true });
    expect(words(told)).toContain("You answered :sos: *Need help*. Your program director has been told and will reach out.");
    const pending = answeredCheckin({ ...card, answer: "NEED_HELP", answeredBySlackId: "U0MAYA", directorTold: false });
    expect(words(pending)).toContain("Your program director will be told and will reach out.");
    expect(words(pending)).not.toContain("has been told");
  });
});

describe("escalation messages", () => {
  const escalation: EscalationCard = {
    matchId: "mt1",
    periodKey: "2026-02-01",
    cause: "no-meeting",
    programName: "Heme",
    role: "mentor",
    startedAt: new Date("2025-12-01T09:00:00Z"),
    mentor: maya,
    trainee: ana,
    askedBy: [],
    history: [
      { periodKey: "2025-12-01", answers: [{ recipient: "mentor", slackUserId: "U0MAYA", sent: true, answer: "NOT_YET" }] },
      { periodKey: "2026-01-01", answers: [{ recipient: "mentor", slackUserId: "U0MAYA", sent: true, answer: null }, { recipient: "trainee", slackUserId: "U0ANA", sent: true, answer: "SCHEDULED" }] },
    ],
  };

  it("tell the director the pair, the cause and the answers so far, with Nudge both, Reassign and End match (the last two confirmed first)", () => {
    const m = checkinMessages.escalation(escalation);
    expect(m.text).toContain("haven't met for 2 periods");
    expect(words(m)).toContain("since Mon 1 Dec 2025: <@U0MAYA> Not yet");
    expect(words(m)).toContain("since Thu 1 Jan 2026: <@U0MAYA> no answer · <@U0ANA> Scheduled");
    expect(buttons(m).map((b) => b.action_id)).toEqual(["checkin_nudge", "checkin_reassign", "checkin_end"]);
    expect(JSON.parse(buttons(m)[0]!.value!)).toEqual({ matchId: "mt1", periodKey: "2026-02-01" });
    expect(buttons(m).slice(1).every((b) => b.confirm)).toBe(true);
    expect(words(checkinMessages.escalation({ ...escalation, cause: "need-help", askedBy: ["mentor"] }))).toContain("asked for help");
  });

  it("name only the person who asked for help, and the other by their part in the pair", () => {
    const mentorAsked = checkinMessages.escalation({ ...escalation, cause: "need-help", askedBy: ["mentor"] });
    expect(words(mentorAsked)).toContain("*Need help*: <@U0MAYA> asked for help in their check-in about their mentee <@U0ANA> (Heme).");
    expect(mentorAsked.text).toBe("Check-in: Dr. Maya asked for help");
    const coachAsked = checkinMessages.escalation({ ...escalation, role: "coach", cause: "need-help", askedBy: ["mentor"] });
    expect(words(coachAsked)).toContain("about their mentee <@U0ANA> (as their coach, Heme).");
    const traineeAsked = checkinMessages.escalation({ ...escalation, cause: "need-help", askedBy: ["trainee"] });
    expect(words(traineeAsked)).toContain("*Need help*: <@U0ANA> asked for help in their check-in about their mentor <@U0MAYA> (Heme).");
    expect(words(traineeAsked)).not.toContain("<@U0MAYA> asked");
    expect(words(checkinMessages.escalation({ ...escalation, cause: "need-help", askedBy: ["trainee", "mentor"] }))).toContain("both asked for help");
  });

  it("escape people's names in every notification text (escalation, stay or leave, nudge, ended)", () => {
    const match = { mentor: maya, trainee: ana, role: "mentor", programName: "Heme" } as MatchOfCheckin;
    const texts = [
      checkinMessages.escalation(escalation).text,
      checkinMessages.escalation({ ...escalation, cause: "need-help", askedBy: ["trainee"] }).text,
      checkinMessages.escalation({ ...escalation, cause: "need-help", askedBy: ["trainee", "mentor"] }).text,
      checkinMessages.stayAsk({ matchId: "mt1", periodKey: "2026-01-01", recipient: "mentor", you: maya, other: ana, programName: "Heme", ignored: 3 }).text,
      checkinMessages.endedByDirector(match, "mentor", false, "U0DIR").text,
    ];
    for (const text of texts) {
      expect(text).toContain("Ana &lt;Fellow&gt; &amp; co");
      expect(text).not.toContain("<Fellow>");
    }
  });

  it("word a nudge for why it was sent: a push to meet, or after Need help a word to the asker and a neutral check-in to the other", () => {
    const match = { mentor: maya, trainee: ana, role: "mentor", programName: "Heme" } as MatchOfCheckin;
    expect(words(checkinMessages.nudge(match, "mentor", "U0DIR", []))).toContain("it's been a while since you and <@U0ANA> reported a meeting");
    const asker = words(checkinMessages.nudge(match, "mentor", "U0DIR", ["mentor"]));
    expect(asker).toContain("saw that you asked for help in your check-in about your mentorship with <@U0ANA>");
    expect(asker).not.toContain("reported a meeting");
    const other = words(checkinMessages.nudge(match, "trainee", "U0DIR", ["mentor"]));
    expect(other).toContain("is checking in on your mentorship with <@U0MAYA>");
    expect(other).not.toContain("asked for help");
    expect(other).not.toContain("reported a meeting");
  });

  it("after a nudge the history stays and only Reassign and End match remain; after ending no button remains", () => {
    const original = checkinMessages.escalation(escalation);
    const match = { mentor: maya, trainee: ana } as MatchOfCheckin;
    const nudged = escalationAfter(original.blocks, directorOutcome("nudged", "U0DIR", match), { matchId: "mt1", periodKey: "2026-02-01", traineeSlackId: "U0ANA" });
    expect(words(nudged)).toContain("<@U0DIR> nudged <@U0MAYA> and <@U0ANA>");
    expect(words(nudged)).toContain("since Mon 1 Dec 2025");
    expect(buttons(nudged).map((b) => b.action_id)).toEqual(["checkin_reassign", "checkin_end"]);
    const ended = escalationAfter(nudged.blocks, directorOutcome("ended", "U0DIR", match), null);
    expect(buttons(ended)).toEqual([]);
    expect(words(ended)).not.toContain("nudged");
  });
});

describe("stay, pause or leave", () => {
  it("asks with three buttons (Leave confirmed first) and, once answered, says what happened in their place", () => {
    const ask = checkinMessages.stayAsk({ matchId: "mt1", periodKey: "2026-01-01", recipient: "mentor", you: maya, other: ana, programName: "Heme", ignored: 3 });
    expect(buttons(ask).map((b) => b.action_id)).toEqual(["checkin_stay", "checkin_pause", "checkin_leave"]);
    expect(JSON.parse(buttons(ask)[0]!.value!)).toEqual({ matchId: "mt1", recipient: "mentor" });
    expect(buttons(ask)[2]!.confirm).toBeTruthy();
    expect(stayAnswered("pause", "U0ANA").text).toContain("/mentoring resume");
    expect(stayAnswered("leave", "U0ANA").text).toContain("You've left your mentorship with <@U0ANA>");
  });
});
