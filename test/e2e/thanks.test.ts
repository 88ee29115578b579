import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf } from "../support/slackDriver.js";
import { runCli } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";
import { thanksCounts } from "../../src/features/thanks/thanks.js";

const TEAM = "T0THX";
const CHANNEL = "C0HEME";
const P = {
  dir: { id: "U0DIR", teamId: TEAM, name: "Dr. Director", tz: "UTC" },
  ana: { id: "U0ANA", teamId: TEAM, name: "Ana Fellow", tz: "UTC" },
  ben: { id: "U0BEN", teamId: TEAM, name: "Ben Fellow", tz: "UTC" },
  maya: { id: "U0MAYA", teamId: TEAM, name: "Dr. Maya", tz: "UTC", email: "maya@example.org" },
  jun: { id: "U0JUN", teamId: TEAM, name: "Dr. Jun", tz: "UTC" },
  olga: { id: "U0OLGA", teamId: TEAM, name: "Dr. Olga (no program)", tz: "UTC" },
};
type Key = keyof typeof P;
type View = { callback_id: string; private_metadata?: string; blocks: Record<string, unknown>[] };

describe.each(testProviders)("thanking mentors on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    slack.addChannel({ id: CHANNEL, name: "heme-fellows" }); // public; Rounds has not joined it yet
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", announcementChannel: CHANNEL } })).id;
    const ids = {} as Record<Key, string>;
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, email: "email" in p ? p.email : null, tz: "UTC", refreshedAt: new Date() } })).id;
    }
    await prisma.enrollment.createMany({
      data: [
        { workspaceId: TEAM, programId, memberId: ids.dir, role: "DIRECTOR" },
        { workspaceId: TEAM, programId, memberId: ids.ana, role: "TRAINEE" },
        { workspaceId: TEAM, programId, memberId: ids.ben, role: "TRAINEE" },
        { workspaceId: TEAM, programId, memberId: ids.maya, role: "MENTOR" },
        { workspaceId: TEAM, programId, memberId: ids.jun, role: "MENTOR" },
      ],
    });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });
  const { command, response, dmTo } = drive;
  const opened = (triggerId: string) => drive.opened<View>(triggerId);

  const submit = async (who: Key, view: View, values: { mentor?: string; message?: string; shoutOut?: boolean }) => {
    const body = await drive.submit(who, view, {
      thanks_mentor: { type: "users_select", selected_user: values.mentor ?? null },
      thanks_message: { type: "plain_text_input", value: values.message ?? "" },
      thanks_shout_out: { type: "checkboxes", selected_options: values.shoutOut ? [{ value: "shout_out" }] : [] },
    });
    return JSON.parse(body) as { response_action: string; errors?: Record<string, string>; view?: View };
  };

  it("`/mentoring thanks @mentor message` reaches the mentor by DM, with the trainee's words escaped, and is counted", async () => {
    const { responseId } = await command("ana", "/mentoring", "thanks <@U0MAYA|maya> Thank you for the <b>K08</b> help & the <!channel> pep talk");
    expect(await response(responseId)).toContain("Your thanks is on its way to <@U0MAYA>");
    const dm = textOf(await dmTo("maya", "thanked you"));
    expect(dm).toContain("<@U0ANA> thanked you for your mentoring in Heme Fellowship");
    expect(dm).toContain("&lt;b&gt;K08&lt;/b&gt; help &amp; the &lt;!channel&gt; pep talk");
    const row = await db.prisma.thanks.findFirstOrThrow({ where: { workspaceId: TEAM } });
    expect(row).toMatchObject({ programId, shoutOut: false, message: "Thank you for the <b>K08</b> help & the <!channel> pep talk" });
    await new Promise((r) => setTimeout(r, 1200));
    expect(slack.messagesIn(P.maya.id).filter((m) => textOf(m).includes("thanked you"))).toHaveLength(1);
    expect(slack.messagesIn(CHANNEL)).toHaveLength(0);
  });

  it("without a mention the thanks modal opens; ticking shout-out also thanks them publicly in the program channel, without the private words", async () => {
    const { triggerId } = await command("ben", "/mentoring", "thanks");
    const modal = await opened(triggerId);
    expect(modal.callback_id).toBe("thanks_submit");
    const done = await submit("ben", modal, { mentor: P.jun.id, message: "You made clinic fun", shoutOut: true });
    expect(done.response_action).toBe("update");
    expect(JSON.stringify(done.view)).toContain(`shout-out goes to <#${CHANNEL}>`);
    expect(textOf(await dmTo("jun", "You made clinic fun"))).toContain("<@U0BEN> thanked you");
    const shout = await slack.waitFor(() => slack.messagesIn(CHANNEL).find((m) => textOf(m).includes("wants to thank")));
    expect(textOf(shout)).toContain("<@U0BEN> wants to thank <@U0JUN>");
    expect(textOf(shout)).not.toContain("clinic fun");
    expect(slack.callsTo("conversations.join").some((c) => c.args.channel === CHANNEL)).toBe(true);
    const mentioned = await command("ana", "/mentoring", "thanks <@U0JUN|jun>");
    expect(JSON.stringify(await opened(mentioned.triggerId))).toContain('"initial_user":"U0JUN"');
  });

  it("thanking yourself, an empty note, or someone who is not a mentor in your programs is refused and nothing is stored", async () => {
    const before = await db.prisma.thanks.count();
    const self = await command("ana", "/mentoring", "thanks <@U0ANA|ana> great job me");
    expect(await response(self.responseId)).toContain("You can't thank yourself");
    const { triggerId } = await command("ana", "/mentoring", "thanks");
    const modal = await opened(triggerId);
    expect(await submit("ana", modal, { mentor: P.maya.id, message: "   " })).toMatchObject({ response_action: "errors", errors: { thanks_message: "Write a few words of thanks." } });
    expect(await submit("ana", modal, { message: "Thanks!" })).toMatchObject({ response_action: "errors", errors: { thanks_mentor: "Pick the mentor you want to thank." } });
    expect((await submit("ana", modal, { mentor: P.olga.id, message: "Thanks!" })).errors?.thanks_mentor).toContain("mentors of your own programs");
    expect((await submit("ana", modal, { mentor: P.ben.id, message: "Thanks!" })).errors?.thanks_mentor).toContain("mentors of your own programs");
    expect((await submit("ana", modal, { mentor: P.ana.id, message: "Thanks!" })).errors?.thanks_mentor).toContain("can't thank yourself");
    expect(await db.prisma.thanks.count()).toBe(before);
  });

  it("directors see thank-you counts per mentor, most thanked first; others are refused", async () => {
    const again = await command("ben", "/mentoring", "thanks <@U0MAYA|maya> For the grant review");
    expect(await response(again.responseId)).toContain("on its way");
    const counts = await thanksCounts(db.prisma, TEAM);
    expect(counts.map((c) => [c.mentorSlackId, c.count, c.thankers])).toEqual([
      [P.maya.id, 2, 2],
      [P.jun.id, 1, 1],
    ]);
    expect(await thanksCounts(db.prisma, "T0OTHER")).toEqual([]);
    const { responseId } = await command("dir", "/mentoring-admin", "thanks");
    const listed = await response(responseId);
    expect(listed).toContain("1. <@U0MAYA> — 2 thank-yous from 2 people");
    expect(listed).toContain("2. <@U0JUN> — 1 thank-you from 1 person");
    expect(listed).toContain("thanks_shortlist");
    const refused = await command("ana", "/mentoring-admin", "thanks");
    expect(await response(refused.responseId)).toContain("Only program directors");
  });

  it("the award shortlist CSV goes to the director's DM from Slack, and comes from the CLI filtered by program and date", async () => {
    const { responseId } = await drive.press("dir", "thanks_shortlist", "", { channel: "D-U0DIR", ts: "1.1" });
    expect(await response(responseId)).toContain("award shortlist (2 mentors)");
    const [file] = await slack.filesSharedIn(P.dir.id); // the reply above comes after the upload
    expect(file?.title).toBe("Mentorship award shortlist");
    const rows = parse(file!.bytes!.toString("utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.rank, r.mentor, r.email, r.thanks, r.distinct_thankers])).toEqual([
      ["1", "Dr. Maya", "maya@example.org", "2", "2"],
      ["2", "Dr. Jun", "", "1", "1"],
    ]);
    expect(rows[0]!.messages).toContain("For the grant review");
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "thanks.shortlist", actor: P.dir.id } })).toBe(1);

    const cli = (...args: string[]) => runCli(["thanks-shortlist", ...args], { DATABASE_URL: database.url });
    const all = await cli("--team", TEAM, "--program", "Heme Fellowship");
    expect(all.code, all.err).toBe(0);
    expect((parse(all.out, { columns: true }) as Record<string, string>[]).map((r) => r.mentor)).toEqual(["Dr. Maya", "Dr. Jun"]);
    const future = await cli("--team", TEAM, "--since", "2999-01-01");
    expect(future.out.trim()).toBe("rank,mentor,slack_user_id,email,thanks,distinct_thankers,programs,first_thanked,last_thanked,messages");
    expect((await cli("--team", TEAM, "--program", "Nope")).err).toContain('no program named "Nope"');
    const stranger = await cli("--team", "T0NOBODY");
    expect(stranger.code).toBe(1);
    expect(stranger.err).toContain("There is no workspace T0NOBODY in this database.");
    const bad = await cli("--team", TEAM, "--since", "yesterday");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--since must be a date");
  });

  it("sending thanks from the modal asks Slack about people at most once before answering, even when both profiles are old", async () => {
    const { triggerId } = await command("ana", "/mentoring", "thanks");
    const modal = await opened(triggerId);
    const dayOld = new Date(Date.now() - 3 * 24 * 3600_000);
    await db.prisma.member.updateMany({ where: { workspaceId: TEAM, slackUserId: { in: [P.ana.id, P.maya.id] } }, data: { refreshedAt: dayOld } });
    const before = slack.callsTo("users.info").length;
    const done = await submit("ana", modal, { mentor: P.maya.id, message: "Thanks for the mock interview" });
    expect(done.response_action).toBe("update");
    expect(slack.callsTo("users.info").length - before).toBeLessThanOrEqual(1);
    expect(textOf(await dmTo("maya", "mock interview"))).toContain("<@U0ANA> thanked you");
  });
});
