import { surveyMessages } from "../../features/surveys/views/messages.js";
import { surveyModal } from "../../features/surveys/views/form.js";
import { settingsModal } from "../../features/surveys/views/settings.js";
import { surveyResultsMessage } from "../../features/surveys/views/results.js";
import { defaultSettings } from "../../domain/surveys.js";
import { aggregateSurveys, type ResponseRow } from "../../domain/surveyResults.js";
import type { Entry, Reader } from "./entry.js";
import { COHORT, PEOPLE, PROGRAM } from "./cast.js";

const settings = defaultSettings();
const invitation = (kind: "mentee" | "mentor", other: string) => ({ invitationId: "inv-1", programName: PROGRAM.name, kind, milestone: "m3", academicYearStart: "07-01", otherName: other, questions: settings.surveys[kind].items.length });

/** A program's results: 6 mentee answers about two mentors (one with 5, one with 1), and 2 mentor answers. */
function results() {
  const row = (mentorId: string, score: number, comments?: string): ResponseRow => ({
    kind: "mentee",
    period: "2026–27",
    cohortName: COHORT.name,
    mentorId,
    answers: { availability: score, goals: score, career: Math.max(1, score - 1), feedback: score, support: 5, overall: score, ...(comments ? { comments } : {}) },
  });
  const responses = [row(PEOPLE.maya.id, 5, "More time for research talk."), row(PEOPLE.maya.id, 4), row(PEOPLE.maya.id, 4, "Meet monthly, not quarterly."), row(PEOPLE.maya.id, 5), row(PEOPLE.maya.id, 3), row(PEOPLE.jun.id, 4)];
  const mentorRows: ResponseRow[] = [4, 5].map((s) => ({ kind: "mentor", period: "2026–27", cohortName: COHORT.name, mentorId: null, answers: { engagement: s, goals: s, rhythm: s, fit: s, overall: s } }));
  const items = { mentee: settings.surveys.mentee.items, mentor: settings.surveys.mentor.items, program: settings.surveys.program.items };
  const groups = aggregateSurveys([...responses, ...mentorRows], [
    { kind: "mentee", period: "2026–27", cohortName: COHORT.name, mentorId: PEOPLE.maya.id, invited: 6, answered: 5 },
    { kind: "mentee", period: "2026–27", cohortName: COHORT.name, mentorId: PEOPLE.jun.id, invited: 2, answered: 1 },
    { kind: "mentor", period: "2026–27", cohortName: COHORT.name, mentorId: null, invited: 8, answered: 2 },
  ], items);
  const names = new Map<string, string>([[PEOPLE.maya.id, PEOPLE.maya.name], [PEOPLE.jun.id, PEOPLE.jun.name]]);
  return { programName: PROGRAM.name, settings, groups: groups.map((g) => ({ ...g, mentorName: g.mentorId ? (names.get(g.mentorId) ?? null) : null })) };
}

/** The survey surfaces each reader sees (docs/surveys.md tells the rules). */
export function surveyEntries(reader: Reader): Entry[] {
  const e = (title: string, when: string, surface: Entry["surface"]): Entry => ({ reader, title, when, surface });
  if (reader === "trainee") {
    return [
      e("Survey, 3 months into a match", "Three months after Tara was paired with Dr. Maya Patel.", surveyMessages.invitation(invitation("mentee", PEOPLE.maya.name))),
      e("Survey form", "Tara presses Answer the survey.", surveyModal("inv-1", settings.surveys.mentee, { programName: PROGRAM.name, otherName: PEOPLE.maya.name })),
      e("Survey reminder", "Five days later, unanswered.", surveyMessages.reminder(invitation("mentee", PEOPLE.maya.name))),
    ];
  }
  if (reader === "mentor") return [e("Survey, 3 months into a match", "Three months after Dr. Maya Patel was paired with Tara.", surveyMessages.invitation(invitation("mentor", PEOPLE.tara.name)))];
  if (reader === "director") {
    return [
      e("Survey settings", "Dana presses Surveys on her Home (or types /mentoring-admin surveys).", settingsModal(PROGRAM.id, PROGRAM.name, settings)),
      e("Survey results", "Dana presses Survey results (the chart and CSV follow as files).", surveyResultsMessage(results(), { chart: true })),
    ];
  }
  return [];
}
