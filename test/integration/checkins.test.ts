import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database } from "../../src/store/database.js";
import { queueDueCheckins } from "../../src/features/checkins/checkins.js";
import { answerCheckin, answerStayPauseLeave } from "../../src/features/checkins/checkinsAnswer.js";
import { checkinMessages, LEAVE_NOTE } from "../../src/features/checkins/views/messages.js";
import { requestMessages } from "../../src/features/requests/views/messages.js";
import { NotYourCheckin } from "../../src/domain/errors.js";
import { runBatchOnce } from "../../src/store/checkinsBatch.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { oneClock } from "../support/jobRunner.js";
import { messageOf } from "../../src/slack/outboxRender.js";

const TEAM = "T0CHECKIN";
const OTHER_TEAM = "T1CHECKIN";
/** A Monday, past 10:00 UTC: the check-in for a period that ended on Sunday 15 February is due. */
const NOW = new Date("2026-03-02T12:00:00Z");
const DAY = 86_400_000;

/** What the outbox posts for a queued row (rendered at send time). */
const sentMessage = (row: { id: string; workspaceId: string; key: string; channel: string; payload: unknown; createdAt: Date }) =>
  messageOf({ ...row, payload: row.payload as Record<string, unknown>, kind: "MESSAGE", attempts: 0, claimedAt: null }) as { text: string; blocks: unknown[] };

describe.each(testProviders)("the check-in job on %s", (provider) => {
  let database: MigratedTestDatabase;
  let second: Database;
  const ids: Record<string, string> = {};
  let program = "";
  let quietProgram = "";

  const member = async (key: string, extra: Record<string, unknown> = {}, workspaceId = TEAM) => {
    ids[key] = (await database.prisma.member.create({ data: { workspaceId, slackUserId: `U${key.toUpperCase()}`, name: `Dr. ${key}`, tz: "UTC", refreshedAt: NOW, ...extra } })).id;
  };
  const match = async (key: string, trainee: string, mentor: string, startedAt: string, extra: Record<string, unknown> = {}) => {
    ids[key] = (await database.prisma.match.create({ data: { workspaceId: TEAM, programId: program, traineeId: ids[trainee]!, mentorId: ids[mentor]!, role: "mentor", startedAt: new Date(startedAt), ...extra } })).id;
  };
  const outboxTo = (slackUserId: string) => database.prisma.outboxMessage.findMany({ where: { channel: slackUserId }, orderBy: { createdAt: "asc" } });
  const keysOf = async (slackUserId: string) => (await outboxTo(slackUserId)).map((m) => m.key.split(":")[0]);

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    second = connect(database.url);
    const p = database.prisma;
    await p.workspace.createMany({ data: [{ id: TEAM }, { id: OTHER_TEAM }] });
    program = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme", checkinAlsoTrainee: true } })).id;
    quietProgram = (await p.program.create({ data: { workspaceId: TEAM, name: "On break", breaks: [{ from: "2026-02-14", to: "2026-02-20" }] } })).id;
    for (const k of ["ana", "ben", "cal", "dee", "eve", "fay", "maya", "jun", "rae", "sol", "tom", "dir", "boss", "bystander"]) await member(k);
    await p.member.update({ where: { id: ids.boss }, data: { directorGrantedAt: NOW, directorGrantedBy: "cli" } });
    await p.member.update({ where: { id: ids.sol }, data: { pausedAt: new Date(NOW.getTime() - 30 * DAY) } });
    await p.enrollment.create({ data: { workspaceId: TEAM, programId: program, memberId: ids.dir!, role: "DIRECTOR" } });
    await member("olga", {}, OTHER_TEAM);

    await match("fresh", "ana", "maya", "2026-01-15T09:00:00Z");
    await match("paused", "ben", "sol", "2026-01-15T09:00:00Z");
    await match("ended", "cal", "jun", "2026-01-15T09:00:00Z", { status: "ENDED", endedAt: new Date("2026-02-01T00:00:00Z") });
    ids.onBreak = (await p.match.create({ data: { workspaceId: TEAM, programId: quietProgram, traineeId: ids.cal!, mentorId: ids.tom!, role: "coach", startedAt: new Date("2026-01-15T09:00:00Z") } })).id;
    // Two answered periods without a meeting: the directors hear about it.
    await match("stuck", "dee", "jun", "2025-12-01T09:00:00Z");
    for (const periodKey of ["2025-12-01", "2026-01-01"]) {
      await p.checkin.create({ data: { workspaceId: TEAM, matchId: ids.stuck!, periodKey, recipient: "mentor", sentAt: new Date(`${periodKey}T10:00:00Z`), answer: "NOT_YET", answeredAt: new Date(`${periodKey}T11:00:00Z`) } });
    }
    // Three check-ins in a row nobody answered: the mentor is asked to stay, pause or leave.
    await match("silent", "eve", "rae", "2025-10-01T09:00:00Z");
    for (const periodKey of ["2025-10-01", "2025-11-01", "2025-12-01"]) {
      const sentAt = new Date(new Date(`${periodKey}T10:00:00Z`).getTime() + 31 * DAY);
      await p.checkin.create({ data: { workspaceId: TEAM, matchId: ids.silent!, periodKey, recipient: "mentor", sentAt } });
    }
  });

  afterAll(async () => {
    await second?.close();
    await database?.drop();
  });

  it("two job runs (two instances) and a third later queue each check-in exactly once", async () => {
    // PostgreSQL: truly at once. SQLite: one after the other (in one process its synchronous driver
    // would block the other client's open transaction; two processes are covered end to end).
    const [a, b] =
      provider === "postgresql"
        ? await Promise.all([queueDueCheckins(database.prisma, oneClock(NOW)), queueDueCheckins(second.prisma, oneClock(NOW))])
        : [await queueDueCheckins(database.prisma, oneClock(NOW)), await queueDueCheckins(second.prisma, oneClock(NOW))];
    const again = await queueDueCheckins(database.prisma, oneClock(NOW));
    expect(again).toMatchObject({ checkins: 0, reminders: 0, escalations: 0, asks: 0 });
    // fresh, stuck and silent: mentor + trainee each; paused: the trainee only.
    expect(a.checkins + b.checkins).toBe(7);
    expect(a.escalations + b.escalations).toBe(2); // stuck (no meeting) and silent (ignored periods)
    expect(a.asks + b.asks).toBe(1);
    const rows = await database.prisma.checkin.findMany({ where: { matchId: ids.fresh } });
    expect(rows.map((r) => r.recipient).sort()).toEqual(["mentor", "trainee"]);
    expect(rows.every((r) => r.periodKey === "2026-01-15" && r.sentAt?.getTime() === NOW.getTime())).toBe(true);
    expect(await keysOf("UMAYA")).toEqual(["checkin"]);
    expect(await keysOf("UANA")).toEqual(["checkin"]);
    const dm = (await outboxTo("UMAYA"))[0]!;
    // Queued as its card; the outbox renders it when it sends it.
    expect(dm.payload).toMatchObject({ render: "checkin" });
    expect(sentMessage(dm).text).toBe("Did you and Dr. ana meet since Thu 15 Jan 2026?");
    expect(JSON.stringify(sentMessage(dm))).toContain(rows.find((r) => r.recipient === "mentor")!.id);
  });

  it("paused people, ended matches and periods ending in a program break get nothing", async () => {
    expect(await outboxTo("USOL")).toHaveLength(0);
    expect(await keysOf("UBEN")).toEqual(["checkin"]); // the trainee of a paused mentor is still asked
    expect(await outboxTo("UTOM")).toHaveLength(0);
    expect(await database.prisma.checkin.count({ where: { matchId: { in: [ids.ended!, ids.onBreak!] } } })).toBe(0);
  });

  it("escalations go to the program's directors and granted directors only, with the answers so far", async () => {
    const escalations = await database.prisma.outboxMessage.findMany({ where: { key: { startsWith: `escalate:${ids.stuck}:` } } });
    expect(escalations.map((m) => m.channel).sort()).toEqual(["UBOSS", "UDIR"]);
    const body = JSON.stringify(sentMessage(escalations[0]!));
    expect(body).toContain("No meeting for 2 periods in a row");
    expect(body).toContain("since Mon 1 Dec 2025: <@UJUN> Not yet");
    for (const button of ["checkin_nudge", "checkin_reassign", "checkin_end"]) expect(body).toContain(button);
    expect(await outboxTo("UBYSTANDER")).toHaveLength(0);
    expect(await keysOf("URAE")).toEqual(expect.arrayContaining(["checkin", "stay"]));
  });

  it("one reminder 3 days after an unanswered check-in, at the next 10:00, never a second; a run ahead of the real clock queues it to go out at once", async () => {
    expect((await queueDueCheckins(database.prisma, oneClock(new Date(NOW.getTime() + 3 * DAY + 60_000)))).reminders).toBe(0);
    const later = new Date(NOW.getTime() + 4 * DAY);
    // As `job run checkins --now <later>` does while the real clock still reads NOW.
    const first = await queueDueCheckins(database.prisma, { now: later, sendFrom: NOW });
    const reminders = await database.prisma.outboxMessage.findMany({ where: { key: { startsWith: "reminder:" } } });
    expect(reminders.length).toBe(first.reminders);
    expect(reminders.every((m) => m.notBefore.getTime() === NOW.getTime())).toBe(true);
    const second = await queueDueCheckins(database.prisma, oneClock(new Date(later.getTime() + DAY)));
    expect(second.reminders).toBe(0);
    expect(first.reminders).toBeGreaterThanOrEqual(2);
    expect(await keysOf("UMAYA")).toEqual(["checkin", "reminder"]);
    expect((await database.prisma.checkin.findFirstOrThrow({ where: { matchId: ids.fresh, recipient: "mentor" } })).reminderSentAt).toEqual(later);
  });

  it("an answer is recorded once and a second click changes it; Need help tells the directors once; a stranger changes nothing", async () => {
    const c = await database.prisma.checkin.findFirstOrThrow({ where: { matchId: ids.fresh, recipient: "mentor" } });
    await expect(answerCheckin({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: checkinMessages }, "UBYSTANDER", c.id, "MET", null)).rejects.toBeInstanceOf(NotYourCheckin);
    await expect(answerCheckin({ db: database.prisma, workspaceId: OTHER_TEAM, now: NOW, messages: checkinMessages }, "UOLGA", c.id, "MET", null)).rejects.toThrow();
    expect((await database.prisma.checkin.findUniqueOrThrow({ where: { id: c.id } })).answer).toBeNull();

    const first = await answerCheckin({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: checkinMessages }, "UMAYA", c.id, "NEED_HELP", { channel: "D-UMAYA", ts: "1.1" });
    expect(first.escalated).toBe(true);
    const again = await answerCheckin({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: checkinMessages }, "UMAYA", c.id, "NEED_HELP", { channel: "D-UMAYA", ts: "1.1" });
    expect(again.escalated).toBe(false);
    const changed = await answerCheckin({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: checkinMessages }, "UMAYA", c.id, "MET", { channel: "D-UMAYA", ts: "1.1" });
    expect(changed.updates[0]).toMatchObject({ ref: { channel: "D-UMAYA", ts: "1.1" }, card: { answer: "MET", answeredBySlackId: "UMAYA" } });
    // The trainee's own check-in for the period shows the mentor's answer too.
    expect(changed.updates.map((u) => u.card.recipient)).toEqual(["mentor"]); // the trainee's DM was never posted (no outbox worker here)
    const rows = await database.prisma.checkin.findMany({ where: { matchId: ids.fresh } });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === c.id)).toMatchObject({ answer: "MET", answeredById: ids.maya });
    expect(await database.prisma.outboxMessage.count({ where: { key: { startsWith: `escalate:${ids.fresh}:2026-01-15:need-help` } } })).toBe(2);
  });

  it("Need help shows only on the asker's own message: the other person's reads as not answered; other answers show on both", async () => {
    const mine = await database.prisma.checkin.findFirstOrThrow({ where: { matchId: ids.fresh, recipient: "mentor" } });
    const theirs = await database.prisma.checkin.findFirstOrThrow({ where: { matchId: ids.fresh, recipient: "trainee" } });
    await database.prisma.checkin.update({ where: { id: theirs.id }, data: { messageChannel: "D-UANA", messageTs: "2.2" } });
    const help = await answerCheckin({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: checkinMessages }, "UMAYA", mine.id, "NEED_HELP", { channel: "D-UMAYA", ts: "1.1" });
    const cardOf = (r: typeof help, recipient: string) => r.updates.find((u) => u.card.recipient === recipient)!.card;
    expect(cardOf(help, "mentor")).toMatchObject({ answer: "NEED_HELP", answeredBySlackId: "UMAYA", directorTold: true });
    expect(cardOf(help, "trainee")).toMatchObject({ answer: null, answeredBySlackId: null });
    const notYet = await answerCheckin({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: checkinMessages }, "UMAYA", mine.id, "NOT_YET", { channel: "D-UMAYA", ts: "1.1" });
    expect(cardOf(notYet, "trainee")).toMatchObject({ answer: "NOT_YET", answeredBySlackId: "UMAYA" });
  });

  it("stay changes nothing, pause pauses the person, leave ends the match and tells the other side and the directors", async () => {
    await expect(answerStayPauseLeave({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: requestMessages }, "UEVE", { matchId: ids.silent!, recipient: "mentor" }, "leave", LEAVE_NOTE)).rejects.toBeInstanceOf(NotYourCheckin);
    await answerStayPauseLeave({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: requestMessages }, "URAE", { matchId: ids.silent!, recipient: "mentor" }, "stay", LEAVE_NOTE);
    expect(await database.prisma.member.findUniqueOrThrow({ where: { id: ids.rae } })).toMatchObject({ pausedAt: null });
    await answerStayPauseLeave({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: requestMessages }, "URAE", { matchId: ids.silent!, recipient: "mentor" }, "pause", LEAVE_NOTE);
    expect((await database.prisma.member.findUniqueOrThrow({ where: { id: ids.rae } })).pausedAt).toEqual(NOW);
    await answerStayPauseLeave({ db: database.prisma, workspaceId: TEAM, now: NOW, messages: requestMessages }, "URAE", { matchId: ids.silent!, recipient: "mentor" }, "leave", LEAVE_NOTE);
    expect(await database.prisma.match.findUniqueOrThrow({ where: { id: ids.silent } })).toMatchObject({ status: "ENDED", endNote: LEAVE_NOTE, endedById: ids.rae });
    expect(await keysOf("UEVE")).toContain("match-ended");
    expect(await keysOf("UDIR")).toContain("match-ended");
  });

  it("a batch that collides with another instance's run key writes nothing and says so (the job then goes one by one)", async () => {
    const message = { workspaceId: TEAM, key: "race:1", channel: "UANA", payload: { text: "x" }, notBefore: NOW };
    const item = { runKey: "race:1", messages: [message] };
    expect(await runBatchOnce(database.prisma, "checkins", TEAM, [item, item], NOW)).toBeNull();
    expect(await database.prisma.jobRun.count({ where: { key: "race:1" } })).toBe(0);
    expect(await database.prisma.outboxMessage.count({ where: { key: "race:1" } })).toBe(0);
    expect(await runBatchOnce(database.prisma, "checkins", TEAM, [item], NOW)).toEqual(["race:1"]);
    expect(await runBatchOnce(database.prisma, "checkins", TEAM, [item], NOW)).toEqual([]);
    const row = await database.prisma.outboxMessage.findFirstOrThrow({ where: { key: "race:1" } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, notBefore: NOW, payload: { text: "x" } });
  });
});
