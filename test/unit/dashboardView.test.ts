import { describe, expect, it } from "vitest";
import { Blocks, HomeTab, type BlockBuilder } from "slack-block-builder";
import { dashboardBlocks, HOME_BLOCK_LIMIT, RISK_PAIRS_SHOWN } from "../../src/features/dashboard-reports/views/dashboard.js";
import { blocksAsText } from "../../src/features/dashboard-reports/views/asText.js";
import { DASHBOARD_ACTIONS } from "../../src/features/dashboard-reports/ids.js";
import { dashboardMessages } from "../../src/features/dashboard-reports/views/messages.js";
import type { Dashboard, ProgramDashboard, RiskEntry } from "../../src/features/dashboard-reports/dashboard.js";
import type { Party } from "../../src/store/dashboard.js";

const NOW = new Date("2026-11-21T12:00:00Z");
const person = (id: string, name = id): Party => ({ slackUserId: id, name, erased: false });
const risk = (i: number): RiskEntry => ({
  matchId: `match${i}`,
  role: "mentor",
  startedAt: new Date("2026-05-01T09:00:00Z"),
  trainee: person(`UT${i}`, `Trainee ${i}`),
  mentor: person(`UM${i}`, `Mentor ${i}`),
  reason: i === 0 ? { kind: "need_help", since: new Date("2026-11-03T10:00:00Z") } : { kind: "no_meeting", missedPeriods: 2 + i, lastMeetingAt: null },
});

function program(over: Partial<ProgramDashboard> = {}, name = "Heme <Fellowship>"): ProgramDashboard {
  return {
    program: { id: `P-${name}`, name, cadence: "MONTHLY", timezone: "UTC" },
    period: { key: "2026-10-01", endKey: "2026-11-01", label: "Oct 2026", start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-11-01T00:00:00Z") },
    totals: { trainees: 5, mentors: 3, matchedTrainees: 4 },
    cohorts: [
      { cohortId: "c1", cohortName: "2026 Fellows", trainees: 3, mentors: 1, matchedTrainees: 3 },
      { cohortId: null, cohortName: null, trainees: 2, mentors: 2, matchedTrainees: 1 },
    ],
    pending: {
      total: 7,
      oldest: [
        { id: "r1", role: "mentor", createdAt: NOW, ageDays: 20, trainee: person("UT5"), mentor: person("UM2") },
        { id: "r2", role: "coach", createdAt: NOW, ageDays: 0, trainee: { slackUserId: "erased:1", name: "Former member", erased: true }, mentor: person("UM3") },
      ],
    },
    meetingsLastPeriod: 3,
    checkinsLastPeriod: { sent: 4, answered: 3 },
    atRisk: [risk(0), risk(1)],
    load: {
      full: [{ mentor: person("UM1"), active: 2, capacity: 2 }],
      room: Array.from({ length: 9 }, (_, i) => ({ mentor: person(`UR${i}`), active: 0, capacity: 2 })),
      openPlaces: 18,
    },
    thanks: [{ mentor: person("UM1"), count: 2 }],
    ...over,
  };
}

const dashboard = (programs: ProgramDashboard[]): Dashboard => ({ asOf: NOW, programs });
const objects = (blocks: BlockBuilder[]): unknown[] => HomeTab().blocks(blocks).buildToObject().blocks ?? [];
const built = (d: Dashboard, max = HOME_BLOCK_LIMIT) => objects(dashboardBlocks(d, "UTC", max));
const textOf = (blocks: unknown[]) => blocksAsText(blocks);

describe("the director dashboard on the App Home", () => {
  it("shows the program's numbers for last period, cohorts, pending requests with age, load and thanks", () => {
    const text = textOf(built(dashboard([program()])));
    expect(text).toContain("## Program dashboard");
    expect(text).toContain("*Heme <Fellowship>* — last period: *Oct 2026*");
    expect(text).toContain("5 trainees · 3 mentors · 4 matched (80%) · 7 pending requests");
    expect(text).toContain("Meetings reported: *3* · Check-ins: 3 of 4 answered (75%)");
    expect(text).toContain("• 2026 Fellows: 3 trainees, 3 matched (100%), 1 mentor");
    expect(text).toContain("• _No cohort_: 2 trainees, 1 matched (50%), 2 mentors");
    expect(text).toContain("• @UT5 → @UM2, mentor, waiting 20 days");
    expect(text).toContain("• _Former member_ → @UM3, coach, waiting since today");
    expect(text).toContain("…and 5 more");
    expect(text).toContain("Full (1): @UM1 2/2");
    expect(text).toContain("With room (9, 18 places open): @UR0 0/2, @UR1 0/2, @UR2 0/2, @UR3 0/2, @UR4 0/2, @UR5 0/2, …and 3 more");
    expect(text).toContain("*Appreciation received* (2 thank-yous): @UM1 2");
    expect(JSON.stringify(built(dashboard([program()])))).toContain("Heme &lt;Fellowship&gt;");
  });

  it("lists pairs at risk with the reason and Nudge both / End match buttons, End asking to confirm", () => {
    const blocks = built(dashboard([program()]));
    const text = textOf(blocks);
    expect(text).toContain("*Pairs at risk (2)*");
    expect(text).toContain("@UT0 with @UM0 (mentor, since Fri 1 May 2026)\n:sos: asked for help on Tue 3 Nov 2026");
    expect(text).toContain(":hourglass: no meeting reported for 3 check-in periods (none since they were paired)");
    expect(text).toContain("[ Nudge both ] [ End match …confirm ]");
    const buttons = JSON.stringify(blocks);
    expect(buttons).toContain(`"action_id":"${DASHBOARD_ACTIONS.nudge}","value":"match0"`);
    expect(buttons).toContain(`"action_id":"${DASHBOARD_ACTIONS.end}","value":"match1"`);
    expect(text).toContain("[ Chart ] [ Reports (CSV) ]");
  });

  it("names the pair escaped in the End-this-mentorship confirmation, so a name cannot ping or link", () => {
    const pair = { ...risk(0), trainee: person("UT0", "Ana <!channel> & co"), mentor: person("UM0", "<@U0BOSS>") };
    const blocks = JSON.stringify(built(dashboard([program({ atRisk: [pair] })])));
    expect(blocks).toContain("Ana &lt;!channel&gt; &amp; co and &lt;@U0BOSS&gt; will be told kindly that you ended it.");
    expect(blocks).not.toContain("<!channel>");
  });

  it("says plainly when nothing needs attention", () => {
    const text = textOf(built(dashboard([program({ atRisk: [], pending: { total: 0, oldest: [] }, thanks: [], checkinsLastPeriod: { sent: 0, answered: 0 }, cohorts: [{ cohortId: null, cohortName: null, trainees: 5, mentors: 3, matchedTrainees: 4 }] })])));
    expect(text).toContain("*Pairs at risk*: none");
    expect(text).toContain("*Pending requests*: none.");
    expect(text).toContain("Check-ins: none sent");
    expect(text).toContain("no thanks yet");
    expect(text).not.toContain("By cohort");
  });

  it(`shows at most ${RISK_PAIRS_SHOWN} pairs at risk with buttons and counts the rest`, () => {
    const many = program({ atRisk: Array.from({ length: 40 }, (_, i) => risk(i)) });
    const text = textOf(built(dashboard([many])));
    expect(text).toContain(`*Pairs at risk (40)* — the ${RISK_PAIRS_SHOWN} most urgent below; ${40 - RISK_PAIRS_SHOWN} more in the report`);
    expect(text.match(/\[ Nudge both \]/g)).toHaveLength(RISK_PAIRS_SHOWN);
  });

  it("fits many large programs into the blocks left on the Home, naming those with no room", () => {
    const programs = Array.from({ length: 12 }, (_, i) => program({ atRisk: Array.from({ length: 40 }, (_, j) => risk(j)) }, `Program ${String(i).padStart(2, "0")}`));
    for (const room of [HOME_BLOCK_LIMIT, 60, 25]) {
      const blocks = built(dashboard(programs), room);
      expect(blocks.length).toBeLessThanOrEqual(room);
      expect(textOf(blocks)).toContain("No room on this page for");
      expect(textOf(blocks)).toContain("Program 11");
    }
    expect(built(dashboard(programs), 2)).toEqual([]);
  });

  it("shows nothing for someone who is not a director, or a workspace with no programs", () => {
    expect(dashboardBlocks(null, "UTC", 100)).toEqual([]);
    expect(dashboardBlocks(dashboard([]), "UTC", 100)).toEqual([]);
  });

  it("words the nudge and the ending kindly, naming the director and the other person", () => {
    const pair = { matchId: "m", programId: "p", programName: "Heme <F>", role: "mentor", status: "ACTIVE" as const, startedAt: NOW, cadence: "MONTHLY" as const, trainee: { ...person("UT"), memberId: "t" }, mentor: { ...person("UM"), memberId: "m" } };
    const nudge = JSON.stringify(dashboardMessages.nudge(pair, "trainee", "UDIR", []));
    expect(nudge).toContain("A friendly nudge");
    expect(nudge).toContain("<@UDIR>");
    expect(nudge).toContain("you and <@UM> reported a meeting");
    expect(nudge).toContain("Heme &lt;F&gt;");
    const ended = JSON.stringify(dashboardMessages.endedByDirector(pair, "trainee", "UDIR"));
    expect(ended).toContain("has ended your mentorship with your mentor <@UM> in");
    expect(ended).toContain("/findmentor");
    const toCoach = JSON.stringify(dashboardMessages.endedByDirector({ ...pair, role: "coach" }, "mentor", "UDIR"));
    expect(toCoach).toContain("has ended your mentorship with your mentee <@UT> (you're their coach) in Heme &lt;F&gt;.");
    expect(toCoach).not.toMatch(/your (mentor|coach) mentorship/);
  });

  it("renders blocks as text the way Slack lays them out", () => {
    const blocks = objects([Blocks.Header({ text: "Title" }), Blocks.Section({ text: "Hi <@U1> &amp; co" }), Blocks.Divider()]);
    expect(blocksAsText(blocks)).toBe("## Title\nHi @U1 & co\n────────────────────────────────────────");
  });
});
