import { liveWorkspacesOnly } from "../../store/workspaces.js";
import { randomUUID } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import type { Db } from "../../store/database.js";
import { enqueue } from "../../store/outbox.js";
import { runOnce } from "../../store/jobRuns.js";
import {
  createInvitation,
  findInvitation,
  markInvitationReminded,
  recordResponse,
  saveSurveySettings,
  surveyPlanData,
  surveyPrograms,
  surveyResultData,
  workspacesWithPrograms,
  type SurveyProgram,
} from "../../store/surveys.js";
import { planSurveys, resolveSettings, storedOf, SURVEY_KINDS, type Answers, type SurveyDefinition, type SurveyKind, type SurveySettings } from "../../domain/surveys.js";
import { aggregateSurveys, responseRate, type GroupResult } from "../../domain/surveyResults.js";
import { ProgramNotFound } from "../../domain/errors.js";
import { audit, type Actor } from "../programs/audit.js";
import type { RunTime } from "../ports.js";
import type { SurveyMessages } from "./views/messages.js";

/** The job name on every survey run key (JobRun.job). */
export const SURVEY_JOB = "surveys";

export interface SurveyRunResult {
  invitations: number;
  reminders: number;
  messages: number;
}

/**
 * The survey job: for every program, ask the plan (src/domain/surveys.ts) what is due at `at.now`
 * and do each action once. An invitation runs under the key `survey:<kind>:<match|program>:<milestone>:<member>`
 * (the invitation row, unique on the same key, and its DM commit together); a reminder under
 * `survey-reminder:<same>`. Run twice, or on two instances: each DM once.
 */
export async function queueDueSurveys(db: Db, at: RunTime, messages: SurveyMessages): Promise<SurveyRunResult> {
  const result: SurveyRunResult = { invitations: 0, reminders: 0, messages: 0 };
  for (const workspaceId of await workspacesWithPrograms(db, await liveWorkspacesOnly(db))) {
    for (const program of await surveyPrograms(db, workspaceId)) {
      const settings = resolveSettings(program.stored);
      if (!SURVEY_KINDS.some((k) => settings.surveys[k].enabled)) continue;
      const data = await surveyPlanData(db, workspaceId, program.id, at.now);
      const actions = planSurveys(at.now, { programTz: program.timezone, academicYearStart: program.academicYearStart, settings, matches: data.matches, enrollees: data.enrollees, invitations: data.invitations });
      const otherOf = new Map(data.matches.flatMap((m) => [[`${m.matchId}:${m.trainee.memberId}`, m.mentor.memberId], [`${m.matchId}:${m.mentor.memberId}`, m.trainee.memberId]]));
      for (const action of actions) {
        if (action.kind === "invite") {
          const to = data.people.get(action.memberId)!;
          const other = action.matchId ? data.people.get(otherOf.get(`${action.matchId}:${action.memberId}`) ?? "") : undefined;
          const id = randomUUID();
          const payload = messages.invitation(card(program, settings.surveys[action.survey], id, action.milestone, other?.name ?? null));
          const ran = await runOnce(db, { key: `survey:${action.key}`, job: SURVEY_JOB, workspaceId }, at.now, async (tx) => {
            await createInvitation(tx, workspaceId, program.id, action, id, at.now);
            await enqueue(tx, { workspaceId, key: `survey:${action.key}`, channel: to.dmChannel, payload: { ...payload }, notBefore: at.sendFrom });
          });
          if (ran) (result.invitations += 1), (result.messages += 1);
        } else {
          const inv = data.invitations.get(action.key)!;
          const to = data.people.get(inv.memberId);
          if (!to) continue;
          const row = await findInvitation(db, workspaceId, inv.id);
          if (!row) continue;
          const payload = messages.reminder(card(program, settings.surveys[row.kind], inv.id, row.milestone, otherName(row)));
          const ran = await runOnce(db, { key: `survey-reminder:${action.key}`, job: SURVEY_JOB, workspaceId }, at.now, async (tx) => {
            await markInvitationReminded(tx, workspaceId, inv.id, at.now);
            await enqueue(tx, { workspaceId, key: `survey-reminder:${action.key}`, channel: to.dmChannel, payload: { ...payload }, notBefore: at.sendFrom });
          });
          if (ran) (result.reminders += 1), (result.messages += 1);
        }
      }
    }
  }
  return result;
}

/** The other person of an invitation's match, as its DM names them (the mentor for a mentee survey; the trainee for a mentor's). */
function otherName(row: { kind: SurveyKind; mentorName: string | null; traineeName: string | null }): string | null {
  return row.kind === "mentee" ? row.mentorName : row.kind === "mentor" ? row.traineeName : null;
}

function card(program: SurveyProgram, survey: SurveyDefinition, invitationId: string, milestone: string, other: string | null) {
  return { invitationId, programName: program.name, kind: survey.kind, milestone, academicYearStart: program.academicYearStart, otherName: other, questions: survey.items.length };
}

export type OpenedSurvey =
  | { kind: "form"; survey: SurveyDefinition; programName: string; otherName: string | null }
  | { kind: "answered" }
  | { kind: "not-found" };

/** The survey behind an invitation, for its recipient; someone else (or a forged id) finds nothing. */
export async function openSurvey(db: Db, workspaceId: string, slackUserId: string, invitationId: string): Promise<OpenedSurvey> {
  const row = await findInvitation(db, workspaceId, invitationId);
  if (!row || row.slackUserId !== slackUserId) return { kind: "not-found" };
  if (row.answered) return { kind: "answered" };
  return { kind: "form", survey: resolveSettings(row.stored).surveys[row.kind], programName: row.programName, otherName: otherName(row) };
}

/**
 * Records an answer to an invitation by its recipient, anonymously (store/surveys.ts recordResponse).
 * "answered": it had been answered already (nothing recorded twice).
 */
export async function answerSurvey(db: Db, workspaceId: string, slackUserId: string, invitationId: string, answers: Answers): Promise<"recorded" | "answered" | "not-found"> {
  const row = await findInvitation(db, workspaceId, invitationId);
  if (!row || row.slackUserId !== slackUserId) return "not-found";
  if (row.answered) return "answered";
  return (await recordResponse(db, workspaceId, invitationId, answers)) ? "recorded" : "answered";
}

/** A program's survey settings in force (the defaults where nothing was changed). */
export async function surveySettingsOf(db: Db, workspaceId: string, programId: string): Promise<{ program: SurveyProgram; settings: SurveySettings }> {
  const program = (await surveyPrograms(db, workspaceId, programId))[0];
  if (!program) throw new ProgramNotFound(programId);
  return { program, settings: resolveSettings(program.stored) };
}

/** Saves a program's survey settings (only the differences from the defaults), audited as survey.settings. */
export async function saveSurveySettingsOf(db: Db, by: Actor, programId: string, settings: SurveySettings, now: Date): Promise<void> {
  const { program } = await surveySettingsOf(db, by.workspaceId, programId);
  const stored = storedOf(settings);
  await db.$transaction(async (tx) => {
    await saveSurveySettings(tx, by.workspaceId, program.id, stored);
    await audit(tx, by, "survey.settings", program.id, { program: program.name, settings: stored }, now);
  });
}

export interface SurveyResults {
  programName: string;
  settings: SurveySettings;
  groups: (GroupResult & { mentorName: string | null })[];
}

/** A program's survey results as directors may see them: aggregates, suppressed below 5 (src/domain/surveyResults.ts). */
export async function surveyResults(db: Db, workspaceId: string, programId: string): Promise<SurveyResults> {
  const { program, settings } = await surveySettingsOf(db, workspaceId, programId);
  const data = await surveyResultData(db, workspaceId, program.id);
  const items = Object.fromEntries(SURVEY_KINDS.map((k) => [k, settings.surveys[k].items])) as Record<SurveyKind, SurveyDefinition["items"]>;
  const named = aggregateSurveys(data.responses, data.invitations, items).map((g) => ({ ...g, mentorName: g.mentorId ? (data.mentorNames.get(g.mentorId) ?? "Former member") : null }));
  // Mentors by name within their survey and period (the aggregate orders them by id).
  const groups = named
    .map((g, i) => ({ g, i }))
    .sort((a, b) => (a.g.level === "mentor" && b.g.level === "mentor" && a.g.kind === b.g.kind && a.g.period === b.g.period ? a.g.mentorName!.localeCompare(b.g.mentorName!) : a.i - b.i))
    .map(({ g }) => g);
  return { programName: program.name, settings, groups };
}

export const SURVEY_CSV_COLUMNS = ["program", "survey", "period", "group", "cohort", "mentor", "invited", "responses", "response_rate_percent", "item", "question", "mean", "note"] as const;

/**
 * The survey report: aggregates only, one row per item per group, and one row saying "fewer than
 * 5 responses" for a group below that. No ids, no person but the mentor a group is about, no date
 * finer than the period, no free text (free text is shown only in Slack, program-wide).
 */
export function surveyCsv(results: SurveyResults): { csv: string; rows: number } {
  const rows: string[][] = [];
  for (const g of results.groups) {
    const head = [results.programName, g.kind, g.period, g.level, g.level === "cohort" ? (g.cohortName ?? "(no cohort)") : "", g.mentorName ?? "", String(g.invited), String(g.responses), String(responseRate(g))];
    if (g.suppressed) rows.push([...head, "", "", "", "fewer than 5 responses"]);
    else for (const m of g.means) rows.push([...head, m.key, m.text, m.mean.toFixed(1), ""]);
  }
  return { csv: stringify([SURVEY_CSV_COLUMNS as unknown as string[], ...rows]), rows: rows.length };
}

/** Programs by name, for commands that take one ("" with one program: that one). */
export async function surveyProgramByName(db: Db, workspaceId: string, name: string): Promise<SurveyProgram | { missing: true; names: string[] }> {
  const programs = await surveyPrograms(db, workspaceId);
  const wanted = name.trim().toLowerCase();
  const found = wanted ? programs.find((p) => p.name.toLowerCase() === wanted) : programs.length === 1 ? programs[0] : undefined;
  return found ?? { missing: true, names: programs.map((p) => p.name) };
}
