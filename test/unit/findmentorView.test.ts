import { describe, expect, it } from "vitest";
import type { MentorCard } from "../../src/features/findmentor/findMentor.js";
import { JUNIOR_FACULTY_FLAG, mentorCardsMessage, noFitMessage } from "../../src/features/findmentor/views/cards.js";

const card = (over: Partial<MentorCard> = {}): MentorCard => ({
  memberId: "m1",
  slackUserId: "U0MAYA",
  name: "Maya",
  programId: "p1",
  stage: "Senior faculty",
  specialty: "Hematology",
  subspecialty: "Non-malignant hematology",
  reasons: ["shares your interests: thrombosis", "2 of 3 places open"],
  juniorFaculty: false,
  handsOn: true,
  supervisorNote: "Weekly <lab> & bench time",
  activeMentees: 1,
  capacity: 3,
  helpedGrants: true,
  copublishes: false,
  pastFellows: "Faculty at <@U999> & industry",
  cadence: "Every month",
  ...over,
});

const page = (cards: MentorCard[], over: { hasMore?: boolean; query?: string; page?: number } = {}) =>
  mentorCardsMessage({ kind: "mentors", query: over.query ?? "", page: over.page ?? 0, cards, hasMore: over.hasMore ?? false, shownBefore: (over.page ?? 0) * 5 });

const allText = (blocks: unknown[]) => JSON.stringify(blocks);
type Block = { type: string; text?: { text: string }; elements?: { text?: string; action_id?: string; value?: string }[]; accessory?: { action_id: string; value: string } };

describe("the /findmentor card view", () => {
  it("names the mentor with a mention, their stage and specialty, and the reasons joined with ' · '", () => {
    const m = page([card()]);
    const section = (m.blocks as Block[]).find((b) => b.accessory)!;
    expect(section.text!.text).toContain("<@U0MAYA> — Senior faculty · Hematology · Non-malignant hematology");
    expect(section.text!.text).toContain("shares your interests: thrombosis · 2 of 3 places open");
  });

  it("answers the questions trainees ask a prospective mentor", () => {
    const context = (page([card()]).blocks as Block[]).find((b) => b.type === "context")!;
    const text = context.elements![0]!.text!;
    expect(text).toContain("*Hands-on?* yes (Weekly &lt;lab&gt; &amp; bench time)");
    expect(text).toContain("*Trainees now:* 1 of 3 places taken");
    const one = (page([card({ capacity: 1, activeMentees: 1 })]).blocks as Block[]).find((b) => b.type === "context")!;
    expect(one.elements![0]!.text!).toContain("*Trainees now:* 1 of 1 place taken");
    expect(text).toContain("*Grants with mentees?* has helped mentees win grants");
    expect(text).toContain("*Co-publishes?* no");
    expect(text).toContain("*Past fellows:* Faculty at &lt;@U999&gt; &amp; industry");
    expect(text).toContain("*Meets:* every month");
  });

  it("says 'not said' where the mentor left a question unanswered", () => {
    const text = allText(page([card({ handsOn: null, supervisorNote: null, helpedGrants: null, copublishes: null, pastFellows: null, cadence: null })]).blocks);
    expect(text).toContain("*Hands-on?* not said");
    expect(text).toContain("*Grants with mentees?* not said");
    expect(text).toContain("*Past fellows:* not said");
    expect(text).toContain("*Meets:* not said");
  });

  it("escapes every piece of user text, so nobody can ping or link through a profile", () => {
    const text = allText(page([card({ reasons: ["matches: <!channel>"], stage: "<b>" })], { query: "<!here> & co" }).blocks);
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<!here>");
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("&lt;!here&gt; &amp; co");
  });

  it("flags junior faculty with the offer of a senior co-mentor, and only them", () => {
    expect(allText(page([card({ juniorFaculty: true })]).blocks)).toContain(JUNIOR_FACULTY_FLAG);
    expect(allText(page([card()]).blocks)).not.toContain(JUNIOR_FACULTY_FLAG);
  });

  it("gives each card a Request button carrying the mentor and the shared program", () => {
    const section = (page([card({ memberId: "mem-9", programId: "prog-2" })]).blocks as Block[]).find((b) => b.accessory)!;
    expect(section.accessory!.action_id).toBe("findmentor_request");
    expect(JSON.parse(section.accessory!.value)).toEqual({ mentorId: "mem-9", programId: "prog-2" });
  });

  it("offers More with the next page and the words searched, only when there are more", () => {
    const more = (m: { blocks: unknown[] }) => (m.blocks as Block[]).find((b) => b.type === "actions")?.elements?.[0];
    expect(more(page([card()]))).toBeUndefined();
    const button = more(page([card()], { hasMore: true, query: "vte grants", page: 1 }))!;
    expect(button.action_id).toBe("findmentor_more");
    expect(JSON.parse(button.value!)).toEqual({ page: 2, q: "vte grants" });
  });

  it("keeps a page of five cards well under Slack's 50-block limit", () => {
    const m = page([1, 2, 3, 4, 5].map((i) => card({ memberId: `m${i}` })), { hasMore: true });
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect((m.blocks as Block[]).filter((b) => b.accessory).length).toBe(5);
  });

  it("starts the reason with a capital and counts a single mentor in the singular", () => {
    const m = noFitMessage({ kind: "no_fit", query: "grant writing", terms: ["grant writing"], excluded: { alreadyMentoring: 0, declinedRecently: 0, paused: 0, full: 0, noKeywordMatch: 1 } });
    expect(allText(m.blocks)).toContain("*No mentor fits right now.* The 1 mentor doesn't mention ‘grant writing’.");
    const two = noFitMessage({ kind: "no_fit", query: "x", terms: ["x"], excluded: { alreadyMentoring: 1, declinedRecently: 0, paused: 0, full: 1, noKeywordMatch: 1 } });
    expect(allText(two.blocks)).toContain("1 mentor is full, 1 mentor already mentors you, the 1 other mentor doesn't mention ‘x’.");
  });

  it("explains an empty result from the counts, with what to do, and never mentions confidential exclusions", () => {
    const m = noFitMessage({
      kind: "no_fit",
      query: "xyz",
      terms: ["xyz"],
      excluded: { alreadyMentoring: 0, declinedRecently: 0, paused: 2, full: 3, noKeywordMatch: 4 },
    });
    const text = allText(m.blocks);
    expect(text).toContain("*No mentor fits right now.* 3 mentors are full, 2 mentors are paused, none of the 4 other mentors mention ‘xyz’.");
    expect(text).toContain("try fewer or other words");
    expect(text).toContain("check back in a few weeks");
    expect(text).toContain("ask your program director");
    expect(text).not.toMatch(/confidential/i);
  });
});
