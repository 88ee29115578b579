import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import { TEST_SIGNING_SECRET, type AppProcess } from "../support/appProcess.js";
import { eventBody, postToApp } from "../../src/slack/standin/requests.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf } from "../support/slackDriver.js";
import { runJob as runCliJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";

const TEAM = "T0ANN";
const TZ = "America/Chicago";
const P = {
  dir: { id: "U0DIR", teamId: TEAM, name: "Dr. Director", tz: TZ },
  ana: { id: "U0ANA", teamId: TEAM, name: "Ana Fellow", tz: TZ },
  ben: { id: "U0BEN", teamId: TEAM, name: "Ben Fellow", tz: TZ },
  cal: { id: "U0CAL", teamId: TEAM, name: "Cal Resident", tz: TZ },
};
type Key = keyof typeof P;
const CHANNEL = "C0ANNOUNCE";
const PRIVATE = "C0PRIVATE";
const PUBLIC_NOT_JOINED = "C0NOTJOINED";

type View = { callback_id: string; private_metadata?: string; submit?: { text: string }; blocks: Record<string, unknown>[] };

describe.each(testProviders)("cohort announcements on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  const cohort = { first: "", second: "" };

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    slack.addChannel({ id: CHANNEL, name: "heme-fellows", botIsMember: true });
    slack.addChannel({ id: PRIVATE, name: "fellows-private", isPrivate: true });
    slack.addChannel({ id: PUBLIC_NOT_JOINED, name: "heme-all" });
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme <Fellowship>", timezone: TZ, announcementChannel: CHANNEL } })).id;
    cohort.first = (await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2026 Fellows" } })).id;
    cohort.second = (await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2027 Fellows" } })).id;
    const ids = {} as Record<Key, string>;
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, tz: TZ, refreshedAt: new Date() } })).id;
    }
    await prisma.enrollment.createMany({
      data: [
        { workspaceId: TEAM, programId, memberId: ids.dir, role: "DIRECTOR" },
        { workspaceId: TEAM, programId, memberId: ids.ana, role: "TRAINEE", cohortId: cohort.first },
        { workspaceId: TEAM, programId, memberId: ids.ben, role: "TRAINEE", cohortId: cohort.first },
        { workspaceId: TEAM, programId, memberId: ids.cal, role: "TRAINEE", cohortId: cohort.second },
      ],
    });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });
  const { press, response, postsIn } = drive;
  const command = (who: Key, text: string) => drive.command(who, "/mentoring-admin", text);
  const opened = (triggerId: string) => drive.opened<View>(triggerId);
  /** A press on the message in the director's DM (with a response_url). */
  const ON_DM = { channel: "D-U0DIR", ts: "1.1" };

  /** A view submission; `body` is the parsed answer, null when the modal just closes. */
  const submit = async (who: Key, view: View, values: Record<string, unknown>) => {
    const { answer, viewId } = await drive.submission<{ response_action: string; view?: View; errors?: Record<string, string> }>(who, view, values);
    return { body: answer, viewId };
  };

  const form = (o: { text: string; cohorts?: string[]; channel?: string; notify?: boolean; dm?: boolean; when?: { date: string; time: string } }) => ({
    ann_program: { type: "static_select", selected_option: { value: programId } },
    ...(o.cohorts ? { ann_cohorts: { type: "multi_static_select", selected_options: o.cohorts.map((value) => ({ value })) } } : {}),
    ...(o.channel ? { ann_channel: { type: "conversations_select", selected_conversation: o.channel } } : {}),
    ann_text: { type: "plain_text_input", value: o.text },
    ann_options: { type: "checkboxes", selected_options: [...(o.notify ? [{ value: "notify_everyone" }] : []), ...(o.dm ? [{ value: "also_dm" }] : [])] },
    ann_when: { type: "radio_buttons", selected_option: { value: o.when ? "later" : "now" } },
    ann_date: { type: "datepicker", selected_date: o.when?.date ?? null },
    ann_time: { type: "timepicker", selected_time: o.when?.time ?? null },
  });

  /**
   * Preview pressed on a new (or scheduled) announcement: the modal says "Preparing the preview…" at
   * once (Slack is asked about the channel after the answer), then turns into the preview.
   */
  const previewShown = async (sent: Awaited<ReturnType<typeof submit>>) => {
    expect(sent.body?.response_action, JSON.stringify(sent.body)).toBe("update");
    expect(JSON.stringify(sent.body?.view)).toContain("Preparing the preview");
    const update = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === sent.viewId && (c.args.view as View).callback_id === "announce_preview_submit"));
    return update.args.view as View;
  };

  /** `/mentoring-admin announce` → the form → Preview: returns the preview view. */
  const preview = async (values: Parameters<typeof form>[0]) => {
    const { triggerId } = await command("dir", "announce");
    const compose = await opened(triggerId);
    return previewShown(await submit("dir", compose, form(values)));
  };

  const runJob = (now: Date) => runCliJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "announcements", now);

  it("compose → preview (exactly the post, broadcasts neutralised) → back to edit → post: the channel gets it once, the chosen cohort by DM, and it is recorded", async () => {
    const { triggerId } = await command("dir", "announce");
    const compose = await opened(triggerId);
    expect(compose.callback_id).toBe("announce_compose_submit");
    expect(JSON.stringify(compose)).toContain(`"initial_conversation":"${CHANNEL}"`);
    expect(JSON.stringify(compose)).toContain("2026 Fellows");
    const text = "Welcome <@U0ANA>! Journal club at <https://example.org|the library> <!channel> <!here|here> & snacks";
    const first = await submit("dir", compose, form({ text, cohorts: [cohort.first], dm: true }));
    const view = await previewShown(first);
    expect(view.callback_id).toBe("announce_preview_submit");
    expect(view.submit?.text).toBe("Post");
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain("Welcome <@U0ANA>! Journal club at <https://example.org|the library> &lt;!channel&gt; &lt;!here|here&gt;");
    expect(shown).not.toContain("<!channel>");
    expect(shown).toContain("2026 Fellows");
    expect(shown).toContain("each of the 2 members");
    expect(shown).toContain("notify no one");

    const back = await press("dir", "announce_back", "", { view: { ...view, id: first.viewId } });
    const update = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === first.viewId && (c.args.view as View).callback_id !== "announce_preview_submit"));
    expect((update.args.view as View).callback_id).toBe("announce_compose_submit");
    expect(JSON.stringify(update.args.view)).toContain("Journal club");
    expect(back.triggerId).toBeTruthy();

    const posted = await submit("dir", view, {});
    expect(JSON.stringify(posted.body)).toContain("Posting…");
    const post = await slack.waitFor(() => postsIn(CHANNEL, "Journal club")[0]);
    expect(post.text!.startsWith("<!channel>")).toBe(false);
    expect(textOf(post)).toContain("&lt;!channel&gt;");
    expect(textOf(post)).toContain("<@U0ANA>");
    expect(textOf(post)).toContain("Heme &lt;Fellowship&gt;");
    await slack.waitFor(() => postsIn(P.ana.id, "Journal club")[0] && postsIn(P.ben.id, "Journal club")[0]);
    const row = await db.prisma.announcement.findFirstOrThrow({ where: { workspaceId: TEAM, text: { contains: "Journal club" } } });
    const recorded = await waitForRow(() => db.prisma.announcement.findUniqueOrThrow({ where: { id: row.id } }), (r) => r.postedTs !== null);
    expect(recorded).toMatchObject({ status: "POSTED", postedChannel: CHANNEL, postedTs: post.ts, createdById: P.dir.id });
    await new Promise((r) => setTimeout(r, 1200)); // one more outbox poll: nothing may arrive twice
    expect(postsIn(CHANNEL, "Journal club")).toHaveLength(1);
    expect(postsIn(P.cal.id, "Journal club")).toHaveLength(0);
    expect(postsIn(P.ana.id, "Journal club")).toHaveLength(1);
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "announcement.create", target: row.id, actor: P.dir.id } })).toBe(1);
  });

  it("with “notify everyone” ticked the post starts with <!channel>", async () => {
    const view = await preview({ text: "Grand rounds moved to 8 am", notify: true });
    expect(JSON.stringify(view)).toContain("<!channel> Grand rounds moved");
    await submit("dir", view, {});
    const post = await slack.waitFor(() => postsIn(CHANNEL, "Grand rounds moved")[0]);
    expect(post.text).toBe("<!channel> Grand rounds moved to 8 am");
  });

  it("a time in the past, or no text, is refused next to the field and nothing is saved", async () => {
    const { triggerId } = await command("dir", "announce");
    const compose = await opened(triggerId);
    const before = await db.prisma.announcement.count();
    const past = await submit("dir", compose, form({ text: "Late", when: { date: "2020-01-01", time: "09:00" } }));
    expect(past.body).toMatchObject({ response_action: "errors", errors: { ann_time: expect.stringContaining("has passed") } });
    const empty = await submit("dir", compose, form({ text: "   " }));
    expect(empty.body).toMatchObject({ response_action: "errors", errors: { ann_text: "Write the announcement." } });
    const missing = await submit("dir", compose, form({ text: "When?", when: { date: "", time: "" } }));
    expect(Object.keys(missing.body!.errors!)).toEqual(expect.arrayContaining(["ann_date", "ann_time"]));
    expect(await db.prisma.announcement.count()).toBe(before);
  });

  it("a scheduled announcement can be edited before it goes, fires once at its time (job run twice, and twice at once), and editing it after updates the posted message", async () => {
    const day = DateTime.now().setZone(TZ).plus({ days: 2 }).toFormat("yyyy-MM-dd");
    const view = await preview({ text: "Mock interviews on Friday", when: { date: day, time: "09:30" } });
    expect(view.submit?.text).toBe("Schedule");
    const dueWords = DateTime.fromISO(`${day}T09:30`, { zone: TZ }).setLocale("en-US").toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
    expect(JSON.stringify(view)).toContain(`on *${dueWords}*`); // in the program's zone, in the one date style
    const saved = await submit("dir", view, {});
    await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === saved.viewId && JSON.stringify(c.args.view).includes("Announcement scheduled")));
    const row = await db.prisma.announcement.findFirstOrThrow({ where: { text: "Mock interviews on Friday" } });
    const due = DateTime.fromISO(`${day}T09:30`, { zone: TZ }).toJSDate();
    expect(row).toMatchObject({ status: "SCHEDULED", postAt: due });

    // Edit before it goes: from the list.
    const list = await command("dir", "announcements");
    const listed = await response(list.responseId);
    expect(listed).toContain("Scheduled");
    expect(listed).toContain(`"action_id":"announce_edit","value":"${row.id}"`);
    const edit = await press("dir", "announce_edit", row.id, ON_DM);
    const editForm = await opened(edit.triggerId);
    expect(JSON.stringify(editForm)).toContain("Mock interviews on Friday");
    expect(JSON.stringify(editForm)).toContain('"initial_time":"09:30"');
    const editPreview = await submit("dir", editForm, form({ text: "Mock interviews on Friday, room 4B", when: { date: day, time: "09:30" } }));
    const editView = await previewShown(editPreview);
    expect(editView.submit?.text).toBe("Save changes");
    await submit("dir", editView, {});
    await waitForRow(() => db.prisma.announcement.findUniqueOrThrow({ where: { id: row.id } }), (r) => r.text.endsWith("room 4B"));
    expect(await db.prisma.auditLog.count({ where: { action: "announcement.edit", target: row.id } })).toBe(1);

    const early = await runJob(new Date(due.getTime() - 60_000));
    expect(early.code, early.out).toBe(0);
    expect(early.out).toContain('"handedOver":0');
    const [a, b] = await Promise.all([runJob(new Date(due.getTime() + 30_000)), runJob(new Date(due.getTime() + 30_000))]);
    const again = await runJob(new Date(due.getTime() + 90_000));
    expect(`${a.out}${b.out}${again.out}`.match(/"handedOver":1/g)).toHaveLength(1);
    const post = await slack.waitFor(() => postsIn(CHANNEL, "room 4B")[0]).catch((e: Error) => {
      throw new Error(`${e.message}\n${a.out}\n${b.out}\n${again.out}\n${app.output().slice(-3000)}`);
    });
    await new Promise((r) => setTimeout(r, 1200));
    expect(postsIn(CHANNEL, "room 4B")).toHaveLength(1);
    const recorded = await waitForRow(() => db.prisma.announcement.findUniqueOrThrow({ where: { id: row.id } }), (r) => r.postedTs !== null);
    expect(recorded.postedTs).toBe(post.ts);

    // Edit after: only the words, and the message in Slack changes.
    const after = await press("dir", "announce_edit", row.id, ON_DM);
    const postedForm = await opened(after.triggerId);
    expect(JSON.stringify(postedForm)).toContain("Already posted");
    expect(JSON.stringify(postedForm)).not.toContain("ann_when");
    const postedPreview = await submit("dir", postedForm, { ann_text: { type: "plain_text_input", value: "Mock interviews moved to room 5C" } });
    await submit("dir", postedPreview.body!.view!, {});
    await slack.waitFor(() => slack.callsTo("chat.update").find((c) => c.args.ts === post.ts && c.args.channel === CHANNEL));
    expect(slack.messagesIn(CHANNEL).find((m) => m.ts === post.ts)!.text).toBe("Mock interviews moved to room 5C");
    expect(postsIn(CHANNEL, "room 5C")).toHaveLength(1);
  });

  it("editing a posted announcement that also went by DM says, at each step, that the DM copies keep the old words — and they do", async () => {
    const row = await db.prisma.announcement.findFirstOrThrow({ where: { workspaceId: TEAM, text: { contains: "Journal club" } } });
    const copies = "The copies members got by DM keep the old words.";
    const { triggerId } = await press("dir", "announce_edit", row.id, ON_DM);
    const postedForm = await opened(triggerId);
    expect(JSON.stringify(postedForm)).toContain(`you can change the words, and Rounds updates the channel message. ${copies}`);
    const previewed = await submit("dir", postedForm, { ann_text: { type: "plain_text_input", value: "Journal club moved to the atrium" } });
    expect(JSON.stringify(previewed.body!.view)).toContain(`Rounds will update the message already posted in <#${CHANNEL}>. Slack notifies nobody of the edit. ${copies}`);
    const saved = await submit("dir", previewed.body!.view!, {});
    const done = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === saved.viewId && JSON.stringify(c.args.view).includes("Announcement updated")));
    expect(JSON.stringify(done.args.view)).toContain(`now says what you wrote. ${copies}`);
    expect(JSON.stringify(done.args.view)).toContain('"action_id":"announce_list"'); // the next step is a button
    expect(slack.messagesIn(CHANNEL).find((m) => m.ts === row.postedTs)!.text).toBe("Journal club moved to the atrium");
    expect(postsIn(P.ana.id, "atrium")).toHaveLength(0);
    expect(postsIn(P.ana.id, "Journal club at")).toHaveLength(1);
  });

  it("a director cancels a scheduled announcement from the list: Cancel asks first, the list comes back saying Cancelled with nothing left to press, and the job never posts it", async () => {
    const day = DateTime.now().setZone(TZ).plus({ days: 3 }).toFormat("yyyy-MM-dd");
    await submit("dir", await preview({ text: "Cancelled social", when: { date: day, time: "18:00" } }), {});
    const row = await waitForRow(() => db.prisma.announcement.findFirst({ where: { text: "Cancelled social" } }), (r) => r !== null);
    const list = await command("dir", "announcements");
    const listed = await drive.responseBody<{ blocks: { type: string; elements?: { action_id: string; value?: string; style?: string; confirm?: { title: { text: string }; text: { text: string } } }[] }[] }>(list.responseId);
    const cancel = listed.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "announce_cancel" && e.value === row!.id)!;
    expect(cancel.style).toBe("danger");
    expect(cancel.confirm).toMatchObject({ title: { text: "Cancel this announcement?" }, text: { text: "It will not be posted, and nobody gets it by DM. This can't be undone." } });

    const { responseId } = await press("dir", "announce_cancel", row!.id, { ephemeral: { channel: "C0GENERAL", ts: "1.5" } });
    const after = await drive.responseBody<{ replace_original?: boolean; blocks: { type: string; text?: { text: string }; elements?: { action_id: string; value?: string }[] }[] }>(responseId);
    expect(after.replace_original).toBe(true);
    expect(after.blocks[0]!.text!.text).toContain("Cancelled: the announcement for Heme &lt;Fellowship&gt; in <#C0ANNOUNCE> will not be posted.");
    const rowLine = after.blocks.findIndex((b) => b.text?.text.includes("Cancelled social"));
    expect(after.blocks[rowLine]!.text!.text).toContain(":no_entry_sign: Cancelled");
    expect(after.blocks[rowLine]!.text!.text).not.toContain("Scheduled");
    expect(after.blocks.flatMap((b) => b.elements ?? []).filter((e) => e.value === row!.id)).toEqual([]);
    expect((await db.prisma.announcement.findUniqueOrThrow({ where: { id: row!.id } })).status).toBe("CANCELLED");
    expect(await db.prisma.auditLog.count({ where: { action: "announcement.cancel", target: row!.id } })).toBe(1);
    expect((await runJob(DateTime.fromISO(`${day}T18:01`, { zone: TZ }).toJSDate())).out).toContain('"handedOver":0');
    expect(postsIn(CHANNEL, "Cancelled social")).toHaveLength(0);
  });

  it("a private channel Rounds is not in: the director is told how to invite it, nothing is lost, and once invited it posts", async () => {
    const view = await preview({ text: "Private cohort dinner", channel: PRIVATE });
    expect(JSON.stringify(view)).toContain("/invite @mentoring-rounds"); // the bot's name from auth.test, not a hard-coded "@Rounds"
    expect(JSON.stringify(view)).not.toContain("@Rounds");
    const done = await submit("dir", view, {});
    await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === done.viewId && JSON.stringify(c.args.view).includes("/invite @mentoring-rounds")));
    const notice = await slack.waitFor(() => postsIn(P.dir.id, "/invite @mentoring-rounds").find((m) => textOf(m).includes("Private cohort dinner")));
    expect(textOf(notice)).toContain(`<#${PRIVATE}>`);
    expect(textOf(notice)).toContain("announce_invite_retry");
    expect(textOf(notice)).toContain('"action_id":"announce_invite_cancel"');
    expect(textOf(notice)).toContain("Cancel this announcement?");
    expect(postsIn(PRIVATE, "Private cohort dinner")).toHaveLength(0);
    const row = await db.prisma.announcement.findFirstOrThrow({ where: { text: "Private cohort dinner" } });
    expect(row.postedTs).toBeNull();
    const list = await command("dir", "announcements");
    expect(await response(list.responseId)).toContain("Waiting");

    const retry = await press("dir", "announce_invite_retry", row.id, ON_DM);
    expect(await response(retry.responseId)).toContain("Trying again now");
    await waitForRow(() => db.prisma.outboxMessage.findFirstOrThrow({ where: { key: `announcement:${row.id}` } }), (o) => o.status === "FAILED" && o.attempts === 1);
    expect(postsIn(PRIVATE, "Private cohort dinner")).toHaveLength(0);
    expect(await db.prisma.auditLog.count({ where: { action: "announcement.retry", target: row.id } })).toBe(1);

    slack.inviteBot(PRIVATE);
    const event = eventBody(TEAM, { type: "member_joined_channel", user: slack.botUserId, channel: PRIVATE, channel_type: "G", team: TEAM, event_ts: `${Date.now() / 1000}` });
    expect((await postToApp(app.url, event, "json", { secret: TEST_SIGNING_SECRET })).status).toBe(200);
    const post = await slack.waitFor(() => postsIn(PRIVATE, "Private cohort dinner")[0]);
    const recorded = await waitForRow(() => db.prisma.announcement.findUniqueOrThrow({ where: { id: row.id } }), (r) => r.postedTs !== null);
    expect(recorded.postedTs).toBe(post.ts);
    expect(postsIn(P.dir.id, "/invite @mentoring-rounds").filter((m) => textOf(m).includes("Private cohort dinner"))).toHaveLength(1);
  });

  it("a public channel Rounds has not joined is joined, then posted in", async () => {
    await submit("dir", await preview({ text: "All-hands journal club", channel: PUBLIC_NOT_JOINED }), {});
    await slack.waitFor(() => postsIn(PUBLIC_NOT_JOINED, "All-hands journal club")[0]);
    expect(slack.callsTo("conversations.join").some((c) => c.args.channel === PUBLIC_NOT_JOINED)).toBe(true);
    expect(slack.botIsMemberOf(PUBLIC_NOT_JOINED)).toBe(true);
  });

  it("non-directors are refused: the command, and a forged preview submission, change nothing", async () => {
    const { responseId } = await command("ana", "announce");
    expect(await response(responseId)).toContain("Only program directors");
    const before = await db.prisma.announcement.count();
    const forged = {
      callback_id: "announce_preview_submit",
      private_metadata: JSON.stringify({ id: null, posted: false, programId, cohortIds: [], channelId: CHANNEL, text: "Forged", notifyEveryone: true, alsoDm: false, postAt: null }),
      blocks: [],
    };
    const { body } = await submit("ana", forged, {});
    expect(JSON.stringify(body)).toContain("Only program directors");
    await new Promise((r) => setTimeout(r, 500));
    expect(await db.prisma.announcement.count()).toBe(before);
    expect(postsIn(CHANNEL, "Forged")).toHaveLength(0);
  });
});

async function waitForRow<T>(read: () => Promise<T>, ok: (row: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await read();
    if (ok(row)) return row;
    if (Date.now() > deadline) throw new Error(`row never matched: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
