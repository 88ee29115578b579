import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { testProviders } from "../support/databases.js";
import { cancelAnnouncement, createAnnouncement, editAnnouncement, finishAllDelivered, finishDelivered, handOver, handOverDue } from "../../src/features/announcements/announcements.js";
import { AnnouncementNotEditable } from "../../src/domain/errors.js";
import { announcementMessages } from "../../src/features/announcements/views/messages.js";

const TEAM = "T0DELIV";
const by = { workspaceId: TEAM, actor: "U0DIR" };

describe.each(testProviders)("announcement delivery bookkeeping on %s", (provider) => {
  let t: MigratedTestDatabase;
  let programId = "";
  let cohortId = "";

  beforeAll(async () => {
    t = await createMigratedDatabase(provider);
    await t.prisma.workspace.create({ data: { id: TEAM } });
    programId = (await t.prisma.program.create({ data: { workspaceId: TEAM, name: "Heme", announcementChannel: "C0ANN" } })).id;
    cohortId = (await t.prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2026" } })).id;
    for (const [i, id] of ["U0A", "U0B", "U0C"].entries()) {
      const m = await t.prisma.member.create({ data: { workspaceId: TEAM, slackUserId: id, name: id, refreshedAt: new Date() } });
      // U0A is enrolled twice (trainee and mentor) and must get one DM; U0C is in no cohort.
      await t.prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: m.id, role: "TRAINEE", cohortId: i < 2 ? cohortId : null } });
      if (i === 0) await t.prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: m.id, role: "MENTOR", cohortId } });
    }
  });

  afterAll(async () => t?.drop());

  const draft = (text: string, postAt: Date | null) => ({ programId, cohortIds: [cohortId], channelId: "C0ANN", text, notifyEveryone: false, alsoDm: true, postAt });
  const outbox = (prefix: string) => t.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM, key: { startsWith: prefix } } });

  it("a post that went out before a crash (the outbox hook never ran) is recorded by the job's sweep, and each cohort member gets one DM however often it runs", async () => {
    const now = new Date();
    const a = await createAnnouncement(t.prisma, by, draft("Crash-safe hello", null), now);
    expect(await handOver(t.prisma, a, now, announcementMessages)).toBe(true);
    expect(await handOver(t.prisma, a, now, announcementMessages)).toBe(false);
    const [post] = await outbox(`announcement:${a.id}`);
    expect(post).toBeDefined();
    await expect(cancelAnnouncement(t.prisma, by, a.id, now)).rejects.toBeInstanceOf(AnnouncementNotEditable);
    await expect(editAnnouncement({ db: t.prisma, now, workspaceId: by.workspaceId, messages: announcementMessages }, by, a.id, draft("Too late", null))).rejects.toBeInstanceOf(AnnouncementNotEditable);

    await t.prisma.outboxMessage.update({ where: { id: post!.id }, data: { status: "SENT", postedChannel: "C0ANN", postedTs: "111.222" } });
    expect(await finishAllDelivered(t.prisma, { now, sendFrom: now }, announcementMessages)).toEqual({ finished: 1, queued: 2 });
    expect(await finishAllDelivered(t.prisma, { now, sendFrom: now }, announcementMessages)).toEqual({ finished: 0, queued: 0 });
    expect(await finishDelivered(t.prisma, TEAM, a.id, { channel: "C0ANN", ts: "111.222" }, now, announcementMessages)).toBe(0);
    const row = await t.prisma.announcement.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ status: "POSTED", postedChannel: "C0ANN", postedTs: "111.222" });
    const dms = await outbox(`announcement-dm:${a.id}:`);
    expect(dms.map((d) => d.channel).sort()).toEqual(["U0A", "U0B"]);
  });

  it("an edit saved after the job read a due announcement is what gets posted", async () => {
    const now = new Date();
    const read = await createAnnouncement(t.prisma, by, draft("Old words", new Date(now.getTime() - 1000)), now);
    const edited = { ...draft("New words", new Date(now.getTime() - 1000)), notifyEveryone: true };
    expect((await editAnnouncement({ db: t.prisma, now, workspaceId: by.workspaceId, messages: announcementMessages }, by, read.id, edited)).kind).toBe("rescheduled");

    expect(await handOver(t.prisma, read, now, announcementMessages)).toBe(true);

    const [post] = await outbox(`announcement:${read.id}`);
    const payload = post!.payload as { text: string };
    expect(payload.text).toContain("New words");
    expect(payload.text).not.toContain("Old words");
    expect(payload.text.startsWith("<!channel>")).toBe(true);
  });

  it("the due sweep hands over only what is due, once, and never a cancelled one", async () => {
    const now = new Date();
    const soon = await createAnnouncement(t.prisma, by, draft("Due soon", new Date(now.getTime() + 60_000)), now);
    const cancelled = await createAnnouncement(t.prisma, by, draft("Cancelled", new Date(now.getTime() + 60_000)), now);
    await cancelAnnouncement(t.prisma, by, cancelled.id, now);
    expect(await handOverDue(t.prisma, { now, sendFrom: now }, announcementMessages)).toBe(0);
    const later = new Date(now.getTime() + 120_000);
    const [x, y] = await Promise.all([handOverDue(t.prisma, { now: later, sendFrom: now }, announcementMessages), handOverDue(t.prisma, { now: later, sendFrom: now }, announcementMessages)]);
    expect(x + y).toBe(1);
    expect(await outbox(`announcement:${soon.id}`)).toHaveLength(1);
    expect(await outbox(`announcement:${cancelled.id}`)).toHaveLength(0);
    expect(await t.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "announcement.cancel", target: cancelled.id } })).toBe(1);
  });
});
