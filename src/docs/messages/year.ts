import { academicYearStarting } from "../../domain/academicYear.js";
import { alumnusMentorProfile } from "../../domain/yearClose.js";
import { BASE_VOCABULARY } from "../../domain/vocabulary.js";
import { profileModal } from "../../features/profiles/views/profileModal.js";
import { answeredMessage, yearMessages } from "../../features/year/views/messages.js";
import { closedMessage, previewMessage } from "../../features/year/views/preview.js";
import type { YearCloseRecord } from "../../features/year/year.js";
import { COHORT, PEOPLE, PROGRAM, TARA_PROFILE, TZ } from "./cast.js";
import type { Entry, Reader } from "./entry.js";

/** The academic year's close (src/features/year): the questions, the director's preview and result, thanks and the alumni's invitation. */
const e = (reader: Reader, title: string, when: string, surface: Entry["surface"]): Entry => ({ reader, title, when, surface });
const party = (p: { id: string; slackUserId: string; name: string }) => ({ memberId: p.id, slackUserId: p.slackUserId, name: p.name });

export function yearEntries(): Entry[] {
  const year = academicYearStarting(2026, "07-01", TZ);
  const program = { id: PROGRAM.id, name: PROGRAM.name, timezone: TZ, academicYearStart: "07-01" };
  const tara = party(PEOPLE.tara);
  const ben = party(PEOPLE.ben);
  const maya = party(PEOPLE.maya);
  const jun = party(PEOPLE.jun);
  const matches = new Map([
    ["x-tara", { id: "x-tara", role: "mentor", startedAt: new Date("2026-08-01T00:00:00Z"), trainee: tara, mentor: maya }],
    ["x-ben", { id: "x-ben", role: "coach", startedAt: new Date("2026-08-01T00:00:00Z"), trainee: ben, mentor: jun }],
  ]);
  const close: YearCloseRecord = {
    id: "yc-1",
    programId: PROGRAM.id,
    startYear: 2026,
    graduatedCohortId: COHORT.id,
    graduatedCohortName: COHORT.name,
    closedBy: PEOPLE.dana.slackUserId,
    closedAt: new Date("2027-06-20T15:00:00Z"),
    summary: { graduated: [tara.memberId], advanced: [{ memberId: ben.memberId, from: 1, to: 2 }], continued: ["x-ben"], ended: [{ matchId: "x-tara", reason: "graduating" }], invited: [tara.memberId] },
  };
  const alumnus = profileModal({ sections: ["mentor"], vocabulary: BASE_VOCABULARY, profile: alumnusMentorProfile(TARA_PROFILE), goals: [] });
  return [
    e("trainee", "Continue next year?", "Six weeks before the academic year ends, to both people of each mentorship.", yearMessages.ask({ matchId: "x-tara", startYear: 2026, yearLabel: year.label, lastDay: year.lastDay, programName: PROGRAM.name, side: "trainee", other: maya, role: "mentor" })),
    e("trainee", "Continue next year? — answered", "They press Continue next year.", answeredMessage({ matchId: "x-tara", startYear: 2026, answer: "CONTINUE", side: "trainee", other: maya, programName: PROGRAM.name, yearLabel: year.label, lastDay: year.lastDay })),
    e("director", "Time to close the year", "Six weeks before the academic year ends, to the program's directors.", yearMessages.directorPrompt({ programId: PROGRAM.id, programName: PROGRAM.name, yearLabel: year.label, lastDay: year.lastDay })),
    e(
      "director",
      "Close the year: preview",
      "A director presses Close the year… (or types /mentoring-admin close-year).",
      previewMessage({
        kind: "preview",
        program,
        year,
        late: false,
        cohorts: [{ id: COHORT.id, name: COHORT.name, trainees: 1 }, { id: "c-2027", name: "2027–28 Fellows", trainees: 1 }],
        defaultCohortId: COHORT.id,
        plan: {
          graduatingCohortId: COHORT.id,
          graduates: [tara.memberId],
          advancing: [{ memberId: ben.memberId, from: 1, to: 2 }],
          stayingWithoutYear: [],
          matches: [
            { matchId: "x-tara", outcome: "end", reason: "graduating", unanswered: [] },
            { matchId: "x-ben", outcome: "continue", reason: null, unanswered: ["mentor"] },
          ],
        },
        people: new Map([tara, ben, maya, jun].map((p) => [p.memberId, p])),
        matches,
      }),
    ),
    e("director", "The year is closed", "They press Approve and close the year, and confirm.", closedMessage({ kind: "closed", program, year, close, invited: 1 })),
    e("trainee", "Thanks at the year's end", "A graduating trainee's mentorship ends when the year is closed.", yearMessages.thanks({ programName: PROGRAM.name, yearLabel: year.label, side: "trainee", other: maya, role: "mentor", reason: "graduating" })),
    e("mentor", "Thanks at the year's end (mentor)", "A mentorship the trainee chose not to continue ends when the year is closed.", yearMessages.thanks({ programName: PROGRAM.name, yearLabel: year.label, side: "mentor", other: ben, role: "coach", reason: "trainee_declined" })),
    e("trainee", "Pay it forward", "A new alumnus, when the year is closed.", yearMessages.invite({ inviteId: "inv-1", programName: PROGRAM.name, yearLabel: year.label })),
    e("trainee", "Become a mentor", "The alumnus presses Become a mentor…: their mentor profile, pre-filled from their trainee profile.", {
      ...alumnus,
      title: { type: "plain_text", text: "Mentor profile" },
      submit: { type: "plain_text", text: "Become a mentor" },
    } as typeof alumnus),
  ];
}
