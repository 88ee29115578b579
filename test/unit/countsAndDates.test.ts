import { describe, expect, it } from "vitest";
import { progressLines } from "../../src/features/goals-meetings/views/goals/goalsModal.js";
import { thanksCountsMessage } from "../../src/features/thanks/views/views.js";
import { breaksWords } from "../../src/features/programs/views/programFacts.js";
import { directorsModal } from "../../src/features/programs/views/directorsModal.js";
import { agendaPromptMessage } from "../../src/features/goals-meetings/views/meetings/agendaPrompt.js";

/** Counts and dates as a person reads them: plurals from kit/plural.ts, days in the one style of kit/dates.ts. */
describe("counts and dates in what people read", () => {
  const note = (at: string) => ({ at, by: "m1", note: "n" });

  it("counts one earlier goal note in the singular, and dates notes in the one style", () => {
    const lines = progressLines([note("2026-02-01T10:00:00Z"), note("2026-02-02T10:00:00Z"), note("2026-02-03T10:00:00Z"), note("2026-02-04T10:00:00Z")], { m1: "Maya" }, "UTC");
    expect(lines[0]).toBe("_1 earlier note_");
    expect(lines[1]).toBe("• Mon 2 Feb 2026 — Maya: n");
  });

  it("counts thank-yous and thankers in the singular and plural, with the day in the one style", () => {
    const at = new Date("2026-11-20T12:00:00Z");
    const row = { mentorMemberId: "m", mentorName: "Maya", email: null, programs: [], firstAt: at, lastAt: at, messages: [] };
    const text = JSON.stringify(thanksCountsMessage([{ ...row, mentorSlackId: "U1", count: 1, thankers: 1 }, { ...row, mentorSlackId: "U2", count: 3, thankers: 2 }]).blocks);
    expect(text).toContain("1. <@U1> — 1 thank-you from 1 person (last Fri 20 Nov 2026)");
    expect(text).toContain("2. <@U2> — 3 thank-yous from 2 people (last Fri 20 Nov 2026)");
  });

  it("says 'break' for one program break and 'breaks' for several", () => {
    expect(breaksWords([{ from: "2026-12-24", to: "2026-12-24" }])).toBe("break: Thu 24 Dec 2026");
    expect(breaksWords([{ from: "2026-12-24", to: "2026-12-24" }, { from: "2027-01-01", to: "2027-01-01" }])).toBe("breaks: Thu 24 Dec 2026; Fri 1 Jan 2027");
  });

  it("dates a director grant and an agenda's due day in the one style", () => {
    const granted = JSON.stringify(directorsModal([{ slackUserId: "U1", directorGrantedAt: new Date("2026-11-20T12:00:00Z"), directorGrantedBy: "cli" } as never]));
    expect(granted).toContain("<@U1> — director since Fri 20 Nov 2026 (command line)");
    const prompt = agendaPromptMessage({ matchId: "m", mentorSlackUserId: "U2", dueBy: new Date("2026-03-05T03:00:00Z"), traineeTz: "America/Chicago", agenda: null });
    expect(prompt.text).toBe("Set an agenda for your next meeting with your mentor (due by Wed 4 Mar 2026)");
  });
});
