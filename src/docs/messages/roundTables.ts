import { choiceModal, setupModal } from "../../features/roundtables/views/forms.js";
import { roundTableMessages, seatedText, sessionList, traineeRoundTableBlocks } from "../../features/roundtables/views/messages.js";
import type { RoundTableSessionRow, SessionFacts } from "../../features/roundtables/roundTables.js";
import { sessionFacts } from "../../features/roundtables/roundTables.js";
import { doneModal } from "../../slack/kit/doneModal.js";
import { message } from "../../slack/kit/message.js";
import { HomeTab } from "slack-block-builder";
import { CAREER_PATHS } from "../../domain/vocabulary.js";
import { NOW, PEOPLE, PROGRAM, TZ, daysFromNow } from "./cast.js";
import type { Entry, Reader } from "./entry.js";

/** Career round tables: a session in a week at 17:00 Chicago, choices closing in four days. */
const SESSION: RoundTableSessionRow = {
  id: "rt-1",
  workspaceId: PROGRAM.workspaceId,
  programId: PROGRAM.id,
  programName: PROGRAM.name,
  timezone: TZ,
  vocabulary: null,
  startsAt: daysFromNow(7, 8),
  rotations: 3,
  minutesPerRotation: 20,
  tableSize: 6,
  choiceDeadline: daysFromNow(4, 8),
  seatedAt: null,
  followedUpAt: null,
  cancelledAt: null,
  hosts: [
    { hostId: "h-1", careerPath: "medical_education", memberId: PEOPLE.maya.id, slackUserId: PEOPLE.maya.slackUserId, name: PEOPLE.maya.name },
    { hostId: "h-2", careerPath: "industry", memberId: PEOPLE.jun.id, slackUserId: PEOPLE.jun.slackUserId, name: PEOPLE.jun.name },
    { hostId: "h-3", careerPath: "clinical_practice", memberId: PEOPLE.sam.id, slackUserId: PEOPLE.sam.slackUserId, name: PEOPLE.sam.name },
  ],
  choices: 14,
};
const facts: SessionFacts = sessionFacts(SESSION);
const rotation = (r: number) => ({ startsAt: new Date(SESSION.startsAt.getTime() + r * 20 * 60_000), endsAt: new Date(SESSION.startsAt.getTime() + (r + 1) * 20 * 60_000) });
const entry = (reader: Reader) => (title: string, when: string, surface: Entry["surface"]): Entry => ({ reader, title, when, surface });

/** What each reader sees of career round tables (docs/round-tables.md). */
export function roundTableEntries(reader: Reader): Entry[] {
  const t = entry("trainee");
  const m = entry("mentor");
  const d = entry("director");
  const all: Entry[] = [
    t("Round tables: invitation", "Dana set up career round tables for Tara's program.", roundTableMessages.invite(facts)),
    t("Round tables: choosing", "Tara presses Choose career paths (she chose before: the form shows it).", choiceModal({ session: facts, current: ["industry", "medical_education"] })),
    t("Round tables: choices saved", "Tara saves her choices.", doneModal("Choices saved", ":white_check_mark: You chose Industry, Medical education for Heme Fellowship's round tables on Mon 14 Dec 2026, 17:00 CST. You can change them until Fri 11 Dec 2026, 17:00 CST; then your table for each rotation comes by DM.")),
    t("Round tables on the Home tab", "Tara's Home, under As a trainee, while choices are open.", HomeTab().blocks(traineeRoundTableBlocks([{ session: facts, chosen: ["industry", "medical_education"], open: true }])).buildToObject()),
    t("Round tables: schedule", "Choices closed and Tara was seated (one rotation without a seat: the tables were full).", roundTableMessages.schedule(facts, [
      { rotation: 0, ...rotation(0), host: { slackUserId: PEOPLE.jun.slackUserId, pathLabel: "Industry" } },
      { rotation: 1, ...rotation(1), host: { slackUserId: PEOPLE.maya.slackUserId, pathLabel: "Medical education" } },
      { rotation: 2, ...rotation(2), host: null },
    ])),
    t("Round tables: request a host?", "The session is over.", roundTableMessages.followUp(facts, [
      { memberId: PEOPLE.jun.id, slackUserId: PEOPLE.jun.slackUserId, pathLabel: "Industry" },
      { memberId: PEOPLE.maya.id, slackUserId: PEOPLE.maya.slackUserId, pathLabel: "Medical education" },
    ], PROGRAM.id)),
    m("Round tables: hosting", "Dana chose Dr. Jun Lee to host the Industry table.", roundTableMessages.hostInvite(facts, "Industry")),
    m("Round tables: your table", "Choices closed and everyone was seated.", roundTableMessages.hostTable(facts, "Industry", [
      { rotation: 0, ...rotation(0), trainees: [PEOPLE.tara.slackUserId, PEOPLE.ben.slackUserId] },
      { rotation: 1, ...rotation(1), trainees: [PEOPLE.ben.slackUserId] },
      { rotation: 2, ...rotation(2), trainees: [] },
    ])),
    d("Round tables: set-up form", "Dana types /mentoring-admin roundtables.", setupModal([PROGRAM], CAREER_PATHS, PROGRAM.id)),
    d("Round tables: sessions", "Dana presses Round tables on her Home.", sessionList([SESSION], NOW)),
    d("Round tables: seated", "Dana presses Seat now.", message(seatedText({ sessionId: SESSION.id, seated: 14, withoutSeat: 2, firstChoicesMet: 12, queued: 17 }), seatedText({ sessionId: SESSION.id, seated: 14, withoutSeat: 2, firstChoicesMet: 12, queued: 17 }))),
  ];
  return all.filter((e) => e.reader === reader);
}
