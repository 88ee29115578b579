import { describe, expect, it } from "vitest";
import { checkBlockKit, type BlockKitSurface } from "../../src/slack/standin/blockKit.js";
import { adminMenu } from "../../src/features/programs/views/menu.js";
import { homeView } from "../../src/features/home/views/home.js";
import { thanksCountsMessage, thanksModal } from "../../src/features/thanks/views/views.js";
import { THANKS_MESSAGE_MAX, type ThanksCount } from "../../src/features/thanks/thanks.js";
import { blankCompose, composeModal, type ComposeProgram } from "../../src/features/announcements/views/composeModal.js";
import { mentorCardsMessage } from "../../src/features/findmentor/views/cards.js";
import { rankModal } from "../../src/features/rounds/views/rankModal.js";
import { roundModal } from "../../src/features/rounds/views/roundModal.js";
import { previewMessage } from "../../src/features/rounds/views/preview.js";
import { dropModal, swapModal } from "../../src/features/rounds/views/previewModals.js";
import { buildProposal } from "../../src/domain/roundProposalBuild.js";
import { PROGRAM_LIMITS } from "../../src/domain/program.js";
import { PROFILE_LIMITS } from "../../src/domain/profile.js";
import type { ProgramOverview } from "../../src/features/programs/programs.js";
import type { HomeData } from "../../src/features/home/home.js";
import type { MemberRecord } from "../../src/store/members.js";
import type { RelationRow, RequestRow } from "../../src/store/home.js";
import type { MentorCard } from "../../src/features/findmentor/findMentor.js";
import type { RankForm } from "../../src/features/rounds/roundRankings.js";
import { AT, inputs, mentorOf, person } from "./roundProposalFixtures.js";

/**
 * Views built from the most data a workspace can hold (many programs, long names full of characters
 * that escaping lengthens, long lists) are still views Slack takes: each is checked with the Slack
 * stand-in's Block Kit rules, the same ones the fake Slack applies in the end-to-end tests.
 */

/** Slack's refusal lines for a payload on a surface ([] when Slack takes it). */
const refusal = (surface: BlockKitSurface, payload: unknown) => checkBlockKit(surface, JSON.parse(JSON.stringify(payload)))?.messages ?? [];
const json = (x: unknown) => JSON.stringify(x);
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
/** A name of exactly `max` characters, every one escaped to five ("&" → "&amp;"). */
const ampersands = (max: number) => "&".repeat(max);

const program = (i: number, cohorts: number): ProgramOverview => ({
  id: `prog${i}`,
  workspaceId: "T1",
  name: `${i} ${ampersands(PROGRAM_LIMITS.name - 3)}`,
  description: "",
  checkinCadence: "MONTHLY",
  announcementChannel: "C0ANNOUNCE",
  timezone: "America/Chicago",
  defaultCapacity: 3,
  vocabulary: null,
  checkinAlsoTrainee: false,
  breaks: [],
  academicYearStart: "07-01",
  cohorts: times(cohorts, (k) => ({ id: `c${i}-${k}`, programId: `prog${i}`, name: ampersands(PROGRAM_LIMITS.name), startsOn: null, endsOn: null })),
  people: 40,
});

const member: MemberRecord = {
  id: "m1",
  workspaceId: "T1",
  slackUserId: "U1",
  name: "Dr. Director",
  realName: null,
  email: null,
  tz: "America/Chicago",
  isAdmin: true,
  isOwner: false,
  refreshedAt: new Date("2026-11-01T00:00:00Z"),
  directorGrantedAt: null,
  pausedAt: null,
  pausedUntil: null,
  erasedAt: null,
};

describe("views with the most data a workspace holds are still views Slack takes", () => {
  it("the admin menu of 40 programs with 60 long cohort names each shows the first 15 and says how many more", () => {
    const menu = adminMenu(times(40, (i) => program(i, 60)));
    expect(refusal("ephemeral", menu)).toEqual([]);
    expect(json(menu.blocks)).toContain("…and 25 more programs, not shown");
    expect(json(menu.blocks)).toContain("more cohorts");
  });

  it("the App Home of a director of 120 programs who also mentors 20 and has 40 requests waiting fits Slack's 100 blocks", () => {
    const relation = (i: number): RelationRow => ({ matchId: `x${i}`, programName: ampersands(PROGRAM_LIMITS.name), role: "mentor", since: new Date("2026-01-05T15:00:00Z"), other: { name: "T", slackUserId: `U${i}` } });
    const request = (i: number): RequestRow => ({ requestId: `r${i}`, programName: ampersands(PROGRAM_LIMITS.name), role: "sponsor", createdAt: new Date("2026-11-20T15:00:00Z"), other: { name: "T", slackUserId: `U${i}` } });
    const data: HomeData = {
      standing: { member, enrollments: [{ programName: "Heme", role: "MENTOR", cohortName: null }], isDirector: true },
      hasProfile: true,
      pause: null,
      trainee: null,
      mentor: { mentees: times(20, relation), pendingRequests: times(40, request), capacity: 20 },
      programs: times(120, (i) => ({ programId: `p${i}`, name: `Program ${i}`, cohorts: 2, trainees: 10, mentors: 5, matchedTrainees: 5, pendingRequests: 1 })),
    };
    const view = homeView(data);
    expect(refusal("home", view)).toEqual([]);
    expect(json(view)).toMatch(/…and \d+ more programs, not shown/);
    expect(json(view)).toMatch(/…and \d+ more requests/);
  });

  it("the thanks modal opened with a message longer than the field takes opens, with the message cut to fit", () => {
    const view = thanksModal({ mentor: null, message: "Thank you ".repeat(150) });
    expect(refusal("modal", view)).toEqual([]);
    const element = (view.blocks as { element?: { initial_value?: string } }[])[1]!.element!;
    expect(element.initial_value).toHaveLength(THANKS_MESSAGE_MAX);
  });

  it("the thank-you counts of 60 mentors fit one section", () => {
    const counts: ThanksCount[] = times(60, (i) => ({
      mentorMemberId: `m${i}`,
      mentorSlackId: `W${String(i).padStart(10, "0")}`,
      mentorName: "Dr. M",
      email: null,
      count: 9999,
      thankers: 999,
      programs: ["Heme"],
      firstAt: new Date("2026-01-20T15:00:00Z"),
      lastAt: new Date("2026-11-20T15:00:00Z"),
      messages: [],
    }));
    expect(refusal("ephemeral", thanksCountsMessage(counts))).toEqual([]);
    expect(JSON.stringify(thanksCountsMessage(counts).blocks)).toMatch(/…and \d+ more mentors in the shortlist CSV\./);
  });

  it("the compose modal of a workspace with 150 programs lists 100, always with the chosen one", () => {
    const programs: ComposeProgram[] = times(150, (i) => ({ id: `p${i}`, name: `Program ${i}`, timezone: "UTC", announcementChannel: null, cohorts: times(3, (k) => ({ id: `c${i}-${k}`, name: `Cohort ${k}` })) }));
    const initial = { ...blankCompose(programs[149]!), cohortIds: ["c149-1"] };
    const view = composeModal(programs, initial, { id: null, posted: false });
    expect(refusal("modal", view)).toEqual([]);
    expect(json(view)).toContain('"initial_option":{"text":{"type":"plain_text","text":"Program 149"},"value":"p149"}');
  });

  it("the round modal of 60 programs with 3 cohorts each offers 100 targets", () => {
    const view = roundModal(times(60, (i) => program(i, 3)), "p:prog59");
    expect(refusal("modal", view)).toEqual([]);
  });

  it("a page of mentor cards with every profile field at its longest and a long query", () => {
    const card = (i: number): MentorCard => ({
      memberId: `m${i}`,
      slackUserId: `U${i}`,
      name: "Maya",
      programId: "p1",
      stage: "Senior faculty",
      specialty: "Hematology",
      subspecialty: "Non-malignant hematology",
      reasons: ["shares your interests: thrombosis, anticoagulation, hemophilia", "2 of 3 places open", "same subspecialty"],
      juniorFaculty: true,
      handsOn: false,
      supervisorNote: "R&D ".repeat(PROFILE_LIMITS.noteLength / 4),
      activeMentees: 1,
      capacity: 3,
      helpedGrants: true,
      copublishes: true,
      pastFellows: "<Faculty> ".repeat(PROFILE_LIMITS.noteLength / 10),
      cadence: "Every month",
    });
    const page = mentorCardsMessage({ kind: "mentors", query: "thrombosis & hemostasis ".repeat(20), page: 3, cards: times(5, card), hasMore: true, shownBefore: 15 });
    expect(refusal("ephemeral", page)).toEqual([]);
  });

  it("a rank modal of 150 choices with long names and reasons, ten places filled", () => {
    const choices = times(150, (i) => ({ memberId: `t${i}`, slackUserId: `UT${i}`, name: `${i} ${"N".repeat(90)}`, reasons: ["shares your interests: thrombosis", ampersands(60)] }));
    const form: RankForm = { runId: "run1", side: "mentor", roundName: ampersands(80), deadline: AT, tz: "UTC", choices, current: times(10, (i) => `t${140 - i}`) };
    expect(refusal("modal", rankModal(form))).toEqual([]);
  });

  it("the preview of a round of 300 pairs and its Swap and Drop modals", () => {
    const trainees = times(320, (i) => person(`t${i}`, { interests: ["thrombosis", "grant writing"], specialty: "hematology" }, { name: `Trainee ${i} ${"x".repeat(70)}` }));
    const mentors = times(100, (i) => mentorOf(`m${i}`, 3, { expertise: ["thrombosis"], specialty: "hematology" }));
    const proposal = buildProposal(inputs("MENTOR_MATCH", { trainees, mentors }), AT);
    const label = { runId: "run1", roundName: ampersands(80), programName: ampersands(80), cohortName: ampersands(80), kind: "MENTOR_MATCH" as const, scheduledFor: AT, timezone: "UTC", version: 1 };
    expect(refusal("message", previewMessage(label, proposal, "Swapped."))).toEqual([]);
    const meta = { runId: "run1", channel: "D1", ts: "1.2" };
    expect(refusal("modal", swapModal(meta, proposal))).toEqual([]);
    expect(refusal("modal", dropModal(meta, proposal))).toEqual([]);
  });
});
