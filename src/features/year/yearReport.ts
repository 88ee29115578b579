import { stringify } from "csv-stringify/sync";
import type { Db } from "../../store/database.js";
import { findProgram } from "../../store/programs.js";
import * as store from "../../store/year.js";
import { academicYearStarting } from "../../domain/academicYear.js";
import { ProgramNotFound } from "../../domain/errors.js";
import { audit, type Actor } from "../programs/audit.js";

/**
 * The year report: for every closed academic year of a program, who graduated, whose training year
 * advanced, which mentorships continued and which ended (and why), and the alumni invited to
 * mentor with their answer. One row per person or mentorship; audited as year.report.
 */
export const YEAR_REPORT_COLUMNS = ["academic_year", "program", "outcome", "trainee", "trainee_slack_id", "mentor", "mentor_slack_id", "detail"] as const;

const REASONS: Record<string, string> = {
  graduating: "trainee graduated",
  trainee_declined: "trainee chose to end",
  mentor_declined: "mentor chose to end",
  both_declined: "both chose to end",
};

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export async function yearReport(db: Db, by: Actor, programId: string, now: Date): Promise<{ csv: string; rows: number; programName: string; counts: Record<string, number> }> {
  const program = await findProgram(db, by.workspaceId, programId);
  if (!program) throw new ProgramNotFound(programId);
  const closes = await store.listYearCloses(db, by.workspaceId, programId);
  const rows: Record<string, string>[] = [];
  const counts: Record<string, number> = { graduated: 0, continued: 0, ended: 0, alumni_invited: 0, alumni_accepted: 0, alumni_declined: 0 };
  for (const c of closes) {
    const label = academicYearStarting(c.startYear, program.academicYearStart, program.timezone).label;
    const s = c.summary;
    const matchRows = await store.matchesById(db, by.workspaceId, [...s.continued, ...s.ended.map((e) => e.matchId)]);
    const invites = new Map((await store.invitesOfYear(db, by.workspaceId, programId, c.startYear)).map((i) => [i.memberId, i]));
    const memberIds = [...s.graduated, ...s.advanced.map((a) => a.memberId), ...matchRows.flatMap((m) => [m.traineeId, m.mentorId])];
    const people = await store.peopleById(db, by.workspaceId, memberIds);
    const person = (id: string) => people.get(id) ?? { name: "Former member", slackUserId: "" };
    const row = (outcome: string, trainee: string | null, mentor: string | null, detail: string) =>
      rows.push({
        academic_year: label,
        program: program.name,
        outcome,
        trainee: trainee ? person(trainee).name : "",
        trainee_slack_id: trainee ? person(trainee).slackUserId : "",
        mentor: mentor ? person(mentor).name : "",
        mentor_slack_id: mentor ? person(mentor).slackUserId : "",
        detail,
      });
    for (const id of s.graduated) {
      counts.graduated!++;
      const invite = invites.get(id);
      const answer = invite ? invite.status.toLowerCase() : "not invited";
      row("graduated", id, null, `${c.graduatedCohortName ?? ""}; invited to mentor: ${answer}`);
      if (invite) {
        counts.alumni_invited!++;
        if (invite.status === "ACCEPTED") counts.alumni_accepted!++;
        if (invite.status === "DECLINED") counts.alumni_declined!++;
      }
    }
    for (const a of s.advanced) row("training_year_advanced", a.memberId, null, `year ${a.from} -> ${a.to}`);
    const byId = new Map(matchRows.map((m) => [m.id, m]));
    for (const id of s.continued) {
      const m = byId.get(id);
      if (!m) continue;
      counts.continued!++;
      row("mentorship_continued", m.traineeId, m.mentorId, m.role);
    }
    for (const e of s.ended) {
      const m = byId.get(e.matchId);
      if (!m) continue;
      counts.ended!++;
      row("mentorship_ended", m.traineeId, m.mentorId, `${m.role}; ${REASONS[e.reason] ?? e.reason}`);
    }
  }
  await audit(db, by, "year.report", programId, { rows: rows.length }, now);
  return { csv: stringify(rows, { header: true, columns: [...YEAR_REPORT_COLUMNS], cast: { string: safe } }), rows: rows.length, programName: program.name, counts };
}
