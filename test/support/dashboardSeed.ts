import { DateTime } from "luxon";
import type { Db } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";

/**
 * A workspace with known dashboard numbers, shared by the dashboard's integration and end-to-end tests.
 * Dates are laid out from `now` (default DASH_NOW, 21 Nov 2026): "L" is the start of the previous
 * calendar month (UTC), the dashboard's last period (October for DASH_NOW). Everything that must
 * count in the last period happens on days 1–21 of that month, so any `now` gives the same figures
 * (the end-to-end test seeds from the real clock, since the app reads it). The expected figures:
 *
 * Heme Fellowship: 5 trainees, 3 mentors, 4 matched (80%), 2 pending requests (20 and 10 days old).
 *   Cohort "2026 Fellows": 3 trainees, 3 matched, 1 mentor. No cohort: 2 trainees, 1 matched, 2 mentors.
 *   October: 3 meetings reported (A: a logged meeting + its "We met" = 1; D: 2 logged + 1 "We met" = 2),
 *   check-ins 3 of 4 answered (75%).
 *   At risk: B (Need help on L + 3 days), then C (no meeting since it started, five months before L). Mentor load: Maya 2/2 and Rae 1/1
 *   full, Jun 1/2 (1 place open). Thanks: Maya 2, Rae 1.
 * Peds Mentoring: 1 trainee, 1 mentor, 1 match with 1 October meeting.
 * The other workspace has a program, a match and a meeting note of its own.
 */

export const DASH_TEAM = "T0DASH";
export const DASH_OTHER = "T1DASH";
export const DASH_NOW = new Date("2026-11-21T12:00:00Z");
export const SECRET_NOTE = "SECRET-MEETING-NOTE-42";
export const OTHER_SECRET = "OTHER-WORKSPACE-NOTE-7";
export const END_NOTE = "Director-only end note";
export const DECLINE_REASON = "Director-only decline reason";
export const REQUEST_MESSAGE = "PRIVATE-REQUEST-MESSAGE";
export const PROGRESS_NOTE = "PRIVATE-PROGRESS-NOTE";

export const DASH_PEOPLE = {
  dir: { id: "U0DDIR", name: "Dr. Director" },
  t1: { id: "U0DT1", name: "Ana Fellow" },
  t2: { id: "U0DT2", name: "Ben Fellow" },
  t3: { id: "U0DT3", name: "Cal Fellow" },
  t4: { id: "U0DT4", name: "Dee Resident" },
  t5: { id: "U0DT5", name: "Eve Student" },
  m1: { id: "U0DMAYA", name: "Dr. Maya" },
  m2: { id: "U0DJUN", name: "Dr. Jun" },
  m3: { id: "U0DRAE", name: "Dr. Rae" },
  pt: { id: "U0DPT", name: "Pia Peds" },
  pm: { id: "U0DPM", name: "Dr. Peds" },
  nobody: { id: "U0DNOBODY", name: "Nora Nobody" },
} as const;
export type DashKey = keyof typeof DASH_PEOPLE;

export interface DashSeed {
  programId: string;
  pedsProgramId: string;
  otherProgramId: string;
  members: Record<DashKey, string>;
  matches: { A: string; B: string; C: string; D: string; E: string; F: string; P: string };
}

const d = (iso: string) => new Date(iso);

export async function seedDashboard(db: Db, now: Date = DASH_NOW): Promise<DashSeed> {
  const L = DateTime.fromJSDate(now, { zone: "UTC" }).startOf("month").minus({ months: 1 });
  /** L + days (+ hours), as an ISO instant. */
  const at = (days: number, hours = 0) => L.plus({ days, hours }).toISO()!;
  const day = (days: number) => L.plus({ days }).toFormat("yyyy-MM-dd");
  const monthsBefore = (n: number) => L.minus({ months: n }).plus({ hours: 9 }).toISO()!;
  const ago = (days: number) => DateTime.fromJSDate(now).minus({ days }).toISO()!;
  await db.workspace.createMany({ data: [{ id: DASH_TEAM }, { id: DASH_OTHER }] });
  const programId = (await db.program.create({ data: { workspaceId: DASH_TEAM, name: "Heme Fellowship", defaultCapacity: 2, checkinCadence: "MONTHLY", timezone: "UTC" } })).id;
  const pedsProgramId = (await db.program.create({ data: { workspaceId: DASH_TEAM, name: "Peds Mentoring", defaultCapacity: 3 } })).id;
  const otherProgramId = (await db.program.create({ data: { workspaceId: DASH_OTHER, name: "Other Program" } })).id;
  const cohortId = (await db.cohort.create({ data: { workspaceId: DASH_TEAM, programId, name: "2026 Fellows" } })).id;
  const members = {} as Record<DashKey, string>;
  for (const [key, p] of Object.entries(DASH_PEOPLE) as [DashKey, (typeof DASH_PEOPLE)[DashKey]][]) {
    members[key] = (await db.member.create({ data: { workspaceId: DASH_TEAM, slackUserId: p.id, name: p.name, tz: "UTC", refreshedAt: DASH_NOW } })).id;
  }
  const erased = (await db.member.create({ data: { workspaceId: DASH_TEAM, slackUserId: "erased:x1", name: "Former member", tz: "UTC", refreshedAt: DASH_NOW, erasedAt: d(monthsBefore(1)) } })).id;
  const otherMember = (await db.member.create({ data: { workspaceId: DASH_OTHER, slackUserId: "U1OTHER", name: "Olga Other", refreshedAt: DASH_NOW } })).id;
  const enroll = (key: DashKey, role: "TRAINEE" | "MENTOR" | "DIRECTOR", cohort: string | null = null, program = programId) => ({ workspaceId: DASH_TEAM, programId: program, memberId: members[key], role, cohortId: cohort });
  await db.enrollment.createMany({
    data: [
      enroll("dir", "DIRECTOR"),
      enroll("t1", "TRAINEE", cohortId),
      enroll("t2", "TRAINEE", cohortId),
      enroll("t3", "TRAINEE", cohortId),
      enroll("t4", "TRAINEE"),
      enroll("t5", "TRAINEE"),
      enroll("m1", "MENTOR", cohortId),
      enroll("m2", "MENTOR"),
      enroll("m3", "MENTOR"),
      enroll("pt", "TRAINEE", null, pedsProgramId),
      enroll("pm", "MENTOR", null, pedsProgramId),
      { workspaceId: DASH_OTHER, programId: otherProgramId, memberId: otherMember, role: "MENTOR" as const, cohortId: null },
    ],
  });
  await db.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: DASH_TEAM, memberId: members.m1, capacity: 2 } });
  await db.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: DASH_TEAM, memberId: members.m3, capacity: 1 } });

  const match = (trainee: string, mentor: string, startedAt: string, extra: Record<string, unknown> = {}, program = programId, workspaceId = DASH_TEAM) =>
    db.match.create({ data: { workspaceId, programId: program, traineeId: trainee, mentorId: mentor, role: "mentor", startedAt: d(startedAt), ...extra } }).then((m) => m.id);
  const matches = {
    A: await match(members.t1, members.m1, monthsBefore(4)),
    B: await match(members.t2, members.m1, monthsBefore(4)),
    C: await match(members.t3, members.m2, monthsBefore(5)),
    D: await match(members.t4, members.m3, at(-16, 9)),
    E: await match(members.t5, members.m2, monthsBefore(7), { status: "ENDED", endedAt: d(monthsBefore(2)), endedById: members.m2, endNote: END_NOTE }),
    F: await match(erased, members.m3, monthsBefore(6), { status: "ENDED", endedAt: d(monthsBefore(1)), endedById: erased }),
    P: await match(members.pt, members.pm, monthsBefore(2), {}, pedsProgramId),
  };
  const otherMatch = await match(otherMember, otherMember, monthsBefore(4), {}, otherProgramId, DASH_OTHER);

  const meeting = (matchId: string, day: string, notes = "", workspaceId = DASH_TEAM) =>
    db.meeting.create({ data: { workspaceId, matchId, date: d(`${day}T00:00:00Z`), notes, agenda: "agenda", loggedById: members.t1 } });
  await meeting(matches.A, day(9), SECRET_NOTE);
  await meeting(matches.D, day(4));
  await meeting(matches.D, day(19));
  await meeting(matches.P, day(11));
  await meeting(otherMatch, day(11), OTHER_SECRET, DASH_OTHER);

  const checkin = (matchId: string, periodKey: string, sentAt: string, answer: "MET" | "NOT_YET" | "NEED_HELP" | null, answeredAt: string | null, answeredById: string | null = null) =>
    db.checkin.create({ data: { workspaceId: DASH_TEAM, matchId, periodKey, recipient: "mentor", sentAt: d(sentAt), answer, answeredAt: answeredAt ? d(answeredAt) : null, answeredById } });
  const previousKey = L.minus({ months: 1 }).toFormat("yyyy-MM-dd");
  await checkin(matches.A, previousKey, at(0, 10), "MET", at(1, 10), members.m1);
  await checkin(matches.B, previousKey, at(0, 10), "NEED_HELP", at(3, 10), members.m1);
  await checkin(matches.C, previousKey, at(0, 10), null, null);
  await checkin(matches.D, day(-16), at(14, 10), "MET", at(15, 10), members.m3);

  await db.mentorRequest.createMany({
    data: [
      { workspaceId: DASH_TEAM, programId, traineeId: members.t5, mentorId: members.m2, role: "mentor", createdAt: d(ago(20)) },
      { workspaceId: DASH_TEAM, programId, traineeId: members.t5, mentorId: members.m3, role: "coach", createdAt: d(ago(10)) },
      { workspaceId: DASH_TEAM, programId, traineeId: members.t4, mentorId: members.m1, role: "mentor", status: "DECLINED", declineReason: DECLINE_REASON, message: REQUEST_MESSAGE, createdAt: d(at(-21, 12)), respondedAt: d(at(-20, 12)) },
    ],
  });
  await db.thanks.createMany({
    data: [
      { workspaceId: DASH_TEAM, programId, fromId: members.t1, toId: members.m1, message: "thank you" },
      { workspaceId: DASH_TEAM, programId, fromId: members.t2, toId: members.m1, message: "thanks!" },
      { workspaceId: DASH_TEAM, programId: null, fromId: members.t4, toId: members.m3, message: "merci" },
    ],
  });
  await db.goal.createMany({
    data: [
      { workspaceId: DASH_TEAM, memberId: members.t1, text: "Submit a K08", status: "ACTIVE", progress: [{ at: "2026-10-01", by: "t1", note: PROGRESS_NOTE }] },
      { workspaceId: DASH_TEAM, memberId: members.t2, text: "Publish the case series", status: "DONE", progress: [] },
    ],
  });
  await db.auditLog.create({ data: { workspaceId: DASH_TEAM, actor: DASH_PEOPLE.dir.id, action: "program.create", target: programId, details: { name: "Heme Fellowship" }, createdAt: d(monthsBefore(5)) } });
  await db.auditLog.create({ data: { workspaceId: DASH_OTHER, actor: "U1OTHER", action: "program.create", target: otherProgramId, details: {}, createdAt: d(monthsBefore(5)) } });
  return { programId, pedsProgramId, otherProgramId, members, matches };
}
