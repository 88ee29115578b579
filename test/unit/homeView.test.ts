import { describe, expect, it } from "vitest";
import { homeView } from "../../src/features/home/views/home.js";
import type { HomeData } from "../../src/features/home/home.js";
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

  it("shows a trainee their mentors with role and the requests waiting for an answer, each with Withdraw", () => {
    const view = homeView(
      data({
        enrollments: [{ programName: "Heme Fellowship", role: "TRAINEE", cohortName: "2026–27 Fellows" }],
        trainee: {
          mentors: [{ matchId: "x", programName: "Heme Fellowship", role: "sponsor", since: new Date("2026-10-02T15:00:00Z"), other: { name: "Dr. B", slackUserId: "U9" } }],
          openRequests: [{ requestId: "r", programName: "Heme Fellowship", role: "coach", createdAt: new Date("2026-11-20T15:00:00Z"), other: { name: "Dr. C", slackUserId: "U8" } }],
        },
      }),
    );
    const t = text(view);
    expect(t).toContain("As a trainee");
    expect(t).toContain("<@U9> — sponsor, Heme Fellowship, since Fri 2 Oct 2026");
    expect(t).toContain("Waiting for an answer*\\n• <@U8> — coach, Heme Fellowship, sent Fri 20 Nov 2026");
    expect(actionIds(view)).toContain("request_withdraw_home_r");
    expect(t).not.toContain("As a mentor");
    expect(actionIds(view)).toContain("profile_edit");
  });

  it("shows a trainee's goals once, in one section with their progress, and says how to add some when there are none", () => {
    const trainee = { mentors: [], openRequests: [] };
    const enrollments = [{ programName: "P", role: "TRAINEE" as const, cohortName: null }];
    const none = text(homeView(data({ enrollments, trainee, matchDetails: { matches: [], ownGoals: [], authors: {} } })));
    expect(none).toContain("No goals yet. Add one or two");
    expect(actionIds(homeView(data({ enrollments, trainee, matchDetails: { matches: [], ownGoals: [], authors: {} } })))).toContain("goals_open");
    const goal = { id: "g", memberId: "m1", text: "Submit a K award by June", status: "ACTIVE" as const, progress: [], createdAt: new Date("2026-11-01T00:00:00Z") };
    const tracked = text(homeView(data({ enrollments, trainee, matchDetails: { matches: [], ownGoals: [goal], authors: {} } })));
    expect(tracked.split("My goals")).toHaveLength(2);
    expect(tracked).toContain("Submit a K award by June");
    expect(tracked).not.toContain("No goals");
  });

  it("tells a trainee without a mentor to use /findmentor", () => {
    const view = homeView(data({ enrollments: [{ programName: "P", role: "TRAINEE", cohortName: null }], trainee: { mentors: [], openRequests: [] } }));
    expect(text(view)).toContain("No mentor yet. Type `/findmentor`");
  });

  it("shows a mentor their capacity and says when they are full", () => {
    const mentee = { matchId: "x", programName: "P", role: "mentor", since: new Date("2026-09-01T12:00:00Z"), other: { name: "T", slackUserId: "U5" } };
    const open = homeView(data({ enrollments: [{ programName: "P", role: "MENTOR", cohortName: null }], mentor: { mentees: [mentee], pendingRequests: [], capacity: 3 } }));
    expect(text(open)).toContain("1 of 3 places used — 2 open");
    const full = homeView(data({ enrollments: [{ programName: "P", role: "MENTOR", cohortName: null }], mentor: { mentees: [mentee], pendingRequests: [], capacity: 1 } }));
    expect(text(full)).toContain("1 of 1 place used — you're full");
  });

  it("shows a mentor each request waiting for them with Accept and Decline", () => {
    const request = { requestId: "r1", programName: "P", role: "coach", createdAt: new Date("2026-11-20T15:00:00Z"), other: { name: "T", slackUserId: "U5" } };
    const view = homeView(data({ enrollments: [{ programName: "P", role: "MENTOR", cohortName: null }], mentor: { mentees: [], pendingRequests: [request], capacity: 2 } }));
    expect(text(view)).toContain("Request waiting for your answer");
    expect(text(view)).toContain("<@U5> asks you to be their *coach* in P (asked Fri 20 Nov 2026).");
    expect(text(view)).toContain('"action_id":"request_accept","value":"r1"');
    expect(text(view)).toContain('"action_id":"request_decline","value":"r1"');
  });

  it("shows a paused person when the pause ends, with Resume instead of Pause", () => {
    const view = homeView(data({ enrollments: [{ programName: "P", role: "MENTOR", cohortName: null }], pause: { until: new Date("2027-01-15T23:00:00Z") } }));
    expect(text(view)).toContain("You're paused");
    expect(text(view)).toContain("until the end of Fri 15 Jan 2027");
    expect(text(view)).toContain("sends you no check-ins or reminders");
    expect(actionIds(view)).toContain("availability_resume");
    expect(actionIds(view)).not.toContain("availability_pause");
  });

  it("shows a director every program with its cohorts and setup buttons, and no 'you're not in a program' line", () => {
    const view = homeView(
      data({
        isDirector: true,
        programs: [
          { programId: "p1", name: "Heme <Fellowship>", cohorts: 2 },
          { programId: "p2", name: "Onc", cohorts: 1 },
        ],
      }),
    );
    const t = text(view);
    expect(t).toContain("*Heme &lt;Fellowship&gt;* · 2 cohorts");
    expect(t).toContain("*Onc* · 1 cohort");
    expect(t).toContain("Welcome, Ana &lt;Fellow&gt;.* You direct the mentoring programs here");
    expect(t).not.toContain("not in a mentoring program");
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
        trainee: { mentors: [], openRequests: [] },
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
