import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, type PostedMessage } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf, input } from "../support/slackDriver.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import { proposeRun } from "../../src/features/rounds/roundProposal.js";
import { approveRun, sendPreview } from "../../src/features/rounds/roundApproval.js";
import { roundMessages } from "../../src/features/rounds/views/previewMessages.js";

const TEAM = "T0RND";
const OTHER = "T1RND";
const P = {
  ana: { id: "U0ANA", teamId: TEAM, name: "Ana Fellow", tz: "UTC" },
  ben: { id: "U0BEN", teamId: TEAM, name: "Ben Fellow", tz: "UTC" },
  cal: { id: "U0CAL", teamId: TEAM, name: "Cal Fellow", tz: "UTC" },
  maya: { id: "U0MAYA", teamId: TEAM, name: "Dr. Maya", tz: "UTC" },
  jun: { id: "U0JUN", teamId: TEAM, name: "Dr. Jun", tz: "UTC" },
  dir: { id: "U0DIR", teamId: TEAM, name: "Dr. Director", tz: "UTC" },
  dir2: { id: "U0DIR2", teamId: TEAM, name: "Dr. Second", tz: "UTC" },
  outsider: { id: "U1OUT", teamId: OTHER, name: "Other Admin", tz: "UTC", isAdmin: true },
};
type Key = keyof typeof P;
type View = { callback_id: string; private_metadata?: string };

describe.each(testProviders)("a director previews, edits and approves a pairing round on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let runId = "";
  let programId = "";
  let cohortId = "";
  let preview: PostedMessage;
  const ids = {} as Record<Key, string>;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.createMany({ data: [{ id: TEAM }, { id: OTHER }] });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", defaultCapacity: 2 } })).id;
    cohortId = (await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2026" } })).id;
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: p.teamId, slackUserId: p.id, name: p.name, tz: "UTC", refreshedAt: new Date(), isAdmin: "isAdmin" in p } })).id;
    }
    const enroll = (key: Key, role: "TRAINEE" | "MENTOR" | "DIRECTOR") => ({ workspaceId: TEAM, programId, memberId: ids[key], role, cohortId: role === "TRAINEE" ? cohortId : null });
    await prisma.enrollment.createMany({
      data: [enroll("ana", "TRAINEE"), enroll("ben", "TRAINEE"), enroll("cal", "TRAINEE"), enroll("maya", "MENTOR"), enroll("jun", "MENTOR"), enroll("dir", "DIRECTOR"), enroll("dir2", "DIRECTOR")],
    });
    const profile = (key: Key, data: Partial<typeof EMPTY_PROFILE>) => prisma.profile.create({ data: { ...EMPTY_PROFILE, ...data, workspaceId: TEAM, memberId: ids[key] } });
    await profile("ana", { careerStage: "fellow", specialty: "hematology", subspecialty: "thrombosis_hemostasis", interests: ["thrombosis"] });
    await profile("ben", { careerStage: "fellow", specialty: "hematology", subspecialty: "malignant_hematology", interests: ["leukemia"] });
    await profile("cal", { careerStage: "fellow", specialty: "hematology", subspecialty: "thrombosis_hemostasis", interests: ["thrombosis"] });
    await profile("maya", { careerStage: "senior_faculty", specialty: "hematology", subspecialty: "thrombosis_hemostasis", expertise: ["thrombosis"], rolesOffered: ["mentor"] });
    await profile("jun", { careerStage: "senior_faculty", specialty: "hematology", subspecialty: "malignant_hematology", expertise: ["leukemia"], rolesOffered: ["mentor"] });
    // Ana asked, confidentially, never to be paired with Jun.
    await prisma.exclusion.create({ data: { workspaceId: TEAM, memberId: ids.ana, excludedId: ids.jun } });
    const round = await prisma.round.create({ data: { workspaceId: TEAM, programId, cohortId, name: "Spring match", kind: "MENTOR_MATCH", options: { role: "mentor" }, createdById: P.dir.id } });
    runId = (await prisma.roundRun.create({ data: { workspaceId: TEAM, roundId: round.id, scheduledFor: new Date("2026-03-02T15:00:00Z"), status: "NOTICED" } })).id;
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });
  const { press, response, submit } = drive;
  const opened = (triggerId: string) => drive.opened<View>(triggerId);
  const { pick } = input;
  const updatesOf = (ts: string) => slack.callsTo("chat.update").filter((c) => c.args.ts === ts);
  const pairsIn = async () => ((await db.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).proposal as { pairs: { trainee: string; mentor: string }[] }).pairs;
  const mentorOf = async (who: Key) => (await pairsIn()).find((p) => p.trainee === ids[who])?.mentor;

  it("the director gets the preview by DM: each pair with fit reasons, the metrics, and the actions", async () => {
    await proposeRun(db.prisma, TEAM, runId, new Date());
    await sendPreview(db.prisma, TEAM, runId, P.dir.id, new Date(), roundMessages);
    preview = await slack.waitFor(() => slack.messagesIn(P.dir.id).find((m) => textOf(m).includes("Round preview")));
    const text = textOf(preview);
    expect(text).toContain("*Spring match* — Heme Fellowship · 2026 · mentor match (best total fit)");
    expect(text).toContain("<@U0ANA> ↔ <@U0MAYA> — fit");
    // Nobody chose anyone in a mentor match: each pair says where it stands by fit, not "1st choice".
    expect(text).toMatch(/<@U0BEN> ↔ <@U0JUN> — fit [\d.]+, their best fit/);
    expect(text).not.toContain("choice");
    expect(text).toContain("<@U0BEN> ↔ <@U0JUN> — fit");
    expect(text).toContain("same subspecialty: malignant hematology");
    expect(text).toContain("*Matched*: 3 of 3 trainees (100%)");
    for (const id of ["round_preview_swap", "round_preview_drop", "round_preview_rerun", "round_preview_approve", "round_preview_discard"]) expect(text).toContain(id);
  });

  it("someone who is not a director is refused and nothing changes; nor can another workspace's admin act on it", async () => {
    const { responseId } = await press("ana", "round_preview_approve", runId, { channel: preview.channel, ts: preview.ts });
    expect(await response(responseId)).toContain("Only program directors can do that");
    const other = await press("outsider", "round_preview_approve", runId, { channel: "D-U1OUT", ts: "1.000001" });
    expect(await response(other.responseId)).toContain("isn't here any more");
    expect((await db.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("PREVIEW");
    expect(await db.prisma.match.count()).toBe(0);
  });

  it("a swap that would pair a confidential exclusion is refused inline; a valid swap updates the preview in place", async () => {
    const { triggerId } = await press("dir", "round_preview_swap", runId, { channel: preview.channel, ts: preview.ts });
    const modal = await opened(triggerId);
    expect(modal.callback_id).toBe("round_preview_swap_submit");
    expect(JSON.stringify(modal)).toContain("Ana Fellow ↔ Dr. Maya");
    const refused = await submit("dir", modal, { pair: pick(ids.ana), other_pair: pick(ids.ben) });
    expect(refused).toContain("Ana Fellow and Dr. Jun can't be paired: a confidential exclusion forbids it.");
    expect(await mentorOf("ana")).toBe(ids.maya);
    expect(await submit("dir", modal, { pair: pick(ids.cal), other_pair: pick(ids.ben) })).toBe("");
    const update = await slack.waitFor(() => updatesOf(preview.ts).find((c) => JSON.stringify(c.args).includes("Mentors exchanged.")));
    expect(JSON.stringify(update.args.blocks)).toContain("<@U0CAL> ↔ <@U0JUN>");
    expect(await mentorOf("cal")).toBe(ids.jun);
    expect(await mentorOf("ben")).toBe(ids.maya);
  });

  it("dropping a pair takes it out of the proposal and lists the trainee; Re-run starts again from the data", async () => {
    const { triggerId } = await press("dir", "round_preview_drop", runId, { channel: preview.channel, ts: preview.ts });
    const modal = await opened(triggerId);
    expect(await submit("dir", modal, { target: pick(ids.ben) })).toBe("");
    const update = await slack.waitFor(() => updatesOf(preview.ts).find((c) => JSON.stringify(c.args).includes("Dropped.")));
    expect(JSON.stringify(update.args.blocks)).toContain("<@U0BEN> — dropped from this proposal by a director");
    expect(await mentorOf("ben")).toBeUndefined();

    const rerun = await press("dir", "round_preview_rerun", runId, { channel: preview.channel, ts: preview.ts });
    expect(await response(rerun.responseId)).toContain("<@U0BEN> ↔ <@U0JUN>");
    expect(await mentorOf("ben")).toBe(ids.jun);
    // Drop Cal for the approval below: two pairs get approved.
    const again = await opened((await press("dir", "round_preview_drop", runId, { channel: preview.channel, ts: preview.ts })).triggerId);
    expect(await submit("dir", again, { target: pick(ids.cal) })).toBe("");
    // The modal closes before the drop is stored; the preview shows it once it is (the approvals below need it).
    await slack.waitFor(() => updatesOf(preview.ts).find((c) => JSON.stringify(c.args.blocks).includes("<@U0CAL> — dropped from this proposal by a director")));
    expect(await mentorOf("cal")).toBeUndefined();
  });

  /** The value of the Approve button a message shows (the run and the version of the proposal it shows). */
  const approveValueIn = (message: unknown): string => {
    const found: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        if (o.action_id === "round_preview_approve" && typeof o.value === "string") found.push(o.value);
        Object.values(o).forEach(walk);
      }
    };
    walk(message);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const currentApprove = () => approveValueIn(updatesOf(preview.ts).at(-1)!.args.blocks);

  it("Approve on a preview message from before a colleague's edits approves nothing: the message shows the current proposal and says that nothing was approved or created", async () => {
    // What the preview DM carried when it was sent (the fake Slack applies chat.update to its copy).
    const sent = await db.prisma.outboxMessage.findFirstOrThrow({ where: { workspaceId: TEAM, key: `round-preview:${runId}:${P.dir.id}` } });
    const stale = approveValueIn(sent.payload);
    expect(stale.startsWith(`${runId}:`)).toBe(true);
    expect(stale).not.toBe(currentApprove());
    const { responseId } = await press("dir2", "round_preview_approve", stale, { channel: "D-U0DIR2", ts: "1.000002" });
    const replaced = await response(responseId);
    expect(replaced).toContain(
      "Nothing was approved and nothing was created: this proposal changed (a swap, drop or re-run) after this message was shown to you. This is the proposal now; approve it if it looks right.",
    );
    expect(replaced).toContain("<@U0CAL> — dropped from this proposal by a director");
    expect(approveValueIn(JSON.parse(replaced))).toBe(currentApprove());
    // One answer, and it does not blame the director for a change they did not make.
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.responses.filter((r) => r.id === responseId)).toHaveLength(1);
    expect(JSON.stringify(slack.responses)).not.toContain("your change was not made");
    expect((await db.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("PREVIEW");
    expect(await db.prisma.match.count()).toBe(0);
  });

  it("two directors approving at once approve once: the matches exist, each pair is introduced once with the expectations agreement, the director gets a summary", async () => {
    const [a, b] = await Promise.all([
      press("dir", "round_preview_approve", currentApprove(), { channel: preview.channel, ts: preview.ts }),
      press("dir2", "round_preview_approve", currentApprove(), { channel: "D-U0DIR2", ts: "1.000002" }),
    ]);
    const answers = [await response(a.responseId), await response(b.responseId)];
    for (const answer of answers) expect(answer).toContain("2 matches created");
    const matches = await db.prisma.match.findMany({ where: { workspaceId: TEAM, status: "ACTIVE" } });
    expect(matches.map((m) => [m.traineeId, m.mentorId, m.role]).sort()).toEqual([[ids.ana, ids.maya, "mentor"], [ids.ben, ids.jun, "mentor"]].sort());
    const run = await db.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("APPROVED");

    const anaMaya = `G-${[P.ana.id, P.maya.id].sort().join("-")}`;
    const benJun = `G-${[P.ben.id, P.jun.id].sort().join("-")}`;
    for (const group of [anaMaya, benJun]) {
      const intro = await slack.waitFor(() => slack.messagesIn(group).find((m) => textOf(m).includes("How often to meet")));
      expect(textOf(intro)).toContain("match_cadence_monthly");
    }
    expect((await db.prisma.match.findFirstOrThrow({ where: { traineeId: ids.ana } })).introChannelId).toBe(anaMaya);
    expect((await db.prisma.roundGroup.findMany({ where: { runId } })).every((g) => g.matchId && g.introChannelId)).toBe(true);
    const approver = run.approvedById as "U0DIR" | "U0DIR2";
    const summary = await slack.waitFor(() => slack.messagesIn(approver).find((m) => textOf(m).includes("was approved by")));
    expect(textOf(summary)).toContain("<@U0CAL> — dropped from this proposal by a director");
    for (const who of [P.ana.id, P.jun.id, P.ben.id, P.maya.id]) await slack.waitFor(() => slack.callsTo("views.publish").some((c) => c.args.user_id === who));

    // One more approve click and one more outbox poll: nothing is created or sent twice.
    const late = await press("dir", "round_preview_approve", currentApprove(), { channel: preview.channel, ts: preview.ts });
    expect(await response(late.responseId)).toContain("Approved by");
    await new Promise((r) => setTimeout(r, 1500));
    expect(slack.messagesIn(anaMaya).filter((m) => textOf(m).includes("How often to meet"))).toHaveLength(1);
    expect(slack.messagesIn(benJun).filter((m) => textOf(m).includes("How often to meet"))).toHaveLength(1);
    expect(slack.messagesIn(approver).filter((m) => textOf(m).includes("was approved by"))).toHaveLength(1);
    expect(await db.prisma.match.count({ where: { workspaceId: TEAM } })).toBe(2);
  });

  it("a rotation approved outside the app's request path (another instance, then a crash) is introduced by the outbox, each group once", async () => {
    const round = await db.prisma.round.create({ data: { workspaceId: TEAM, programId, cohortId, name: "Peer coffee", kind: "ROTATION", options: {}, createdById: P.dir.id } });
    const run = await db.prisma.roundRun.create({ data: { workspaceId: TEAM, roundId: round.id, scheduledFor: new Date("2026-03-09T15:00:00Z"), status: "NOTICED" } });
    const proposal = await proposeRun(db.prisma, TEAM, run.id, new Date());
    expect(proposal.groups).toHaveLength(1);
    expect((await approveRun({ db: db.prisma, now: new Date(), workspaceId: TEAM, messages: roundMessages }, { workspaceId: TEAM, actor: P.dir.id }, run.id)).outcome).toBe("approved");
    // The introduction was queued with the approval: the running app's outbox finds it on its next poll.
    const trio = `G-${[P.ana.id, P.ben.id, P.cal.id].sort().join("-")}`;
    const intro = await slack.waitFor(() => slack.messagesIn(trio).find((m) => textOf(m).includes("together this round")));
    expect(textOf(intro)).toContain("Peer coffee");
    await new Promise((r) => setTimeout(r, 1500));
    expect(slack.messagesIn(trio).filter((m) => textOf(m).includes("together this round"))).toHaveLength(1);
  });

  it("an approved round can no longer be edited or discarded", async () => {
    const { responseId } = await press("dir", "round_preview_discard", runId, { channel: preview.channel, ts: preview.ts });
    expect(await response(responseId)).toContain("already been approved");
    expect((await db.prisma.roundRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("APPROVED");
  });
});
