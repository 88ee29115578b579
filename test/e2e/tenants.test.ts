import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import type { StandinInstall } from "../../src/slack/standin/tenants.js";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases.js";
import { startApp, type AppProcess } from "../support/appProcess.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { input, sendEvent, slackDriver, textOf, type Person } from "../support/slackDriver.js";
import { runCli } from "../support/jobRunner.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import { enqueue } from "../../src/store/outbox.js";

/**
 * One Rounds serving three tenants: two plain workspaces (City Hospital, Town Clinic) and an Enterprise
 * Grid org (University Health: a medical school and a hospital) installed org-wide. Installed through
 * /slack/install and /slack/oauth_redirect; the stand-in refuses any call made with one tenant's token
 * for another tenant's people or channels, and the refusal guard fails the test if that ever happens.
 */
const KEY = randomBytes(32).toString("base64");
const CITY = "T0CITY";
const TOWN = "T0TOWN";
const ORG = "E0UNI";
const MED = "T0MED";
const HOSP = "T0HOSP";

const cityDirector: Person = { id: "U0CDIR", teamId: CITY };
const townDirector: Person = { id: "U0TDIR", teamId: TOWN };
const medTrainee: Person = { id: "U0MTRA", teamId: MED, enterpriseId: ORG, orgInstall: true };
const hospMentor: Person = { id: "U0HMEN", teamId: HOSP, enterpriseId: ORG, orgInstall: true };
const DAY = 86_400_000;

describe.each(testProviders)("Rounds for many workspaces and an Enterprise Grid org on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let env: Record<string, string>;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    database = await createTestDatabase(provider);
    env = {
      SLACK_BOT_TOKEN: "",
      SLACK_CLIENT_ID: slack.tenants.clientId,
      SLACK_CLIENT_SECRET: slack.tenants.clientSecret,
      SLACK_STATE_SECRET: "state-secret-for-the-tenants-test",
      ROUNDS_TOKEN_KEY: KEY,
      UNINSTALL_RETENTION_DAYS: "30",
    };
    app = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env });
    ({ db } = await openDatabase(database.url));
    slack.tenants.addOrg(ORG, [MED, HOSP], "University Health");
    slack.addUser({ id: "U0CDIR", teamId: CITY, name: "Dr. City", isAdmin: true, tz: "UTC" });
    slack.addUser({ id: "U0TDIR", teamId: TOWN, name: "Dr. Town", isAdmin: true, tz: "UTC" });
    slack.addUser({ id: "U0MTRA", teamId: MED, name: "Mia Med", tz: "UTC" });
    slack.addUser({ id: "U0HMEN", teamId: HOSP, name: "Dr. Hosp", tz: "UTC" });
  });

  afterAll(async () => {
    await app?.stop();
    await db?.close();
    await slack?.stop();
    await database?.drop();
  });

  const drive = slackDriver({ app: () => app, slack: () => slack });

  /** What an installer does: opens /slack/install, presses Allow in Slack, and comes back to /slack/oauth_redirect. */
  async function install(what: StandinInstall): Promise<{ status: number; page: string }> {
    const started = await fetch(`${app.url}/slack/install`, { redirect: "manual" });
    const html = await started.text();
    const link = /href="([^"]*oauth\/v2\/authorize[^"]*)"/.exec(html)?.[1] ?? started.headers.get("location") ?? "";
    const state = new URL(link.replace(/&amp;/g, "&")).searchParams.get("state");
    expect(state).toBeTruthy();
    const cookie = (started.headers.get("set-cookie") ?? "").split(";")[0]!;
    const code = slack.tenants.authorize(what);
    const back = await fetch(`${app.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state!)}`, { headers: { cookie }, redirect: "manual" });
    return { status: back.status, page: await back.text() };
  }

  const tokenTenant = (token: string | null) => [CITY, TOWN, ORG].find((t) => slack.tenants.tokensOf(t).includes(token ?? ""));

  it("installs in two workspaces and a Grid org through /slack/install and /slack/oauth_redirect, tokens sealed at rest; a forged state installs nothing", async () => {
    for (const [what, who] of [
      [{ teamId: CITY, teamName: "City Hospital", installerUserId: "U0CDIR" }, CITY],
      [{ teamId: TOWN, teamName: "Town Clinic", installerUserId: "U0TDIR" }, TOWN],
      [{ enterpriseId: ORG, enterpriseName: "University Health", isEnterpriseInstall: true, installerUserId: "U0MTRA" }, ORG],
    ] as const) {
      const done = await install(what);
      expect(done.status, who).toBe(200);
      expect(done.page).toContain("Rounds is installed");
    }
    const rows = await db.prisma.installation.findMany({ orderBy: { tenantId: "asc" } });
    expect(rows.map((r) => [r.tenantId, r.isEnterpriseInstall])).toEqual([
      [ORG, true],
      [CITY, false],
      [TOWN, false],
    ]);
    for (const r of rows) expect(r.botToken).not.toContain("xoxb");

    const code = slack.tenants.authorize({ teamId: "T0EVIL", installerUserId: "U0EVIL" });
    const forged = await fetch(`${app.url}/slack/oauth_redirect?code=${code}&state=made-up`, { redirect: "manual" });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Rounds was not installed");
    expect(await db.prisma.installation.count({ where: { tenantId: "T0EVIL" } })).toBe(0);
  });

  it("answers each tenant with its own token, and keeps each tenant's people apart", async () => {
    for (const who of [cityDirector, townDirector, medTrainee]) {
      const before = slack.callsTo("views.publish").length;
      await drive.openHome(who);
      const calls = slack.callsTo("views.publish").slice(before).filter((c) => c.args.user_id === who.id);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.map((c) => tokenTenant(c.token))).toEqual(calls.map(() => (who.enterpriseId ?? who.teamId)));
    }
    // Each person is a member of their own tenant only; the org's people belong to the org.
    const members = await db.prisma.member.findMany({ select: { workspaceId: true, slackUserId: true }, orderBy: { slackUserId: "asc" } });
    expect(members).toEqual([
      { workspaceId: CITY, slackUserId: "U0CDIR" },
      { workspaceId: ORG, slackUserId: "U0MTRA" },
      { workspaceId: TOWN, slackUserId: "U0TDIR" },
    ]);
  });

  it("a Grid program spans its workspaces: /findmentor in the medical school suggests a mentor who works at the hospital", async () => {
    const prisma = db.prisma;
    await prisma.workspace.upsert({ where: { id: ORG }, create: { id: ORG }, update: {} });
    const programId = (await prisma.program.create({ data: { workspaceId: ORG, name: "Heme Fellowship" } })).id;
    const trainee = await prisma.member.findFirstOrThrow({ where: { workspaceId: ORG, slackUserId: "U0MTRA" } });
    await prisma.enrollment.create({ data: { workspaceId: ORG, programId, memberId: trainee.id, role: "TRAINEE" } });
    await prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: ORG, memberId: trainee.id, careerStage: "fellow", specialty: "hematology", interests: ["thrombosis"] } });
    const mentor = await prisma.member.create({ data: { workspaceId: ORG, slackUserId: "U0HMEN", name: "Dr. Hosp", tz: "UTC", refreshedAt: new Date() } });
    await prisma.enrollment.create({ data: { workspaceId: ORG, programId, memberId: mentor.id, role: "MENTOR" } });
    await prisma.profile.create({
      data: { ...EMPTY_PROFILE, workspaceId: ORG, memberId: mentor.id, careerStage: "senior_faculty", specialty: "hematology", expertise: ["thrombosis"], rolesOffered: ["mentor"], capacity: 2 },
    });
    // A mentor of another tenant with the same interests is never suggested.
    const cityProgram = (await prisma.program.create({ data: { workspaceId: CITY, name: "Heme Fellowship" } })).id;
    const cityMentor = await prisma.member.create({ data: { workspaceId: CITY, slackUserId: "U0CMEN", name: "Dr. Elsewhere", tz: "UTC", refreshedAt: new Date() } });
    await prisma.enrollment.create({ data: { workspaceId: CITY, programId: cityProgram, memberId: cityMentor.id, role: "MENTOR" } });
    await prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: CITY, memberId: cityMentor.id, careerStage: "senior_faculty", specialty: "hematology", expertise: ["thrombosis"], rolesOffered: ["mentor"] } });

    const { responseId } = await drive.command(medTrainee, "/findmentor", "");
    const cards = JSON.stringify(await drive.responseBody(responseId, 15_000));
    expect(cards).toContain("<@U0HMEN>");
    expect(cards).not.toContain("U0CMEN");
  });

  it("across the org's workspaces: the medical-school trainee requests the hospital mentor, who accepts, and the introduction group DM holds both, opened with the org's token", async () => {
    const prisma = db.prisma;
    const mentor = await prisma.member.findFirstOrThrow({ where: { workspaceId: ORG, slackUserId: "U0HMEN" } });
    const { responseId } = await drive.command(medTrainee, "/findmentor", "");
    type Button = { action_id?: string; value?: string };
    const cards = await drive.responseBody<{ blocks: { accessory?: Button; elements?: Button[] }[] }>(responseId, 15_000);
    const request = cards.blocks.flatMap((b) => [b.accessory ?? {}, ...(b.elements ?? [])]).find((e) => e.action_id === "findmentor_request" && e.value?.includes(mentor.id));
    expect(request, JSON.stringify(cards)).toBeTruthy();

    // The trainee presses Request on the card (an ephemeral message in the medical school) and sends the form.
    const callsBefore = slack.calls.length;
    const pressed = await drive.press(medTrainee, "findmentor_request", request!.value, { ephemeral: { channel: "C0GENERAL", ts: "1700000000.000200" } });
    const form = await drive.opened<{ callback_id: string; private_metadata?: string; blocks: { block_id?: string }[] }>(pressed.triggerId);
    expect(form.callback_id).toBe("request_submit");
    expect(await drive.submit(medTrainee, form, { role: input.pick("mentor"), message: input.text("Thrombosis research, across the street") })).toBe("");
    expect(textOf(await drive.dmTo(medTrainee, ":outbox_tray: You asked", 15_000))).toContain("<@U0HMEN>");

    // The mentor, in the hospital workspace, reads the request in their DM and accepts it there.
    const card = await drive.dmTo(hospMentor, "asks you to be their", 15_000);
    expect(textOf(card)).toContain("<@U0MTRA> asks you to be their *mentor*");
    const stored = await prisma.mentorRequest.findFirstOrThrow({ where: { workspaceId: ORG, traineeId: (await prisma.member.findFirstOrThrow({ where: { workspaceId: ORG, slackUserId: "U0MTRA" } })).id, mentorId: mentor.id } });
    const accepted = await drive.press(hospMentor, "request_accept", stored.id, { channel: card.channel, ts: card.ts });
    expect(await drive.response(accepted.responseId)).toContain("You accepted");
    const match = await prisma.match.findFirstOrThrow({ where: { workspaceId: ORG, mentorId: mentor.id, status: "ACTIVE" } });

    // One group DM with both people, opened and posted with the org's token: each sees the introduction.
    const group = `G-${["U0HMEN", "U0MTRA"].sort().join("-")}`;
    const intro = await slack.waitFor(() => slack.messagesIn(group).find((m) => textOf(m).includes("How often to meet")), 15_000);
    expect(textOf(intro)).toContain("<@U0MTRA>, meet <@U0HMEN> — your *mentor* in Heme Fellowship");
    const open = slack.acceptedCallsTo("conversations.open").find((c) => String(c.args.users).split(",").sort().join() === "U0HMEN,U0MTRA");
    expect(open, "conversations.open with both people").toBeTruthy();
    expect(tokenTenant(open!.token)).toBe(ORG);
    const post = slack.acceptedCallsTo("chat.postMessage").find((c) => c.args.channel === group);
    expect(tokenTenant(post!.token)).toBe(ORG);
    expect((await prisma.match.findUniqueOrThrow({ where: { id: match.id } })).introChannelId).toBe(group);
    // Every call the request and the introduction made went out with the org's token, and Slack refused none.
    const since = slack.calls.slice(callsBefore);
    expect(new Set(since.map((c) => tokenTenant(c.token)))).toEqual(new Set([ORG]));
    expect(since.filter((c) => c.refusal)).toEqual([]);
  });

  it("on Grid, an org admin who is no workspace admin directs the org's programs; a plain member of the org is refused and it is logged at info", async () => {
    const orgAdmin: Person = { id: "U0OADM", teamId: HOSP, enterpriseId: ORG, orgInstall: true };
    slack.addUser({ id: "U0OADM", teamId: HOSP, name: "Dr. Org Admin", tz: "UTC", orgAdmin: true });

    const menu = await drive.command(orgAdmin, "/mentoring-admin", "");
    const shown = JSON.stringify(await drive.responseBody(menu.responseId, 15_000));
    expect(shown).toContain("1 program in this workspace"); // the org's Heme Fellowship, not City's
    const opened = await drive.command(orgAdmin, "/mentoring-admin", "program");
    expect((await drive.opened<{ callback_id: string }>(opened.triggerId)).callback_id).toBe("admin_program");
    expect(await db.prisma.member.findFirstOrThrow({ where: { workspaceId: ORG, slackUserId: "U0OADM" } })).toMatchObject({ isAdmin: true, isOwner: false });

    const mark = app.output().length;
    const refused = await drive.command(medTrainee, "/mentoring-admin", "program");
    expect((await drive.responseBody<{ text: string }>(refused.responseId, 15_000)).text).toBe("Only program directors can use /mentoring-admin.");
    expect(slack.callsTo("views.open").some((c) => c.args.trigger_id === refused.triggerId)).toBe(false);
    const line = await slack.waitFor(() => app.output().slice(mark).split("\n").find((l) => l.includes("refused: not a director")));
    expect(JSON.parse(line)).toMatchObject({ level: 30, user: "U0MTRA", team: ORG });
  });

  it("an uninstall stops that tenant at once while the others carry on; a re-install within the retention period sends what was held", async () => {
    expect(await sendEvent(app, cityDirector, { type: "app_uninstalled" })).toBe(200);
    slack.tenants.revoke(CITY);
    await waitUntil(async () => (await db.prisma.workspace.findUnique({ where: { id: CITY } }))?.suspendedAt != null);
    const installation = await db.prisma.installation.findUniqueOrThrow({ where: { tenantId: CITY } });
    expect(installation.revokedAt).not.toBeNull();
    expect(installation.purgeAfter!.getTime() - installation.revokedAt!.getTime()).toBe(30 * DAY);

    const now = new Date();
    await enqueue(db.prisma, { workspaceId: CITY, key: "test:city", channel: "U0CDIR", payload: { text: "City news" }, notBefore: now });
    await enqueue(db.prisma, { workspaceId: TOWN, key: "test:town", channel: "U0TDIR", payload: { text: "Town news" }, notBefore: now });
    await slack.waitFor(() => slack.messagesIn("U0TDIR").find((m) => textOf(m).includes("Town news")), 15_000);
    await waitUntil(async () => (await db.prisma.outboxMessage.findFirst({ where: { workspaceId: CITY, key: "test:city" } }))?.heldAt != null);
    expect(slack.messagesIn("U0CDIR").filter((m) => textOf(m).includes("City news"))).toHaveLength(0);
    // Nothing was even tried with City's dead token.
    expect(slack.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "U0CDIR")).toHaveLength(0);

    const again = await install({ teamId: CITY, teamName: "City Hospital", installerUserId: "U0CDIR" });
    expect(again.status).toBe(200);
    const sent = await slack.waitFor(() => slack.messagesIn("U0CDIR").find((m) => textOf(m).includes("City news")), 15_000);
    expect(sent).toBeTruthy();
    const post = slack.calls.find((c) => c.method === "chat.postMessage" && c.args.channel === "U0CDIR")!;
    expect(tokenTenant(post.token)).toBe(CITY);
    expect((await db.prisma.workspace.findUniqueOrThrow({ where: { id: CITY } })).suspendedAt).toBeNull();
    expect((await db.prisma.installation.findUniqueOrThrow({ where: { tenantId: CITY } })).revokedAt).toBeNull();
  });

  it("purges an uninstalled tenant's data once the retention period is over, saying what it removed, and leaves the others whole", async () => {
    expect(await sendEvent(app, townDirector, { type: "tokens_revoked", tokens: { bot: ["UBOTTOWN"] } })).toBe(200);
    slack.tenants.revoke(TOWN);
    await waitUntil(async () => (await db.prisma.installation.findUnique({ where: { tenantId: TOWN } }))?.revokedAt != null);
    const cliEnv = { DATABASE_URL: database.url, SLACK_API_URL: slack.apiUrl, ...env };

    const early = await runCli(["job", "run", "purge-uninstalled", "--now", new Date(Date.now() + 29 * DAY).toISOString()], cliEnv);
    expect(early.out).toContain("no uninstalled workspace is past its retention period");
    const purge = await runCli(["job", "run", "purge-uninstalled", "--now", new Date(Date.now() + 31 * DAY).toISOString()], cliEnv);
    expect(purge.code, purge.all).toBe(0);
    expect(purge.out).toMatch(/purged T0TOWN \(\d+ rows?\)/);
    expect(await db.prisma.member.count({ where: { workspaceId: TOWN } })).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { workspaceId: TOWN } })).toBe(0);
    expect(await db.prisma.installation.count({ where: { tenantId: TOWN } })).toBe(0);
    expect(await db.prisma.member.count({ where: { workspaceId: CITY } })).toBeGreaterThan(0);
    expect(await db.prisma.member.count({ where: { workspaceId: ORG } })).toBe(3);

    const list = await runCli(["installations", "list"], cliEnv);
    expect(list.out).toContain("T0CITY  workspace City Hospital: installed");
    expect(list.out).toContain("E0UNI  org University Health: installed");
    expect(list.out).not.toContain("T0TOWN");
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}
