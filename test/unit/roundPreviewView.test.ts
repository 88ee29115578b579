import { describe, expect, it } from "vitest";
import { buildProposal } from "../../src/domain/roundProposalBuild.js";
import { dropPair } from "../../src/domain/roundSwap.js";
import { approvedMessage, packLines, previewMessage } from "../../src/features/rounds/views/preview.js";
import { editProblemText, readSwap, swapModal, dropModal } from "../../src/features/rounds/views/previewModals.js";
import { roundMessages } from "../../src/features/rounds/views/previewMessages.js";
import type { RoundLabel } from "../../src/features/rounds/roundApproval.js";
import { AT, hemeCohort, inputs, mentorOf, person } from "./roundProposalFixtures.js";

const label: RoundLabel = { runId: "run1", roundName: "Spring <match>", programName: "Heme & Onc", cohortName: "2026", kind: "MENTOR_MATCH", scheduledFor: AT, timezone: "America/Chicago", version: 1772463600123 };
const json = (x: unknown) => JSON.stringify(x);
type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string; confirm?: unknown }[] };

describe("the round preview a director sees", () => {
  it("lists each pair with fit and reasons, the metrics and the unmatched with their reasons, and the five actions", () => {
    const { trainees, mentors } = hemeCohort();
    trainees.push(person("t4", {}, { paused: true }));
    const p = buildProposal(inputs("MENTOR_MATCH", { trainees, mentors }), AT);
    const msg = previewMessage(label, p);
    const text = json(msg.blocks);
    expect(text).toContain("Spring &lt;match&gt;");
    expect(text).toContain("Heme &amp; Onc · 2026 · mentor match (best total fit) · Mon 2 Mar 2026");
    expect(text).toContain("<@UT1> ↔ <@UM1> — fit");
    // Nobody chose anything in a mentor match: the rank is by fit, and the words say so.
    expect(text).toMatch(/<@UT2> ↔ <@UM2> — fit [\d.]+, their best fit · same subspecialty: malignant hematology/);
    expect(text).not.toContain("choice");
    expect(text).toContain("*Matched*: 3 of 4 trainees (75%)");
    expect(text).toContain("*one of their 3 best fits* for 75% of trainees");
    expect(text).toContain("*Mentor load*: 3 of 4 open places used; 1 full, 0 with nobody new");
    expect(text).toContain("<@UT4> — paused (away)");
    const actions = (msg.blocks as Block[]).find((b) => b.type === "actions")!.elements!;
    expect(actions.map((a) => a.action_id)).toEqual(["round_preview_swap", "round_preview_drop", "round_preview_rerun", "round_preview_approve", "round_preview_discard"]);
    expect(actions.filter((a) => a.action_id !== "round_preview_approve").every((a) => a.value === "run1")).toBe(true);
    // Approve carries the version of the proposal shown, so an older message cannot approve a later edit.
    expect(actions.find((a) => a.action_id === "round_preview_approve")!.value).toBe("run1:1772463600123");
    expect(actions.find((a) => a.action_id === "round_preview_approve")!.confirm).toBeTruthy();
  });

  it("a dropped trainee is shown, and a stable round's rank profile with the blocking pair the drop created", () => {
    const data = inputs("STABLE", { trainees: [person("a"), person("b")], mentors: [mentorOf("x", 1), mentorOf("y", 1)], rankings: { a: ["x", "y"], b: ["x", "y"] } });
    const p = buildProposal(data, AT);
    const dropped = dropPair(p, data, "b", AT);
    if (!dropped.ok) throw new Error(dropped.problem);
    const text = json(previewMessage({ ...label, kind: "STABLE" }, dropped.proposal, "Dropped.").blocks);
    expect(text).toContain("*Stable*: 1 blocking pair · 1st choice 1 · unmatched 1");
    expect(text).toContain("dropped from this proposal by a director");
    expect(text).toContain("Dropped.");
  });

  it("a round of 300 pairs stays within Slack's limits and says how many more there are", () => {
    const trainees = Array.from({ length: 300 }, (_, i) => person(`t${i}`, { interests: ["thrombosis", "grant writing"], specialty: "hematology" }));
    const mentors = Array.from({ length: 100 }, (_, i) => mentorOf(`m${i}`, 3, { expertise: ["thrombosis"], specialty: "hematology" }));
    const msg = previewMessage(label, buildProposal(inputs("MENTOR_MATCH", { trainees, mentors }), AT));
    const blocks = msg.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(json(blocks).match(/↔/g)!.length).toBe(300);
  });

  it("lines beyond what a message can hold are counted, not silently lost", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `${i + 1}. <@U${i}> ↔ <@M${i}> — fit 50, 1st choice · shared interests: thrombosis, grant writing`);
    const { texts, left } = packLines(lines);
    expect(texts.length).toBe(30);
    expect(texts.every((t) => t.length <= 2900)).toBe(true);
    expect(texts.join("\n").split("\n").length + left).toBe(5000);
    expect(left).toBeGreaterThan(0);
  });

  it("a stable round's pairs say which of the trainee's own choices they got", () => {
    const data = inputs("STABLE", { ...hemeCohort(), rankings: { t1: ["m2", "m1"] } });
    const text = json(previewMessage({ ...label, kind: "STABLE" }, buildProposal(data, AT)).blocks);
    expect(text).toMatch(/<@UT1> ↔ <@UM\d> — fit [\d.]+, (1st|2nd) choice/);
    expect(text).toContain("*one of their top 3 choices* for");
    expect(text).not.toContain("best fit");
  });

  it("every share in the metrics is rounded the same way: 8 of 9 is 89% twice, not 88.89% and 89%", () => {
    const people = Array.from({ length: 9 }, (_, i) => person(`t${i}`, { interests: ["thrombosis"] }));
    const p = buildProposal(inputs("MENTOR_MATCH", { trainees: people, mentors: [mentorOf("m1", 4), mentorOf("m2", 4)] }), AT);
    expect(p.metrics.matchedPercent).toBe(88.89);
    const text = json(previewMessage(label, p).blocks);
    expect(text).toContain("*Matched*: 8 of 9 trainees (89%)");
    expect(text).toMatch(/best fits\* for \d+% of trainees/);
    expect(text).not.toContain("88.89");
    expect(json(roundMessages.summary(label, p, "UDIR").blocks)).toContain("8 of 9 trainees (89%)");
  });

  it("rotation and speed previews offer Drop a group but no Swap, and speed shows each rotation's times in the program's zone", () => {
    const data = inputs("SPEED", { trainees: [person("a"), person("b")], mentors: [mentorOf("x", 1), mentorOf("y", 1)], options: { rotations: 2, startsAt: "2026-03-02T15:00:00Z" } });
    const msg = previewMessage({ ...label, kind: "SPEED" }, buildProposal(data, AT));
    const text = json(msg.blocks);
    expect(text).toContain("*Rotation 1 (09:00–09:10)*");
    expect(text).toContain("*Rotation 2 (09:12–09:22)*");
    // Schedules go out at approval: the director is told when the event starts and what happens if that passes first.
    expect(text).toContain(
      "Rotation 1 starts *Mon 2 Mar 2026, 09:00 CST*. Everyone gets their schedule when you approve; if that is less than 5 minutes away by then (or past), the whole schedule moves so rotation 1 starts at least 5 minutes after approval.",
    );
    expect(text).not.toContain("round_preview_swap");
    expect(text).toContain("Drop a group…");
  });

  it("once approved the preview says who approved and what was created, without buttons", () => {
    const p = buildProposal(inputs("MENTOR_MATCH", hemeCohort()), AT);
    const text = json(approvedMessage(label, p, "UDIR").blocks);
    expect(text).toContain("Approved by <@UDIR>: 3 matches created. Each is introduced in a group message.");
    expect(text).not.toContain("round_preview_approve");
  });
});

describe("the swap and drop modals", () => {
  const data = inputs("MENTOR_MATCH", { ...hemeCohort(), mentors: [...hemeCohort().mentors, mentorOf("m3", 1)] });
  const p = buildProposal(data, AT);
  const meta = { runId: "run1", channel: "D1", ts: "1.2" };

  it("offer the pairs, and the mentors with a free place with how many", () => {
    const view = swapModal(meta, p) as unknown as { callback_id: string; private_metadata: string };
    const text = json(view);
    expect(view.callback_id).toBe("round_preview_swap_submit");
    expect(JSON.parse(view.private_metadata)).toEqual(meta);
    expect(text).toContain("1. Person t1 ↔ Person m1");
    expect(text).toContain("Person m3 (1 free)");
    expect(text).not.toContain("Person m1 (");
    expect(json(dropModal(meta, p))).toContain("round_preview_drop_submit");
  });

  const sel = (value: string) => ({ value: { type: "static_select", selected_option: { value, text: { type: "plain_text", text: value } } } });

  it("ask for either another pair or a mentor, not neither and not both", () => {
    expect(readSwap({ pair: sel("t1") })).toEqual({ ok: false, errors: { other_pair: "Choose a pair to exchange mentors with, or a mentor to move them to." } });
    expect(readSwap({ pair: sel("t1"), other_pair: sel("t2"), mentor: sel("m3") })).toMatchObject({ ok: false, errors: { mentor: expect.stringContaining("not both") } });
    expect(readSwap({ pair: sel("t1"), other_pair: sel("t2") })).toEqual({ ok: true, edit: { kind: "swap", traineeA: "t1", traineeB: "t2" } });
    expect(readSwap({ pair: sel("t1"), mentor: sel("m3") })).toEqual({ ok: true, edit: { kind: "reassign", trainee: "t1", mentor: "m3" } });
  });

  it("a refused edit is explained with the people's names", () => {
    expect(editProblemText("exclusion", p, "t2", "m1")).toBe("Person t2 and Person m1 can't be paired: a confidential exclusion forbids it.");
    expect(editProblemText("no_room", p, "t2", "m1")).toContain("Person m1 has no free place left");
  });
});

describe("the messages an approved round sends", () => {
  it("each person's speed schedule is in their own time zone", () => {
    const msg = roundMessages.speedSchedule({ ...label, kind: "SPEED" }, [{ rotation: 0, startsAt: new Date("2026-03-02T15:00:00Z"), endsAt: new Date("2026-03-02T15:10:00Z"), withSlackUserIds: ["UX"] }], "Europe/Berlin");
    expect(json(msg.blocks)).toContain("*16:00–16:10* rotation 1: <@UX>");
    expect(json(msg.blocks)).toContain("Your first rotation starts *Mon 2 Mar 2026, 16:00 GMT+1*; the times below are in the same time zone.");
  });

  it("the director's summary lists who was not matched and why", () => {
    const { trainees, mentors } = hemeCohort();
    mentors[0]!.capacity = 1;
    mentors[1]!.capacity = 1;
    const p = buildProposal(inputs("MENTOR_MATCH", { trainees, mentors }), AT);
    const text = json(roundMessages.summary(label, p, "UDIR").blocks);
    expect(text).toContain("approved by <@UDIR>: 2 matches created");
    expect(text).toContain("every mentor they could have is full");
  });
});

describe("the preview and summary within Slack's limits", () => {
  it("Swap is offered only when there is someone to move and somewhere to move them", () => {
    const ids = (p: ReturnType<typeof buildProposal>) => (previewMessage(label, p).blocks as Block[]).find((b) => b.type === "actions")!.elements!.map((a) => a.action_id);
    const nobody = buildProposal(inputs("MENTOR_MATCH", { trainees: [], mentors: [mentorOf("m1", 1)] }), AT);
    expect(ids(nobody)).not.toContain("round_preview_swap");
    const onePairNoRoom = buildProposal(inputs("MENTOR_MATCH", { trainees: [person("t1")], mentors: [mentorOf("m1", 1)] }), AT);
    expect(onePairNoRoom.pairs).toHaveLength(1);
    expect(ids(onePairNoRoom)).not.toContain("round_preview_swap");
    const onePairRoom = buildProposal(inputs("MENTOR_MATCH", { trainees: [person("t1")], mentors: [mentorOf("m1", 1), mentorOf("m2", 1)] }), AT);
    expect(ids(onePairRoom)).toContain("round_preview_swap");
    expect(ids(buildProposal(inputs("MENTOR_MATCH", hemeCohort()), AT))).toContain("round_preview_swap");
  });

  it("a summary with 40 trainees not matched is split into sections of at most 3,000 characters, none lost", () => {
    const trainees = Array.from({ length: 45 }, (_, i) => person(`trainee-with-a-long-id-${i}`, {}, { paused: true }));
    const p = buildProposal(inputs("MENTOR_MATCH", { trainees, mentors: [mentorOf("m1", 1)] }), AT);
    const people = Object.fromEntries(trainees.map((t) => [t.memberId, { slackUserId: `U${"X".repeat(60)}${t.memberId}`, name: t.memberId }]));
    const msg = roundMessages.summary(label, { ...p, people: { ...p.people, ...people } }, "UDIR");
    const sections = (msg.blocks as Block[]).filter((b) => b.type === "section");
    expect(sections.length).toBeGreaterThan(1);
    for (const b of sections) expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    const text = sections.map((b) => b.text!.text).join("\n");
    expect(text.match(/paused \(away\)/g)).toHaveLength(40);
    expect(text).toContain("…and 5 more.");
  });

  it("notification texts escape the round's name", () => {
    const p = buildProposal(inputs("MENTOR_MATCH", hemeCohort()), AT);
    expect(previewMessage(label, p).text).toContain("Round preview: Spring &lt;match&gt;");
    expect(approvedMessage(label, p, "UDIR").text).toBe("Round approved: Spring &lt;match&gt;");
    expect(roundMessages.peerIntro(label, ["U1"]).text).toBe("You're paired for Spring &lt;match&gt;");
  });
});
