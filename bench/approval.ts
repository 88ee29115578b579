/**
 * Approving a large pairing round: the real app (as `npm start` runs it) and a fake Slack; a
 * director presses Approve on the preview of a round of `--pairs` mentor–trainee pairs. Measures
 * how soon the click is acknowledged and the preview turned into the outcome, and how long until
 * every pair's introduction (group DM opened, message posted, through the paced outbox) has been
 * delivered; checks that each pair got exactly one.
 *
 *   npm run bench:approval [-- --pairs 500] [--database-url postgresql://postgres@127.0.0.1:5432/rounds_dev]
 */
import { parseArgs } from "node:util";
import { startApp, TEST_SIGNING_SECRET } from "../test/support/appProcess.js";
import { createTestDatabase } from "../test/support/databases.js";
import { FakeSlack, type PostedMessage } from "../src/slack/standin/server.js";
import { interactionBody, newTriggerId, postToApp } from "../src/slack/standin/requests.js";
import { connect } from "../src/store/database.js";
import { EMPTY_PROFILE } from "../src/domain/profile.js";
import { proposeRun } from "../src/features/rounds/roundProposal.js";
import { sendPreview } from "../src/features/rounds/roundApproval.js";
import { roundMessages } from "../src/features/rounds/views/previewMessages.js";

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "500" },
    "database-url": { type: "string" },
    rate: { type: "string", default: "4" },
    concurrency: { type: "string", default: "8" },
  },
});
const pairs = Number(values.pairs);
const adminUrl = values["database-url"];
if (adminUrl) process.env.TEST_DATABASE_URL = adminUrl;
const provider = adminUrl?.startsWith("postgres") ? "postgresql" : "sqlite";
const env = { OUTBOX_RATE_PER_SECOND: values.rate!, OUTBOX_CONCURRENCY: values.concurrency!, LOG_LEVEL: "warn" };

const TEAM = "T0BENCH";
const DIRECTOR = "U0DIR";
const INTRO = "How often to meet";
const id = (prefix: string, i: number) => `U0${prefix}${String(i).padStart(4, "0")}`;
const textOf = (m: PostedMessage) => `${m.text ?? ""} ${JSON.stringify(m.blocks ?? [])}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The value of the preview's Approve button (the run and the proposal version it shows). */
function approveValueIn(blocks: unknown): string {
  const found: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      const o = x as Record<string, unknown>;
      if (o.action_id === "round_preview_approve" && typeof o.value === "string") found.push(o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  if (found.length !== 1) throw new Error(`${found.length} Approve buttons on the preview`);
  return found[0]!;
}

const slack = await new FakeSlack().start();
const database = await createTestDatabase(provider);
const app = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env });
const db = connect(database.url);
try {
  const prisma = db.prisma;
  const mentors = Array.from({ length: Math.ceil(pairs / 3) }, (_, i) => id("MEN", i));
  const trainees = Array.from({ length: pairs }, (_, i) => id("TRA", i));
  for (const u of [DIRECTOR, ...mentors, ...trainees]) slack.addUser({ id: u, teamId: TEAM, name: `Dr. ${u}`, tz: "UTC" });
  await prisma.workspace.create({ data: { id: TEAM } });
  const programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", defaultCapacity: 3 } })).id;
  const cohortId = (await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2026" } })).id;
  await prisma.member.createMany({ data: [DIRECTOR, ...mentors, ...trainees].map((slackUserId) => ({ workspaceId: TEAM, slackUserId, name: `Dr. ${slackUserId}`, tz: "UTC", refreshedAt: new Date() })) });
  const memberId = new Map((await prisma.member.findMany({ where: { workspaceId: TEAM } })).map((m) => [m.slackUserId, m.id]));
  await prisma.enrollment.createMany({
    data: [
      { workspaceId: TEAM, programId, memberId: memberId.get(DIRECTOR)!, role: "DIRECTOR" as const },
      ...mentors.map((u) => ({ workspaceId: TEAM, programId, memberId: memberId.get(u)!, role: "MENTOR" as const })),
      ...trainees.map((u) => ({ workspaceId: TEAM, programId, memberId: memberId.get(u)!, role: "TRAINEE" as const, cohortId })),
    ],
  });
  for (const u of mentors) {
    await prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: memberId.get(u)!, careerStage: "senior_faculty", specialty: "hematology", subspecialty: "malignant_hematology", expertise: ["leukemia"], rolesOffered: ["mentor"], capacity: 3 } });
  }
  for (const u of trainees) {
    await prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: memberId.get(u)!, careerStage: "fellow", specialty: "hematology", subspecialty: "malignant_hematology", interests: ["leukemia"] } });
  }
  const round = await prisma.round.create({ data: { workspaceId: TEAM, programId, cohortId, name: "Big match", kind: "MENTOR_MATCH", options: { role: "mentor" }, createdById: DIRECTOR } });
  const runId = (await prisma.roundRun.create({ data: { workspaceId: TEAM, roundId: round.id, scheduledFor: new Date(), status: "NOTICED" } })).id;
  const proposal = await proposeRun(prisma, TEAM, runId, new Date());
  if (proposal.pairs.length !== pairs) throw new Error(`the proposal has ${proposal.pairs.length} pairs, not ${pairs}`);
  await sendPreview(prisma, TEAM, runId, DIRECTOR, new Date(), roundMessages);
  const preview = await slack.waitFor(() => slack.messagesIn(DIRECTOR).find((m) => textOf(m).includes("Round preview")), 60_000);
  const approveValue = approveValueIn(preview.blocks);
  const groups = proposal.pairs.map((p) => `G-${[proposal.people[p.trainee]!.slackUserId, proposal.people[p.mentor]!.slackUserId].sort().join("-")}`);
  const intros = (group: string) => slack.messagesIn(group).filter((m) => textOf(m).includes(INTRO)).length;

  // The click: a signed block_actions on the preview message, as Slack sends it.
  const payload = {
    type: "block_actions",
    team: { id: TEAM, domain: "bench" },
    user: { id: DIRECTOR, username: "dir", name: "dir", team_id: TEAM },
    api_app_id: "A0ROUNDS",
    token: "deprecated-verification-token",
    trigger_id: newTriggerId("approve"),
    container: { type: "message", channel_id: preview.channel, message_ts: preview.ts },
    channel: { id: preview.channel },
    message: { ts: preview.ts, type: "message" },
    response_url: slack.responseUrl("approve"),
    actions: [{ type: "button", action_id: "round_preview_approve", block_id: "b", value: approveValue, text: { type: "plain_text", text: "Approve" }, action_ts: `${Date.now() / 1000}` }],
  };
  const clicked = performance.now();
  const ack = await postToApp(app.url, interactionBody(payload), "form", { secret: TEST_SIGNING_SECRET });
  if (ack.status !== 200) throw new Error(`the click was answered ${ack.status}`);
  await slack.waitFor(() => slack.responses.find((r) => r.id === "approve" && JSON.stringify(r.body).includes(`${pairs} matches created`)), 60_000);
  const answered = performance.now() - clicked;
  let firstIntro = 0;
  while (groups.some((g) => intros(g) === 0)) {
    if (!firstIntro && groups.some((g) => intros(g) > 0)) firstIntro = performance.now() - clicked;
    if (performance.now() - clicked > 30 * 60_000) throw new Error("introductions still missing after 30 minutes");
    await sleep(100);
  }
  const delivered = performance.now() - clicked;
  await sleep(3000); // a few more outbox polls: nothing may be sent twice
  const counts = groups.map(intros);
  const rows = await prisma.outboxMessage.findMany({ where: { workspaceId: TEAM, kind: "INTRO" }, select: { status: true } });
  console.log(`${provider} · ${pairs} pairs · OUTBOX_RATE_PER_SECOND=${env.OUTBOX_RATE_PER_SECOND} · OUTBOX_CONCURRENCY=${env.OUTBOX_CONCURRENCY} · fake Slack answering at once`);
  console.table([
    {
      "click acked": `${ack.ms.toFixed(0)} ms`,
      "preview turned into the outcome": `${(answered / 1000).toFixed(2)} s`,
      "first introduction": `${(firstIntro / 1000).toFixed(1)} s`,
      "all introductions delivered": `${(delivered / 1000).toFixed(1)} s`,
      "groups with exactly 1": `${counts.filter((n) => n === 1).length} of ${pairs}`,
      "groups with 2+": counts.filter((n) => n > 1).length,
      "conversations.open calls": slack.callsTo("conversations.open").length,
      "INTRO rows SENT": `${rows.filter((r) => r.status === "SENT").length} of ${rows.length}`,
    },
  ]);
  const ok = ack.ms < 1000 && counts.every((n) => n === 1) && rows.length === pairs && rows.every((r) => r.status === "SENT");
  if (!ok) console.error("FAILED: the click took 1 s or more, or an introduction was missing or doubled");
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.close();
  await app.stop();
  await slack.stop();
  await database.drop();
}
process.exit();
