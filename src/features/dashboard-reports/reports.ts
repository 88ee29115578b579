import { stringify } from "csv-stringify/sync";
import type { Db } from "../../store/database.js";
import * as store from "../../store/reports.js";
import { dashboardPrograms, riskCandidateEvidence } from "../../store/dashboard.js";
import { pairsAtRisk, type RiskReason } from "../../domain/dashboardRisk.js";
import { ProgramNotFound } from "../../domain/errors.js";
import { audit, type Actor } from "../programs/audit.js";

/**
 * The director's CSV reports: matches, check-ins, requests, goals and the audit log.
 *
 * Privacy (docs/dashboard-and-reports.md says the same):
 * - Meeting notes (Meeting.notes) are never exported — nor meeting agendas or next steps: only counts and dates.
 * - Request messages and the goal a trainee wrote to a mentor are left out; goals appear by title and status only
 *   (their progress notes are counted, not copied).
 * - Decline reasons and end notes are written for directors, so the director's export includes them.
 * - People who deleted their data appear as "Former member" with no Slack id.
 */

export const REPORT_COLUMNS = {
  matches: ["match_id", "program", "cohort", "trainee", "trainee_slack_id", "mentor", "mentor_slack_id", "role", "status", "cadence", "started_at", "ended_at", "ended_by", "end_note", "meetings_logged", "last_meeting_on", "at_risk"],
  checkins: ["checkin_id", "match_id", "program", "trainee", "mentor", "period", "recipient", "sent_at", "answer", "answered_at", "answered_by", "reminder_sent_at", "escalated_at"],
  requests: ["request_id", "program", "trainee", "trainee_slack_id", "mentor", "mentor_slack_id", "role", "status", "created_at", "responded_at", "waiting_days", "decline_reason"],
  goals: ["goal_id", "trainee", "trainee_slack_id", "title", "status", "progress_notes", "created_at", "updated_at"],
  audit: ["at", "actor", "action", "target", "details"],
} as const;

export type ReportName = keyof typeof REPORT_COLUMNS;

export interface ReportFile {
  report: ReportName;
  filename: string;
  csv: string;
  rows: number;
}

export interface Reports {
  /** Program name, or null for the whole workspace. */
  programName: string | null;
  files: ReportFile[];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : "");
const dayOf = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");
const nameOf = (p: store.PersonCells) => p.name;
const slackIdOf = (p: store.PersonCells) => (p.erased ? "" : p.slackUserId);
const DAY_MS = 86_400_000;

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A report's row: its cells in the order of REPORT_COLUMNS. */
type Row = (string | number)[];

/** Rows are arrays, not objects: csv-stringify looks an object's cells up by path, which was much of a big report's time. */
function toCsv(report: ReportName, rows: Row[]): string {
  return stringify(rows, { header: true, columns: [...REPORT_COLUMNS[report]], cast: { string: safe } });
}

/** Meeting notes never leave Rounds, even if some audit entry carried them. */
function auditDetails(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object" || Array.isArray(details)) return JSON.stringify(details);
  const { notes: _notes, ...rest } = details as Record<string, unknown>;
  return JSON.stringify(rest);
}

function slug(text: string): string {
  return text.normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "program";
}

/** Pairs at risk by match id, with the dashboard's rule (domain/dashboardRisk.ts), for the programs reported on. */
async function risksOf(db: Db, workspaceId: string, programId: string | null, now: Date): Promise<Map<string, RiskReason>> {
  const risks = new Map<string, RiskReason>();
  for (const program of await dashboardPrograms(db, workspaceId, programId ?? undefined)) {
    const evidence = await riskCandidateEvidence(db, workspaceId, program.id, program.cadence, now);
    for (const r of pairsAtRisk(evidence, now)) risks.set(r.matchId, r.reason);
  }
  return risks;
}

const riskCell = (r: RiskReason | undefined) =>
  !r ? "" : r.kind === "need_help" ? `need help (asked ${dayOf(r.since)})` : `no meeting for ${r.missedPeriods} periods`;

async function rowsOf(db: Db, workspaceId: string, programId: string | null, now: Date): Promise<Record<ReportName, Row[]>> {
  const [matches, cohorts, checkins, requests, goals, auditLog, risks] = await Promise.all([
    store.matchRows(db, workspaceId, programId),
    store.traineeCohorts(db, workspaceId, programId),
    store.checkinRows(db, workspaceId, programId),
    store.requestRows(db, workspaceId, programId),
    store.goalRows(db, workspaceId, programId),
    store.auditRows(db, workspaceId),
    risksOf(db, workspaceId, programId, now),
  ]);
  const enders = await store.membersById(db, workspaceId, matches.map((m) => m.endedById).filter((id): id is string => id !== null));
  // Each row lists its cells in the order of REPORT_COLUMNS (the column each is for, alongside).
  return {
    matches: matches.map((m) => [
      m.id, // match_id
      m.programName, // program
      // cohort: the trainee's cohort now; for someone no longer in the program, the one the match recorded.
      cohorts.get(`${m.programId}:${m.trainee.memberId}`) ?? m.cohortName ?? "",
      nameOf(m.trainee), // trainee
      slackIdOf(m.trainee), // trainee_slack_id
      nameOf(m.mentor), // mentor
      slackIdOf(m.mentor), // mentor_slack_id
      m.role, // role
      m.status.toLowerCase(), // status
      m.cadence?.toLowerCase() ?? "", // cadence
      iso(m.startedAt), // started_at
      iso(m.endedAt), // ended_at
      m.endedById ? (enders.get(m.endedById)?.name ?? "") : "", // ended_by
      m.endNote ?? "", // end_note
      m.meetings, // meetings_logged
      dayOf(m.lastMeetingAt), // last_meeting_on
      riskCell(risks.get(m.id)), // at_risk
    ]),
    checkins: checkins.map((c) => [
      c.id, // checkin_id
      c.matchId, // match_id
      c.programName, // program
      c.traineeName, // trainee
      c.mentorName, // mentor
      c.periodKey, // period
      c.recipient, // recipient
      iso(c.sentAt), // sent_at
      c.answer?.toLowerCase() ?? "", // answer
      iso(c.answeredAt), // answered_at
      c.answeredBy, // answered_by
      iso(c.reminderSentAt), // reminder_sent_at
      iso(c.escalatedAt), // escalated_at
    ]),
    requests: requests.map((r) => [
      r.id, // request_id
      r.programName, // program
      nameOf(r.trainee), // trainee
      slackIdOf(r.trainee), // trainee_slack_id
      nameOf(r.mentor), // mentor
      slackIdOf(r.mentor), // mentor_slack_id
      r.role, // role
      r.status.toLowerCase(), // status
      iso(r.createdAt), // created_at
      iso(r.respondedAt), // responded_at
      r.status === "PENDING" ? Math.floor((now.getTime() - r.createdAt.getTime()) / DAY_MS) : "", // waiting_days
      r.declineReason ?? "", // decline_reason
    ]),
    goals: goals.map((g) => [
      g.id, // goal_id
      nameOf(g.trainee), // trainee
      slackIdOf(g.trainee), // trainee_slack_id
      g.title, // title
      g.status.toLowerCase(), // status
      g.progressNotes, // progress_notes
      iso(g.createdAt), // created_at
      iso(g.updatedAt), // updated_at
    ]),
    audit: auditLog.map((a) => [
      iso(a.createdAt), // at
      a.actor.startsWith("erased:") ? "Former member" : a.actor, // actor
      a.action, // action
      a.target ?? "", // target
      auditDetails(a.details), // details
    ]),
  };
}

/**
 * Builds the five CSV reports for one program (by id) or, with programId null, the whole workspace,
 * and records the export in the audit log (before the audit report is read, so it lists itself).
 */
export async function buildReports(db: Db, by: Actor, programId: string | null, now: Date): Promise<Reports> {
  let programName: string | null = null;
  if (programId) {
    const program = (await dashboardPrograms(db, by.workspaceId, programId))[0];
    if (!program) throw new ProgramNotFound(programId);
    programName = program.name;
  }
  await audit(db, by, "report.export", programId, { program: programName ?? "all programs" }, now);
  const rows = await rowsOf(db, by.workspaceId, programId, now);
  const stem = `rounds-${programName ? slug(programName) : "all-programs"}`;
  const date = now.toISOString().slice(0, 10);
  const files = (Object.keys(REPORT_COLUMNS) as ReportName[]).map((report) => ({
    report,
    filename: `${stem}-${report}-${date}.csv`,
    csv: toCsv(report, rows[report]),
    rows: rows[report].length,
  }));
  return { programName, files };
}

/** A program named the way a director typed it (any case), or ProgramNotFound. */
export async function programByName(db: Db, workspaceId: string, name: string): Promise<{ id: string; name: string }> {
  const wanted = name.trim().toLowerCase();
  const match = (await dashboardPrograms(db, workspaceId)).find((p) => p.name.toLowerCase() === wanted);
  if (!match) throw new ProgramNotFound(name);
  return { id: match.id, name: match.name };
}

/** The names of the workspace's programs, to say which exist when a name is not one of them. */
export async function programNames(db: Db, workspaceId: string): Promise<string[]> {
  return (await dashboardPrograms(db, workspaceId)).map((p) => p.name);
}
