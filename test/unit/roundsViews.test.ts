import { describe, expect, it } from "vitest";
import { roundNoticeMessages, answeredNotice } from "../../src/features/rounds/views/notices.js";
import { roundModal } from "../../src/features/rounds/views/roundModal.js";
import { readRanking, readRoundForm } from "../../src/features/rounds/views/roundForm.js";
import { rankModal } from "../../src/features/rounds/views/rankModal.js";
import { roundList, scheduleWords } from "../../src/features/rounds/views/roundList.js";
import type { NoticeCard } from "../../src/features/rounds/roundNotices.js";

const card: NoticeCard = {
  runId: "run1",
  roundName: "Coffee <b> & chat",
  programName: "Heme",
  kind: "ROTATION",
  scheduledFor: new Date("2026-03-09T13:00:00Z"),
  tz: "America/Chicago",
  side: "trainee",
  rankDeadline: null,
};
const json = (x: unknown) => JSON.stringify(x);

describe("round views", () => {
  it("the notice shows the date in the reader's own zone, escapes the round name and offers Skip this round and Pause everything as different choices", () => {
    const m = roundNoticeMessages.notice(card);
    expect(json(m.blocks)).toContain("on *Mon 9 Mar 2026, 08:00 CDT*");
    expect(json(m.blocks)).toContain("Coffee &lt;b&gt; &amp; chat");
    expect(json(m.blocks)).toContain("*Skip this round* leaves you out of this one only. *Pause everything* stops all of Rounds for you until you resume.");
    const buttons = (m.blocks as { type: string; elements?: { action_id: string; text: { text: string }; confirm?: { title: { text: string }; text: { text: string } } }[] }[]).find((b) => b.type === "actions")!.elements!;
    expect(buttons.map((b) => [b.action_id, b.text.text])).toEqual([
      ["round_notice_skip", "Skip this round"],
      ["round_notice_pause", "Pause everything…"],
    ]);
    // Pausing is more than skipping: it asks first, and says what it stops.
    expect(buttons[1]!.confirm).toMatchObject({ title: { text: "Pause everything?" } });
    expect(buttons[1]!.confirm!.text.text).toBe("Until you resume, no round pairs you, /findmentor doesn't suggest you, and check-ins and reminders stop (your mentorships carry on). To miss only this round, choose Skip this round instead.");
    expect(buttons[0]).not.toHaveProperty("confirm");
  });

  it("after Skip the notice offers to count the person back in; after Pause it says what stops and offers Resume", () => {
    const m = answeredNotice({ card, answer: "skipped" });
    expect(json(m.blocks)).toContain("You're skipping");
    expect(json(m.blocks)).toContain("round_notice_unskip");
    const paused = json(answeredNotice({ card, answer: "paused" }).blocks);
    expect(paused).toContain("You're paused everywhere in Rounds until you resume: no round pairs you, /findmentor doesn't suggest you, and check-ins and reminders stop (your mentorships carry on).");
    expect(paused).toContain('"action_id":"round_notice_resume"');
    const back = json(answeredNotice({ card, answer: "resumed", skipping: false, runOpen: true }).blocks);
    expect(back).toContain("You're back");
    expect(back).toContain("round_notice_skip");
    expect(json(answeredNotice({ card, answer: "resumed", skipping: false, runOpen: false }).blocks)).not.toContain("round_notice_skip");
  });

  it("the create modal reads back into a form, with inline errors on the right blocks", () => {
    const view = roundModal([{ id: "p1", name: "Heme", timezone: "UTC", cohorts: [{ id: "c1", name: "2026" }] } as never]);
    expect(json(view)).toContain("round_cron");
    const missing = readRoundForm({ round_name: { value: { type: "plain_text_input", value: "" } } });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.errors.round_name).toContain("Give the round a name");
      expect(missing.errors.round_kind).toContain("Pick the kind of round");
    }
  });

  it("a person chosen twice in a ranking is flagged on the lower place", () => {
    const pick = (v: string) => ({ value: { type: "static_select", selected_option: { value: v } } });
    expect(readRanking({ rank_0: pick("a"), rank_1: pick("a") }, 3)).toEqual({ ok: false, errors: { rank_1: expect.stringContaining("already chose") } });
    expect(readRanking({ rank_0: pick("a"), rank_2: pick("b") }, 3)).toEqual({ ok: true, ranks: ["a", "b"] });
    expect(readRanking({}, 2)).toMatchObject({ ok: false, errors: { rank_0: expect.any(String) } });
  });

  it("the rank modal pre-fills a saved list and offers one place per choice", () => {
    const view = rankModal({
      runId: "r",
      side: "trainee",
      roundName: "Stable",
      deadline: new Date("2026-03-10T12:00:00Z"),
      tz: "UTC",
      choices: [
        { memberId: "m1", slackUserId: "U1", name: "Dr. One", reasons: ["Same specialty"] },
        { memberId: "m2", slackUserId: "U2", name: "Dr. <Two>", reasons: [] },
      ],
      current: ["m2"],
    });
    const text = json(view);
    expect(text).toContain("rank_1");
    expect(text).not.toContain("rank_2");
    expect(text).toContain('"initial_option":{"text":{"type":"plain_text","text":"Dr. <Two>"},"value":"m2"}');
    expect(text).toContain("Same specialty");
  });

  it("the round list describes schedules in words", () => {
    expect(scheduleWords({ schedule: "0 9 * * 1", options: { everyWeeks: 2 } })).toBe("every 2 weeks on Monday at 09:00");
    expect(scheduleWords({ schedule: "30 16 * * 5", options: {} })).toBe("every week on Friday at 16:30");
    expect(scheduleWords({ schedule: null, options: {} })).toBe("once");
    expect(json(roundList([]).blocks)).toContain("No active pairing rounds");
  });
});

describe("round views within Slack's limits", () => {
  const choices = Array.from({ length: 130 }, (_, i) => ({ memberId: `t${i}`, slackUserId: `U${i}`, name: `Trainee ${i}`, reasons: [] }));
  const mentorForm = { runId: "r", side: "mentor" as const, roundName: "Stable", deadline: new Date("2026-03-10T12:00:00Z"), tz: "UTC", choices, current: ["t120"] };
  type Select = { element?: { options?: { value: string }[]; initial_option?: { value: string } } };

  it("a mentor ranked by 130 trainees gets selects of at most 100, best first, with their saved choice kept and how many more there are", () => {
    const view = rankModal(mentorForm) as unknown as { blocks: Select[] };
    const selects = view.blocks.filter((b) => b.element?.options);
    expect(selects.length).toBeGreaterThan(0);
    for (const s of selects) {
      const values = s.element!.options!.map((o) => o.value);
      expect(values).toHaveLength(100);
      expect(values[0]).toBe("t0");
      expect(values).toContain("t120");
      expect(values).not.toContain("t99");
    }
    expect(selects[0]!.element!.initial_option!.value).toBe("t120");
    expect(json(view)).toContain("The lists show the first 100, those who put you highest; 30 more people ranked you.");
  });

  it("the round list holds at most 50 blocks and says how many more rounds there are; a round's name is escaped in the Cancel confirmation", () => {
    const round = (i: number) => ({
      id: `r${i}`, workspaceId: "T", programId: "p", programName: "Heme", timezone: "UTC", cohortId: null, cohortName: null,
      name: i === 0 ? "<!channel> & *all*" : `Round ${i}`, kind: "ROTATION" as const, options: {}, schedule: null, nextRunAt: null,
      status: "ACTIVE" as const, createdById: "U", createdAt: new Date(0), latestRun: null,
    });
    const list = roundList(Array.from({ length: 60 }, (_, i) => round(i)));
    expect(list.blocks.length).toBeLessThanOrEqual(50);
    const text = json(list.blocks);
    expect(text).toContain("Round 22");
    expect(text).not.toContain("Round 23");
    expect(text).toContain("…and 37 more");
    // Escaped: cannot ping, and the stars stay stars (fenced by zero-width spaces), not bold.
    expect(text).toContain('"text":{"type":"mrkdwn","text":"Nothing more of &lt;!channel&gt; &amp; \u200B*\u200Ball\u200B*\u200B will run."}');
    expect(text).not.toContain("<!channel>");
  });

  it("notification texts escape the round name", () => {
    expect(roundNoticeMessages.notice(card).text).toContain("Coffee &lt;b&gt; &amp; chat");
    expect(roundNoticeMessages.rankTrainee(card).text).toBe("Rank your mentors for Coffee &lt;b&gt; &amp; chat");
    expect(answeredNotice({ card, answer: "skipped" }).text).toBe("You're skipping Coffee &lt;b&gt; &amp; chat");
  });
});
