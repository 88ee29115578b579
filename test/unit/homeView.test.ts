import { describe, expect, it } from "vitest";
import { homeView } from "../../src/slack/views/home.js";
import type { HomeData } from "../../src/services/home.js";
import type { EnrollmentSummary, MemberRecord } from "../../src/store/members.js";

const member: MemberRecord = {
  id: "m1",
  workspaceId: "T1",
  slackUserId: "U1",
  name: "Ana <Fellow>",
  realName: null,
  email: null,
  tz: "America/Chicago",
  isAdmin: false,
  isOwner: false,
  refreshedAt: new Date("2026-11-01T00:00:00Z"),
  directorGrantedAt: null,
  pausedAt: null,
  pausedUntil: null,
  erasedAt: null,
};

function data(over: Partial<HomeData> & { enrollments?: EnrollmentSummary[]; isDirector?: boolean } = {}): HomeData {
  const { enrollments = [], isDirector = false, ...rest } = over;
  return {
    standing: { member, enrollments, isDirector },
    hasProfile: true,
    pause: null,
    trainee: null,
    mentor: null,
    programs: null,
    ...rest,
  };
}

const text = (view: unknown) => JSON.stringify(view);
const actionIds = (view: { blocks?: unknown[] }) =>
  JSON.stringify(view.blocks)
    .match(/"action_id":"[^"]+"/g)
    ?.map((s) => s.slice(13, -1)) ?? [];

describe("the App Home", () => {
  it("tells someone not yet enrolled what Rounds is and how to join", () => {
    const view = homeView(data());
    expect(view.type).toBe("home");
    expect(text(view)).toContain("You're not in a mentoring program yet");
    expect(text(view)).toContain("Ask your program director to add you");
    expect(text(view)).toContain("Welcome, Ana &lt;Fellow&gt;.");
    expect(actionIds(view)).toEqual([]);
  });

  it("shows a trainee their mentors with role, open requests and goals", () => {
    const view = homeView(
      data({
        enrollments: [{ programName: "Heme Fellowship", role: "TRAINEE", cohortName: "2026–27 Fellows" }],
        trainee: {
          mentors: [{ matchId: "x", programName: "Heme Fellowship", role: "sponsor", since: new Date("2026-10-02T15:00:00Z"), other: { name: "Dr. B", slackUserId: "U9" } }],
          openRequests: [{ requestId: "r", programName: "Heme Fellowship", role: "coach", createdAt: new Date("2026-11-20T15:00:00Z"), other: { name: "Dr. C", slackUserId: "U8" } }],
          goals: ["Submit a K award", "Finish <the> QI project"],
        },
      }),
    );
    const t = text(view);
    expect(t).toContain("As a trainee");
    expect(t).toContain("<@U9> — sponsor, Heme Fellowship, since 2 Oct 2026");
    expect(t).toContain("waiting for <@U8> — coach");
    expect(t).toContain("1. Submit a K award");
    expect(t).toContain("2. Finish &lt;the&gt; QI project");
    expect(t).not.toContain("As a mentor");
    expect(actionIds(view)).toContain("profile_edit");
  });

  it("shows tracked goals with their progress instead of the profile's goal statements once there are any", () => {
    const trainee = { mentors: [], openRequests: [], goals: ["Submit a K award"] };
    const enrollments = [{ programName: "P", role: "TRAINEE" as const, cohortName: null }];
    const untracked = text(homeView(data({ enrollments, trainee, matchDetails: { matches: [], ownGoals: [], authors: {} } })));
    expect(untracked).toContain("1. Submit a K award");
    const goal = { id: "g", memberId: "m1", text: "Submit a K award by June", status: "ACTIVE" as const, progress: [], createdAt: new Date("2026-11-01T00:00:00Z") };
    const tracked = text(homeView(data({ enrollments, trainee, matchDetails: { matches: [], ownGoals: [goal], authors: {} } })));
    expect(tracked).toContain("Goals and progress");
    expect(tracked).toContain("Submit a K award by June");
    expect(tracked).not.toContain("My goals");
  });

  it("tells a trainee without a mentor to use /findmentor", () => {
    const view = homeView(data({ enrollments: [{ programName: "P", role: "TRAINEE", cohortName: null }], trainee: { mentors: [], openRequests: [], goals: [] } }));
    expect(text(view)).toContain("No mentor yet. Type `/findmentor`");
  });

  it("shows a mentor their capacity and says when they are full", () => {
    const mentee = { matchId: "x", programName: "P", role: "mentor", since: new Date("2026-09-01T12:00:00Z"), other: { name: "T", slackUserId: "U5" } };
    const open = homeView(data({ enrollments: [{ programName: "P", role: "MENTOR", cohortName: null }], mentor: { mentees: [mentee], pendingRequests: [], capacity: 3 } }));
    expect(text(open)).toContain("1 of 3 places used — 2 open");
    const full = homeView(data({ enrollments: [{ programName: "P", role: "MENTOR", cohortName: null }], mentor: { mentees: [mentee], pendingRequests: [], capacity: 1 } }));
    expect(text(full)).toContain("1 of 1 places used — you're full");
  });

  it("shows a paused person when the pause ends, with Resume instead of Pause", () => {
    const view = homeView(data({ enrollments: [{ programName: "P", role: "MENTOR", cohortName: null }], pause: { until: new Date("2027-01-15T23:00:00Z") } }));
    expect(text(view)).toContain("You're paused");
    expect(text(view)).toContain("until 15 Jan 2027");
    expect(actionIds(view)).toContain("availability_resume");
    expect(actionIds(view)).not.toContain("availability_pause");
  });

  it("shows a director every program with counts and setup buttons", () => {
    const view = homeView(
      data({
        isDirector: true,
        programs: [{ programId: "p1", name: "Heme <Fellowship>", cohorts: 2, trainees: 4, mentors: 3, matchedTrainees: 3, pendingRequests: 1 }],
      }),
    );
    const t = text(view);
    expect(t).toContain("Heme &lt;Fellowship&gt;");
    expect(t).toContain("4 trainees · 3 mentors · 3 matched (75%) · 1 unmatched · 1 pending requests · 2 cohorts");
    expect(actionIds(view)).toEqual(expect.arrayContaining(["admin_people_add", "admin_program_new", "admin_roster_export"]));
  });

  it("shows every role a person holds", () => {
    const view = homeView(
      data({
        isDirector: true,
        enrollments: [
          { programName: "A", role: "TRAINEE", cohortName: null },
          { programName: "B", role: "MENTOR", cohortName: null },
        ],
        trainee: { mentors: [], openRequests: [], goals: [] },
        mentor: { mentees: [], pendingRequests: [], capacity: 2 },
        programs: [],
      }),
    );
    const t = text(view);
    expect(t).toContain("As a trainee");
    expect(t).toContain("As a mentor");
    expect(t).toContain("Programs you direct");
  });
});
