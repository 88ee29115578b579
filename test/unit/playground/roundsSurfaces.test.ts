import { describe, expect, it } from "vitest";
import { actionPayload, renderMessage, renderView, viewState } from "../../../src/playground/web/render/index.js";
import { meetingModal } from "../../../src/features/goals-meetings/views/meetings/meetingModal.js";
import { readMeetingForm } from "../../../src/features/goals-meetings/views/meetings/form.js";
import { MEETING_BLOCKS, progressBlock } from "../../../src/features/goals-meetings/ids.js";
import { submittedState } from "../../../src/slack/kit/submittedState.js";
import { checkinMessages } from "../../../src/features/checkins/views/messages.js";
import { mentorCardsMessage } from "../../../src/features/findmentor/views/cards.js";
import type { MeetingForm } from "../../../src/features/goals-meetings/meetings.js";
import type { CheckinCard } from "../../../src/features/checkins/checkins.js";
import type { MentorCard } from "../../../src/features/findmentor/findMentor.js";
import { mount, visibleText } from "./dom.js";

/** Rounds' own surfaces, drawn by the Playground and answered the way Slack answers them. */

const people = [
  { id: "U0ANA", name: "Ana Lopez" },
  { id: "U0MAYA", name: "Dr. Maya Chen" },
];
const party = (id: string, name: string) => ({ memberId: `m-${id}`, slackUserId: id, name, tz: "UTC" });
const form: MeetingForm = {
  match: {
    id: "match1",
    status: "ACTIVE",
    startedAt: new Date("2026-01-05T00:00:00Z"),
    programName: "Heme <Fellowship>",
    role: "mentor",
    agenda: "K08 <aims> & budget",
    agendaSetAt: new Date("2026-02-01T00:00:00Z"),
    trainee: party("U0ANA", "Ana"),
    mentor: party("U0MAYA", "Dr. Maya"),
  },
  viewerIsTrainee: false,
  other: party("U0ANA", "Ana"),
  today: "2026-02-10",
  goals: [{ id: "g1", memberId: "m-U0ANA", text: "Submit <K08>", status: "ACTIVE", progress: [], createdAt: new Date("2026-01-10T00:00:00Z") }],
  checkinId: "c1",
};

const unsupported = (root: HTMLElement) => Array.from(root.querySelectorAll(".bk-unsupported")).map((e) => e.textContent);

describe("Rounds' surfaces in the Playground", () => {
  it("the meeting modal reads as Slack shows it, prefilled", () => {
    const view = meetingModal(form);
    const root = mount(renderView(view as never, { people }));
    expect(unsupported(root)).toEqual([]);
    const text = visibleText(root);
    expect(text).toMatch(/^Log a meeting\n×\nYour meeting with your mentee @Ana Lopez in Heme <Fellowship>\.\nWhen did you meet\?\n\[2026-02-10\]\nAgenda \(optional\)\n\[K08 <aims> & budget\]/);
    expect(text).toMatch(/Progress: Submit <K08> \(optional\)/);
    expect(text).toMatch(/Cancel Save$/);
  });

  it("the meeting modal's view.state, after a person fills it in, is what Rounds reads on submit", () => {
    const view = meetingModal(form);
    const root = mount(renderView(view as never, { people }));
    const fields = Array.from(root.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>("textarea, input[type=text], input[type=date]"));
    const byBlock = (block: string) => fields.find((f) => f.getAttribute("data-block-id") === block)!;
    byBlock(MEETING_BLOCKS.date).value = "2026-02-09";
    byBlock(MEETING_BLOCKS.notes).value = "  Went over the aims page  ";
    byBlock(progressBlock("g1")).value = "Draft done";
    const values = submittedState.parse(viewState(root).values);
    const read = readMeetingForm(values, JSON.parse((view as { private_metadata?: string }).private_metadata!));
    expect(read).toEqual({
      ok: true,
      value: { matchId: "match1", date: "2026-02-09", agenda: "K08 <aims> & budget", notes: "Went over the aims page", nextSteps: "", progress: [{ goalId: "g1", note: "Draft done" }] },
    });
  });

  it("a check-in DM shows its question and four answer buttons, and Met sends the button Rounds listens for", () => {
    const card: CheckinCard = {
      checkinId: "ck1",
      matchId: "mt1",
      periodKey: "2026-03-03",
      recipient: "mentor",
      you: party("U0MAYA", "Dr. Maya"),
      other: party("U0ANA", "Ana"),
      programName: "Heme <Fellowship>",
      answer: null,
      answeredBySlackId: null,
      directorTold: false,
    };
    const m = checkinMessages.checkin(card);
    const root = mount(renderMessage({ ...m, username: "Rounds", ts: "1772524800.000100" }, { people }));
    expect(unsupported(root)).toEqual([]);
    const text = visibleText(root);
    expect(text).toContain("your mentee @Ana Lopez in Heme <Fellowship>");
    expect(Array.from(root.querySelectorAll("button")).map((b) => b.textContent)).toEqual(expect.arrayContaining(["Met", "Scheduled", "Not yet", "Need help"].map((w) => expect.stringContaining(w))));
    const met = root.querySelector<HTMLElement>("[data-action-id=checkin_met]")!;
    expect(actionPayload(met)).toMatchObject({ type: "button", action_id: "checkin_met", value: "ck1" });
  });

  it("/findmentor cards draw every block with nothing left out", () => {
    const card: MentorCard = {
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
    };
    const m = mentorCardsMessage({ kind: "mentors", query: "VTE", page: 0, cards: [card], hasMore: false, shownBefore: 0 });
    const root = mount(renderMessage({ ...m, username: "Rounds" }, { people }));
    expect(unsupported(root)).toEqual([]);
    const text = visibleText(root);
    expect(text).toContain("@Dr. Maya Chen — Senior faculty · Hematology · Non-malignant hematology");
    expect(text).toContain("Hands-on? yes (Weekly <lab> & bench time)");
    expect(text).toContain("Past fellows: Faculty at <@U999> & industry");
    expect(root.querySelector("script, lab")).toBeNull();
  });
});
