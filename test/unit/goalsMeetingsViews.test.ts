import { describe, expect, it } from "vitest";
import { Message, type BlockBuilder } from "slack-block-builder";
import { meetingModal, matchPickerModal } from "../../src/features/goals-meetings/views/meetings/meetingModal.js";
import { agendaModal, agendaPromptMessage } from "../../src/features/goals-meetings/views/meetings/agendaPrompt.js";
import { readMeetingForm, readAgenda } from "../../src/features/goals-meetings/views/meetings/form.js";
import { goalsModal, parkChoiceModal } from "../../src/features/goals-meetings/views/goals/goalsModal.js";
import { readGoalText, readMenuChoice, readProgressNote } from "../../src/features/goals-meetings/views/goals/form.js";
import { mentorMatchBlocks, traineeMatchBlocks } from "../../src/features/home/views/matchDetails.js";
import { homeView } from "../../src/features/home/views/home.js";
import type { MeetingForm, MatchDetails } from "../../src/features/goals-meetings/meetings.js";
import type { GoalsBoard } from "../../src/features/goals-meetings/goals.js";
import type { MeetingMatch } from "../../src/store/meetings.js";
import type { GoalView } from "../../src/domain/goals.js";
import type { HomeData } from "../../src/features/home/home.js";

const json = (x: unknown) => JSON.stringify(x);
const built = (blocks: BlockBuilder[]) => Message().blocks(blocks).buildToObject().blocks;
const party = (id: string, name: string) => ({ memberId: `m-${id}`, slackUserId: id, name, tz: "UTC" });
const match: MeetingMatch = {
  id: "match1",
  status: "ACTIVE",
  startedAt: new Date("2026-01-05T00:00:00Z"),
  programName: "Heme <Fellowship>",
  role: "mentor",
  agenda: "K08 <aims> & budget",
  agendaSetAt: new Date("2026-02-01T00:00:00Z"),
  trainee: party("U0ANA", "Ana"),
  mentor: party("U0MAYA", "Dr. Maya"),
};
const goal = (id: string, status: GoalView["status"], text: string, progress: GoalView["progress"] = []): GoalView => ({
  id,
  memberId: "m-U0ANA",
  text,
  status,
  progress,
  createdAt: new Date("2026-01-10T00:00:00Z"),
});
const form: MeetingForm = { match, viewerIsTrainee: false, other: match.trainee, today: "2026-02-10", goals: [goal("g1", "ACTIVE", "Submit <K08>")], checkinId: "c1" };
type Shaped = { callback_id: string; private_metadata?: string; blocks?: { block_id?: string }[] };
const shaped = (view: unknown) => view as Shaped;
const blockIds = (view: unknown) => (shaped(view).blocks ?? []).map((b) => b.block_id).filter(Boolean);
const text = (value: string) => ({ type: "plain_text_input", value });

describe("the meeting modal", () => {
  it("is prefilled with today and the pair's agenda, says the notes are private, and asks progress on each active goal", () => {
    const view = shaped(meetingModal(form));
    expect(view.callback_id).toBe("meeting_log_submit");
    expect(JSON.parse(view.private_metadata!)).toEqual({ matchId: "match1", checkinId: "c1", goalIds: ["g1"] });
    expect(blockIds(view)).toEqual(["date", "agenda", "notes", "next_steps", "progress_g1"]);
    const s = json(view);
    expect(s).toContain('"initial_date":"2026-02-10"');
    expect(s).toContain('"initial_value":"K08 <aims> & budget"'); // plain text input: shown as typed
    expect(s).toContain("never shown to program directors");
    expect(s).toContain("Progress: Submit <K08>");
    expect(s).toContain("Heme &lt;Fellowship&gt;");
  });

  it("names the other person once, by who they are to the reader", () => {
    expect(json(meetingModal(form))).toContain("Your meeting with your mentee <@U0ANA> in Heme &lt;Fellowship&gt;.");
    const asTrainee = meetingModal({ ...form, viewerIsTrainee: true, other: match.mentor, match: { ...match, role: "sponsor" } });
    expect(json(asTrainee)).toContain("Your meeting with your sponsor <@U0MAYA> in Heme &lt;Fellowship&gt;.");
    const asSponsor = meetingModal({ ...form, match: { ...match, role: "sponsor" } });
    expect(json(asSponsor)).toContain("Your meeting with your mentee <@U0ANA> (you're their sponsor) in");
  });

  it("asks which mentorship first when there are several", () => {
    const view = shaped(matchPickerModal([
      { matchId: "a", other: party("U1", "Dr. One"), role: "mentor", programName: "P" },
      { matchId: "b", other: party("U2", "Dr. Two"), role: "coach", programName: "P" },
    ]));
    expect(view.callback_id).toBe("meeting_pick_submit");
    expect(json(view)).toContain("Dr. Two — coach, P");
  });

  it("reads the form, and answers bad input with inline errors by field", () => {
    const meta = { matchId: "match1", checkinId: null, goalIds: ["g1", "g2"] };
    const ok = readMeetingForm(
      { date: { value: { type: "datepicker", selected_date: "2026-02-09" } }, notes: { value: text(" talked ") }, progress_g2: { value: text("draft done") } },
      meta,
    );
    expect(ok).toEqual({ ok: true, value: { matchId: "match1", date: "2026-02-09", agenda: "", notes: "talked", nextSteps: "", progress: [{ goalId: "g2", note: "draft done" }] } });
    const bad = readMeetingForm({ notes: { value: text("x".repeat(3001)) }, progress_g1: { value: text("y".repeat(501)) } }, meta);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual({ date: "Choose the day you met.", notes: "Keep the notes to 3000 characters.", progress_g1: "Keep a progress note to 500 characters." });
    expect(readAgenda({ agenda: { value: text("z".repeat(1001)) } }).ok).toBe(false);
  });
});

describe("the agenda prompt", () => {
  it("nudges the trainee with the due date in their zone and a Set agenda button for the match", () => {
    const m = agendaPromptMessage({ matchId: "match1", mentorSlackUserId: "U0MAYA", dueBy: new Date("2026-03-05T03:00:00Z"), traineeTz: "America/Chicago", agenda: null });
    const s = json(m);
    expect(m.text).toContain("due by Wed 4 Mar 2026"); // the one date style (kit/dates.ts), in the trainee's zone
    expect(s).toContain('"action_id":"agenda_set_open"');
    expect(s).toContain('"value":"match1"');
    expect(s).toContain("Set agenda");
  });

  it("shows an agenda already set, escaped, and offers to edit it", () => {
    const s = json(agendaPromptMessage({ matchId: "m", mentorSlackUserId: "U0MAYA", dueBy: new Date("2026-03-05T12:00:00Z"), traineeTz: null, agenda: "<!channel> aims" }));
    expect(s).toContain("&lt;!channel&gt; aims");
    expect(s).not.toContain("<!channel>");
    expect(s).toContain("Edit agenda");
  });

  it("the agenda modal is prefilled and keeps the match id", () => {
    const view = shaped(agendaModal(match, true));
    expect(view.callback_id).toBe("agenda_submit");
    expect(view.private_metadata).toBe("match1");
    expect(json(view)).toContain("K08 <aims> & budget");
  });
});

describe("the goals modal", () => {
  const board: GoalsBoard = {
    memberId: "m-U0ANA",
    tz: "UTC",
    isTrainee: true,
    own: [
      goal("g1", "ACTIVE", "Submit <K08>", [{ at: "2026-02-01T10:00:00Z", by: "m-U0MAYA", note: "aims <drafted>" }]),
      goal("g2", "PARKED", "Learn R"),
      goal("g3", "DONE", "Pass boards"),
    ],
    mentees: [{ mentee: party("U0BEN", "Ben"), goals: [goal("g9", "ACTIVE", "QI project")] }],
    authors: { "m-U0MAYA": "Dr. Maya" },
  };

  it("lists your goals with status, escaped progress by author, and the menu that fits each status", () => {
    const s = json(goalsModal(board, "UTC"));
    expect(s).toContain("Submit &lt;K08&gt;");
    expect(s).toContain("Sun 1 Feb 2026 — Dr. Maya: aims &lt;drafted&gt;");
    expect(s).toContain('"value":"park:g1"');
    expect(s).toContain('"value":"done:g1"');
    expect(s).toContain('"value":"activate:g2"');
    expect(s).toContain('"value":"activate:g3"');
    expect(s).not.toContain('"value":"park:g2"');
    expect(s).toContain('"action_id":"goal_add"');
  });

  it("shows a mentor their mentee's goals with a progress-note button", () => {
    const s = json(goalsModal(board, "UTC"));
    expect(s).toContain("Goals of* <@U0BEN>");
    expect(s).toContain('"action_id":"goal_note","value":"g9"');
  });

  it("asks which active goal to park, offering only the active ones", () => {
    const view = shaped(parkChoiceModal([goal("g1", "ACTIVE", "Submit K08"), goal("g4", "ACTIVE", "Write review")], { action: "add", text: "Present at ASH" }));
    expect(JSON.parse(view.private_metadata!)).toEqual({ action: "add", text: "Present at ASH" });
    const s = json(view);
    expect(s).toContain("already have 2 active goals");
    expect(s).toContain('"value":"g4"');
  });

  it("shows the goals to park escaped, so a goal's text cannot ping or link", () => {
    const view = parkChoiceModal([goal("g1", "ACTIVE", "Tell <!channel> & <@U0BOSS>"), goal("g4", "ACTIVE", "&".repeat(200))], { action: "add", text: "Present at ASH" });
    const options = (view.blocks as { element?: { options?: { text: { type: string; text: string } }[] } }[]).flatMap((b) => b.element?.options ?? []);
    expect(options[0]!.text).toEqual({ type: "mrkdwn", text: "Tell &lt;!channel&gt; &amp; &lt;@U0BOSS&gt;" });
    expect(options[1]!.text.text.length).toBeLessThanOrEqual(75);
    expect(options[1]!.text.text).toMatch(/^(&amp;)+…$/);
  });

  it("reads goal text, notes and menu choices, with inline errors", () => {
    expect(readGoalText({ goal_text: { value: text("  ") } })).toEqual({ ok: false, errors: { goal_text: "Write your goal in a few words." } });
    expect(readGoalText({ goal_text: { value: text("x".repeat(201)) } }).ok).toBe(false);
    expect(readProgressNote({ note: { value: text("sent it") } })).toEqual({ ok: true, value: "sent it" });
    expect(readMenuChoice("park:g1")).toEqual({ change: "park", goalId: "g1" });
    expect(readMenuChoice("explode:g1")).toBeNull();
  });
});

describe("the App Home match cards", () => {
  const details: MatchDetails = {
    matches: [
      {
        matchId: "match1",
        viewerIsTrainee: true,
        other: { slackUserId: "U0MAYA", name: "Dr. Maya" },
        role: "mentor",
        programName: "Heme",
        lastMeeting: { date: new Date("2026-02-09T00:00:00Z"), nextSteps: "Send <draft>" },
        nextCheckinAt: new Date("2026-03-09T15:00:00Z"),
        agenda: "Budget & aims",
        menteeGoals: [],
      },
      {
        matchId: "match2",
        viewerIsTrainee: false,
        other: { slackUserId: "U0BEN", name: "Ben" },
        role: "coach",
        programName: "Heme",
        lastMeeting: null,
        nextCheckinAt: null,
        agenda: null,
        menteeGoals: [goal("g9", "ACTIVE", "QI project", [{ at: "2026-02-02T10:00:00Z", by: "m-U0BEN", note: "charter signed" }])],
      },
    ],
    ownGoals: [goal("g1", "ACTIVE", "Submit K08"), goal("g3", "DONE", "Pass boards")],
    authors: { "m-U0BEN": "Ben" },
  };

  it("shows the trainee their mentor's card with last meeting, next check-in, next steps and agenda, and their goals", () => {
    const s = json(built(traineeMatchBlocks(details, "America/Chicago")));
    expect(s).toContain("Last meeting: Mon 9 Feb 2026");
    expect(s).toContain("Next check-in: Mon 9 Mar 2026, 10:00 CDT"); // a time and its zone, in the reader's zone
    expect(s).toContain("Send &lt;draft&gt;");
    expect(s).toContain("Budget &amp; aims");
    expect(s).toContain("My goals* · 1 done");
    expect(s).toContain("Submit K08");
    expect(s).not.toContain("Pass boards");
    expect(s).not.toContain("QI project");
    expect(s).toContain('"action_id":"meeting_log_open","value":"match1"');
  });

  it("shows the mentor their mentee's card with the mentee's goals and progress", () => {
    const s = json(built(mentorMatchBlocks(details, "UTC")));
    expect(s).toContain("Last meeting: none logged yet");
    expect(s).toContain("No agenda set");
    expect(s).toContain("QI project");
    expect(s).toContain("Ben: charter signed");
    expect(s).not.toContain("Submit K08");
  });

  it("keep every card under Slack's 3000 characters with the longest agenda, next steps and goals, never cutting an escape in half", () => {
    const long = (m: MatchDetails["matches"][number]) => ({
      ...m,
      lastMeeting: { date: new Date("2026-02-09T00:00:00Z"), nextSteps: "<\n".repeat(500) },
      agenda: "&".repeat(1000),
      menteeGoals: Array.from({ length: 20 }, (_, i) => goal(`g${i}`, "ACTIVE", `${i} ${"<".repeat(190)}`)),
    });
    const heavy: MatchDetails = { ...details, matches: details.matches.map(long), ownGoals: Array.from({ length: 20 }, (_, i) => goal(`o${i}`, "ACTIVE", "&".repeat(200))) };
    const sections = [...(built(traineeMatchBlocks(heavy, "UTC")) ?? []), ...(built(mentorMatchBlocks(heavy, "UTC")) ?? [])]
      .map((b) => (b as { text?: { text: string } }).text?.text)
      .filter((t): t is string => t !== undefined);
    expect(sections.length).toBe(3);
    for (const t of sections) {
      expect(t.length).toBeLessThanOrEqual(3000);
      expect(t.replace(/&(amp|lt|gt);/g, "")).not.toContain("&"); // no entity cut in half
    }
    expect(sections[0]).toContain("Agenda for next time");
    expect(sections[0]).toContain("…");
  });

  it("appear in the App Home under the trainee and mentor sections", () => {
    const data: HomeData = {
      standing: {
        member: { id: "m", workspaceId: "T", slackUserId: "U", name: "Ana", realName: null, email: null, tz: "UTC", isAdmin: false, isOwner: false, refreshedAt: new Date(), directorGrantedAt: null, pausedAt: null, pausedUntil: null, erasedAt: null },
        enrollments: [{ programName: "Heme", role: "TRAINEE", cohortName: null }],
        isDirector: false,
      },
      hasProfile: true,
      pause: null,
      trainee: { mentors: [], openRequests: [] },
      mentor: null,
      programs: null,
      matchDetails: details,
    };
    const s = json(homeView(data));
    expect(s).toContain("Last meeting: Mon 9 Feb 2026");
    expect(s).not.toContain("QI project");
  });
});
