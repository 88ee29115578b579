import type { WebClient } from "@slack/web-api";
import type { Db } from "../../store/database.js";
import { findMember } from "../../store/members.js";
import { findProfile } from "../../store/profiles.js";
import { saveProfileForm } from "../../features/profiles/profiles.js";
import { logMeeting } from "../../features/goals-meetings/meetings.js";
import { programInputSchema } from "../../domain/program.js";
import { cliActor } from "../../features/programs/audit.js";
import { createProgram } from "../../features/programs/programs.js";
import { importRoster } from "../../features/programs/roster.js";
import { acceptRequest, submitRequest } from "../../features/requests/requests.js";
import { requestMessages } from "../../features/requests/views/messages.js";
import { emailDirectory } from "../../cli/slack.js";
import { DEMO_TEAM, PROGRAM_NAME, PROGRAM_ZONE, rosterCsv, TRACK_RECORDS } from "./people.js";

const DAY = 86_400_000;

/** Who asked whom, how long ago, and whether the mentor has said yes. */
const HISTORY = [
  {
    trainee: "U0BEN",
    mentor: "U0JAMAL",
    daysAgo: 45,
    accepted: true,
    message: "I'd love your advice on an early-phase AML trial and on the K-award timeline.",
    meeting: { daysAgo: 12, agenda: "K-award timeline; the AML trial's eligibility criteria", notes: "Aim for the June K08 cycle; draft specific aims first.", nextSteps: "Ben drafts the specific aims page; Jamal sends two funded examples." },
  },
  { trainee: "U0DEV", mentor: "U0GRACE", daysAgo: 70, accepted: true, message: "I'm planning a project on hydroxyurea adherence in young adults with sickle cell disease." },
  { trainee: "U0HANA", mentor: "U0ELI", daysAgo: 2, accepted: false, message: "Could we talk about outcomes research in DLBCL? I have a registry question." },
] as const;

/**
 * The demo program, made the way a director makes one: the program (as the CLI creates it), the
 * roster import with profiles, then requests the trainees sent and the mentors accepted, at the
 * times they happened, through the same services Slack's buttons call.
 */
export async function seedDemo(db: Db, client: WebClient, now: Date): Promise<void> {
  const by = cliActor(DEMO_TEAM);
  const directory = emailDirectory(client, DEMO_TEAM);
  const start = new Date(now.getTime() - 90 * DAY);
  const program = await createProgram(
    db,
    by,
    programInputSchema.parse({
      name: PROGRAM_NAME,
      description: "Mentoring for the hematology fellows and the internal medicine residents heading for hematology.",
      checkinCadence: "MONTHLY",
      timezone: PROGRAM_ZONE,
      defaultCapacity: 2,
    }),
    start,
  );
  const report = await importRoster(db, directory, by, { programName: PROGRAM_NAME, defaultCohort: null, csv: rosterCsv(), source: "demo roster" }, start);
  if (report.failed > 0) throw new Error(`the demo roster did not import: ${report.errors.map((e) => `line ${e.line}: ${e.reason}`).join("; ")}`);

  // Each mentor fills in the mentor part of their profile, as the profile form does.
  for (const [slackUserId, record] of Object.entries(TRACK_RECORDS)) {
    const member = await findMember(db, DEMO_TEAM, slackUserId);
    const current = member ? await findProfile(db, DEMO_TEAM, member.id) : null;
    if (!current) throw new Error(`the demo roster has no profile for ${slackUserId}`);
    const saved = await saveProfileForm({ db, directory, workspaceId: DEMO_TEAM, now: start }, slackUserId, ["mentor"], { ...current, ...record }, null);
    if (!saved.ok) throw new Error(`the demo profile of ${slackUserId} does not validate: ${saved.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
  }

  for (const h of HISTORY) {
    const at = new Date(now.getTime() - h.daysAgo * DAY);
    const mentor = await findMember(db, DEMO_TEAM, h.mentor);
    if (!mentor) throw new Error(`the demo roster has no ${h.mentor}`);
    const { request } = await submitRequest({ db, directory, workspaceId: DEMO_TEAM, now: at, messages: requestMessages }, h.trainee, { mentorId: mentor.id, programId: program.id, role: "mentor", message: h.message, goal: null });
    if (!h.accepted) continue;
    const acceptedAt = new Date(at.getTime() + DAY);
    const accepted = await acceptRequest({ db, workspaceId: DEMO_TEAM, now: acceptedAt, messages: requestMessages }, h.mentor, request.id);
    if (accepted.outcome !== "accepted") throw new Error(`the demo mentor ${h.mentor} had no room for ${h.trainee}`);
    // The pair's introduction was queued with the match: the outbox sends it when Rounds starts.
    if ("meeting" in h) {
      // Logged by the mentor from the meeting log modal, the day after they met.
      const met = new Date(now.getTime() - h.meeting.daysAgo * DAY);
      const date = met.toISOString().slice(0, 10);
      const { agenda, notes, nextSteps } = h.meeting;
      await logMeeting({ db, directory, workspaceId: DEMO_TEAM, now: new Date(met.getTime() + DAY) }, h.mentor, `demo-${accepted.match.id}`, { matchId: accepted.match.id, date, agenda, notes, nextSteps, progress: [] });
    }
  }
}
