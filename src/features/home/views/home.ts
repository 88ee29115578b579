import { Blocks, Elements, HomeTab, Md, type BlockBuilder } from "slack-block-builder";
import { YEAR_ACTIONS } from "../../year/ids.js";
import type { HomeData } from "../home.js";
import type { RelationRow, RequestRow, ProgramSummary } from "../../../store/home.js";
import { labelOf, MENTOR_ROLES } from "../../../domain/vocabulary.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { PROFILE_ACTIONS } from "../../profiles/ids.js";
import { PRIVACY_ACTIONS } from "../../privacy/ids.js";
import { HOME_ADMIN_ACTIONS } from "./homeActions.js";
import { ANNOUNCE } from "../../announcements/ids.js";
import { ROUND_ACTIONS } from "../../rounds/ids.js";
import { surveyHomeButtons } from "../../surveys/views/homeButtons.js";
import { ROUND_TABLE_ACTIONS } from "../../roundtables/ids.js";
import { traineeRoundTableBlocks } from "../../roundtables/views/messages.js";
import { answerButtons, withdrawButtons } from "../../requests/views/homeButtons.js";
import { WHILE_PAUSED } from "../../profiles/views/availabilityViews.js";
import { count, noun } from "../../../slack/kit/plural.js";
import { day } from "../../../slack/kit/dates.js";
import { mentorMatchBlocks, traineeMatchBlocks } from "./matchDetails.js";
import { dashboardBlocks, HOME_BLOCK_LIMIT } from "../../dashboard-reports/views/dashboard.js";
import { joinWithin } from "../../../slack/kit/fit.js";

const ABOUT =
  `${Md.bold("Rounds")} runs your institution's mentoring program in Slack: trainees find mentors ranked by fit, ` +
  "mentors answer a one-click check-in, and program directors run pairing rounds and see which pairs need help.";

const role = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();

/** Slack refuses a section over 3,000 characters: a list of people takes at most this many, then says how many more. */
const SECTION_LINES_CHARS = 2800;

function relationLines(rows: RelationRow[], tz: string): string {
  const lines = rows.map((r) => `• <@${r.other.slackUserId}> — ${role(r.role)}, ${escapeMrkdwn(r.programName)}, since ${day(r.since, tz)}`);
  return joinWithin(lines, SECTION_LINES_CHARS, "\n", (n) => `…and ${count(n, "more")}`);
}

/** A trainee's requests waiting for an answer: whom, for what, since when. */
function requestLines(rows: RequestRow[], tz: string): string {
  const lines = rows.map((r) => `• <@${r.other.slackUserId}> — ${role(r.role)}, ${escapeMrkdwn(r.programName)}, sent ${day(r.createdAt, tz)}`);
  return joinWithin(lines, SECTION_LINES_CHARS, "\n", (n) => `…and ${count(n, "more request")}`);
}

function personalBlocks(data: HomeData): BlockBuilder[] {
  const tz = data.standing.member.tz;
  const blocks: BlockBuilder[] = [];
  if (data.pause) {
    const until = data.pause.until ? `until the end of ${day(data.pause.until, tz)}` : "until you resume";
    blocks.push(
      Blocks.Section({
        text: `:double_vertical_bar: ${Md.bold(`You're paused ${until}.`)} ${WHILE_PAUSED}`,
      }).accessory(
        Elements.Button({ text: "Resume", actionId: PROFILE_ACTIONS.resume }).primary(),
      ),
    );
  }
  if (!data.hasProfile) {
    blocks.push(Blocks.Section({ text: `${Md.bold("Fill in your profile")} so Rounds can match you well — it takes two minutes.` }));
  }
  blocks.push(
    Blocks.Actions().elements(
      Elements.Button({ text: data.hasProfile ? "Edit profile" : "Fill in profile", actionId: PROFILE_ACTIONS.edit }).primary(),
      data.pause ? [] : Elements.Button({ text: "Pause", actionId: PROFILE_ACTIONS.pause }),
      Elements.Button({ text: "Never pair me with…", actionId: PROFILE_ACTIONS.exclusions }),
      Elements.Button({ text: "My data", actionId: PRIVACY_ACTIONS.open }),
    ),
  );
  return blocks;
}

function traineeBlocks(data: HomeData): BlockBuilder[] {
  const t = data.trainee;
  if (!t) return [];
  const tz = data.standing.member.tz;
  const mentors = t.mentors.length
    ? relationLines(t.mentors, tz)
    : `No mentor yet. Type ${Md.codeInline("/findmentor")} to see mentors ranked by how well they fit you.`;
  const blocks: BlockBuilder[] = [
    Blocks.Divider(),
    Blocks.Header({ text: "As a trainee" }),
    Blocks.Section({ text: `${Md.bold("My mentors")}\n${mentors}` }),
  ];
  if (t.openRequests.length) {
    blocks.push(Blocks.Section({ text: `${Md.bold("Waiting for an answer")}\n${requestLines(t.openRequests, tz)}` }));
    blocks.push(...withdrawButtons(t.openRequests)); // requests feature: withdraw buttons (src/features/requests/views/homeButtons.ts)
  }
  blocks.push(...traineeRoundTableBlocks(data.roundTables)); // career round tables: choose or change paths (src/features/roundtables/views/messages.ts)
  blocks.push(...traineeMatchBlocks(data.matchDetails, tz)); // goals and meetings: match cards, then the trainee's goals (views/home/matchDetails.ts)
  return blocks;
}

function mentorBlocks(data: HomeData): BlockBuilder[] {
  const m = data.mentor;
  if (!m) return [];
  const tz = data.standing.member.tz;
  const used = m.mentees.length;
  const room = Math.max(0, m.capacity - used);
  const capacity =
    m.capacity === 0
      ? "you take no mentees for now (capacity 0), so Rounds won't suggest you"
      : `${used} of ${count(m.capacity, "place")} used${room === 0 ? " — you're full, so Rounds won't suggest you" : ` — ${room} open`}`;
  const blocks: BlockBuilder[] = [
    Blocks.Divider(),
    Blocks.Header({ text: "As a mentor" }),
    Blocks.Section({ text: `${Md.bold("Capacity")}: ${capacity}` }),
    Blocks.Section({ text: `${Md.bold("My mentees")}\n${m.mentees.length ? relationLines(m.mentees, tz) : "No mentees yet. Trainees find you through `/findmentor` (and pairing rounds), so a complete profile helps the right ones find you."}` }),
  ];
  if (m.pendingRequests.length) {
    blocks.push(Blocks.Section({ text: `${Md.bold(`${noun(m.pendingRequests.length, "Request", "Requests")} waiting for your answer`)}` }));
    blocks.push(...answerButtons(m.pendingRequests, tz)); // requests feature: each request with Accept and Decline (src/features/requests/views/homeButtons.ts)
  }
  blocks.push(...mentorMatchBlocks(data.matchDetails, tz)); // goals and meetings: mentee cards with their goals (views/home/matchDetails.ts)
  return blocks;
}

/** A program's line above its setup buttons: its name and cohorts (its numbers are on the dashboard below, once). */
function programLine(p: ProgramSummary): string {
  return `${Md.bold(escapeMrkdwn(p.name))} · ${p.cohorts ? count(p.cohorts, "cohort") : "no cohorts yet"}`;
}

/** The director's part in at most `room` blocks (what the rest of the Home leaves of Slack's 100): two per program, as many as fit. */
function directorBlocks(data: HomeData, room: number): BlockBuilder[] {
  if (!data.programs) return [];
  const blocks: BlockBuilder[] = [Blocks.Divider(), Blocks.Header({ text: "Programs you direct" })];
  if (data.programs.length === 0) {
    blocks.push(Blocks.Section({ text: "No programs yet. Create one, then add its cohorts and people (or import a roster)." }));
  }
  // the divider, the header and the closing buttons take three; a line for those left out takes one
  const fit = data.programs.length * 2 + 3 <= room ? data.programs.length : Math.max(0, Math.floor((room - 4) / 2));
  for (const p of data.programs.slice(0, fit)) {
    blocks.push(
      Blocks.Section({ text: programLine(p) }),
      Blocks.Actions().elements(
        Elements.Button({ text: "Add people", actionId: HOME_ADMIN_ACTIONS.addPeople, value: p.programId }),
        Elements.Button({ text: "New cohort", actionId: HOME_ADMIN_ACTIONS.newCohort, value: p.programId }),
        Elements.Button({ text: "Edit program", actionId: HOME_ADMIN_ACTIONS.editProgram, value: p.programId }),
        Elements.Button({ text: "Export roster", actionId: HOME_ADMIN_ACTIONS.exportRoster, value: p.programId }),
        Elements.Button({ text: "Announce", actionId: `${ANNOUNCE.actions.compose}_home`, value: p.programId }),
        Elements.Button({ text: "New round", actionId: `${ROUND_ACTIONS.create}_home`, value: p.programId }),
        ...surveyHomeButtons(p.programId), // surveys feature: settings modal, results to the DM
        Elements.Button({ text: "Close the year", actionId: YEAR_ACTIONS.openHome, value: p.programId }),
      ),
    );
  }
  if (fit < data.programs.length) {
    blocks.push(Blocks.Context().elements(`…and ${count(data.programs.length - fit, "more program")}, not shown: the Home has no room for them.`));
  }
  blocks.push(
    Blocks.Actions().elements(
      Elements.Button({ text: "New program", actionId: HOME_ADMIN_ACTIONS.newProgram }).primary(),
      Elements.Button({ text: "Directors", actionId: HOME_ADMIN_ACTIONS.directors }),
      Elements.Button({ text: "Announcements", actionId: `${ANNOUNCE.actions.list}_home` }),
      Elements.Button({ text: "Rounds", actionId: `${ROUND_ACTIONS.list}_home` }),
      Elements.Button({ text: "Round tables", actionId: ROUND_TABLE_ACTIONS.list }),
    ),
  );
  return blocks;
}

/** The App Home tab: role-aware, every role and program a person holds, with next steps. */
export function homeView(data: HomeData) {
  const name = escapeMrkdwn(data.standing.member.name);
  const blocks: BlockBuilder[] = [Blocks.Header({ text: "Rounds — mentoring" }), Blocks.Section({ text: ABOUT })];
  if (data.standing.enrollments.length === 0 && data.standing.isDirector) {
    blocks.push(Blocks.Section({ text: `${Md.bold(`Welcome, ${name}.`)} You direct the mentoring programs here: set them up below, and see how each is doing.` }));
  } else if (data.standing.enrollments.length === 0) {
    blocks.push(
      Blocks.Section({
        text:
          `${Md.bold(`Welcome, ${name}.`)} You're not in a mentoring program yet. ` +
          "Ask your program director to add you; this page then shows your mentors, mentees and next steps.",
      }),
    );
  } else {
    const programs = data.standing.enrollments
      .map((e) => `${escapeMrkdwn(e.programName)} (${e.role.toLowerCase()}${e.cohortName ? `, ${escapeMrkdwn(e.cohortName)}` : ""})`)
      .join(" · ");
    blocks.push(Blocks.Section({ text: `${Md.bold(`Welcome, ${name}.`)} ${programs}` }), ...personalBlocks(data));
  }
  blocks.push(...traineeBlocks(data), ...mentorBlocks(data));
  blocks.push(...directorBlocks(data, HOME_BLOCK_LIMIT - blocks.length));
  blocks.push(...dashboardBlocks(data.dashboard ?? null, data.standing.member.tz, HOME_BLOCK_LIMIT - blocks.length)); // director dashboard, within Slack's 100 blocks (views/home/dashboard.ts)
  return HomeTab().blocks(blocks).buildToObject();
}
