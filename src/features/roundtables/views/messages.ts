import { Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { dayTime, timeOfDay } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";
import { joinWithin } from "../../../slack/kit/fit.js";
import type { SlackMessage } from "../../../slack/kit/message.js";
import { FINDMENTOR } from "../../findmentor/ids.js";
import { ROUND_TABLE, ROUND_TABLE_ACTIONS } from "../ids.js";
import { sessionFacts, type RoundTableMessages, type RoundTablePayload, type RoundTableSessionRow, type SessionFacts, type SeatingDone } from "../roundTables.js";

const build = (text: string, blocks: BlockBuilder[]): RoundTablePayload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });

/** "Thu 7 Jan 2027, 14:00 EST, 3 rotations of 20 minutes" */
const when = (s: SessionFacts) => `${dayTime(s.startsAt, s.timezone)}, ${count(s.rotations, "rotation")} of ${s.minutesPerRotation} minutes`;
const program = (s: SessionFacts) => Md.bold(escapeMrkdwn(s.programName));
const pathList = (s: SessionFacts) => s.paths.map((p) => escapeMrkdwn(p.label)).join(" · ");
const slot = (s: SessionFacts, at: { startsAt: Date; endsAt: Date }) => `${timeOfDay(at.startsAt, s.timezone)}–${timeOfDay(at.endsAt, s.timezone)}`;
const chooseButton = (s: SessionFacts, text = "Choose career paths") => Elements.Button({ text, actionId: ROUND_TABLE_ACTIONS.choose, value: ROUND_TABLE.choose.codec.encode(s.id) }).primary();

/** Slack refuses a section over 3,000 characters. */
const SECTION_CHARS = 2900;

export const roundTableMessages: RoundTableMessages = {
  invite: (s) =>
    build(`Career round tables: choose 2 or 3 career paths by ${dayTime(s.choiceDeadline, s.timezone)}`, [
      Blocks.Section({
        text:
          `:round_pushpin: ${program(s)} holds career round tables on ${when(s)}. Mentors host a table each for their career path:\n${pathList(s)}\n\n` +
          `Choose the 2 or 3 you'd most like to hear about by ${Md.bold(dayTime(s.choiceDeadline, s.timezone))}; you'll get your table for each rotation by DM.`,
      }),
      Blocks.Actions().elements(chooseButton(s)),
    ]),
  hostInvite: (s, pathLabel) =>
    build(`You're hosting a career round table on ${dayTime(s.startsAt, s.timezone)}`, [
      Blocks.Section({
        text:
          `:round_pushpin: Thank you for hosting the ${Md.bold(escapeMrkdwn(pathLabel))} table at ${program(s)}'s career round tables, ${when(s)}. ` +
          `Trainees choose their paths until ${dayTime(s.choiceDeadline, s.timezone)}; then you get the list of who sits at your table in each rotation (at most ${count(s.tableSize, "trainee")} at a time).`,
      }),
    ]),
  schedule: (s, lines) => {
    const rows = lines.map((l) =>
      l.host
        ? `${Md.bold(`Rotation ${l.rotation + 1}`)} (${slot(s, l)}): ${escapeMrkdwn(l.host.pathLabel)} with <@${l.host.slackUserId}>`
        : `${Md.bold(`Rotation ${l.rotation + 1}`)} (${slot(s, l)}): no seat — every table you had not yet visited was full. A good moment to talk with a host between tables.`,
    );
    return build(`Your career round tables on ${dayTime(s.startsAt, s.timezone)}`, [
      Blocks.Section({ text: `:round_pushpin: Your tables at ${program(s)}'s career round tables, ${dayTime(s.startsAt, s.timezone)}:` }),
      Blocks.Section({ text: joinWithin(rows, SECTION_CHARS, "\n", (n) => `…and ${count(n, "more rotation")}`) }),
      Blocks.Context().elements("Afterwards you can ask any of your hosts to be your mentor."),
    ]);
  },
  hostTable: (s, pathLabel, lines) => {
    const rows = lines.map((l) => `${Md.bold(`Rotation ${l.rotation + 1}`)} (${slot(s, l)}): ${l.trainees.length ? l.trainees.map((t) => `<@${t}>`).join(", ") : "no one this rotation"}`);
    const total = new Set(lines.flatMap((l) => l.trainees)).size;
    return build(`Your ${pathLabel} table on ${dayTime(s.startsAt, s.timezone)}`, [
      Blocks.Section({ text: `:round_pushpin: Your ${Md.bold(escapeMrkdwn(pathLabel))} table at ${program(s)}'s career round tables, ${dayTime(s.startsAt, s.timezone)} — ${count(total, "trainee")} in all:` }),
      Blocks.Section({ text: joinWithin(rows, SECTION_CHARS, "\n", (n) => `…and ${count(n, "more rotation")}`) }),
    ]);
  },
  followUp: (s, hosts, programId) =>
    build("Would you like to request one of your round-table hosts as a mentor?", [
      Blocks.Section({ text: `:handshake: Thank you for joining ${program(s)}'s career round tables. Would you like to request one of your hosts as a mentor?` }),
      ...hosts.slice(0, 20).map((h) =>
        Blocks.Section({ text: `<@${h.slackUserId}> — ${escapeMrkdwn(h.pathLabel)}` }).accessory(
          Elements.Button({ text: "Request", actionId: FINDMENTOR.request.id, value: FINDMENTOR.request.codec.encode({ mentorId: h.memberId, programId }) }),
        ),
      ),
      Blocks.Context().elements(`Or look wider with ${Md.codeInline("/findmentor")}.`),
    ]),
};

/** The director's list of sessions, with "Seat now" and "Cancel" on those not seated yet. */
export function sessionList(sessions: RoundTableSessionRow[], now: Date, note?: string): SlackMessage {
  const blocks: BlockBuilder[] = [];
  if (note) blocks.push(Blocks.Section({ text: note }));
  blocks.push(Blocks.Section({ text: `${Md.bold("Career round tables")} — ${sessions.length ? count(sessions.length, "session") : "no sessions planned"}.` }));
  for (const row of sessions.slice(0, 14)) {
    const s = sessionFacts(row);
    const state = row.seatedAt
      ? row.followedUpAt
        ? "seated; trainees were asked about requesting a host"
        : "seated; everyone has their schedule"
      : now.getTime() < row.choiceDeadline.getTime()
        ? `choices open until ${dayTime(row.choiceDeadline, s.timezone)}`
        : "choices closed; seating shortly";
    blocks.push(
      Blocks.Divider(),
      Blocks.Section({
        text:
          `${program(s)} — ${when(s)}, tables of up to ${row.tableSize}\n` +
          `${count(row.hosts.length, "table")}: ${row.hosts.map((h) => `<@${h.slackUserId}> (${escapeMrkdwn(s.paths.find((p) => p.key === h.careerPath)?.label ?? h.careerPath)})`).join(", ")}\n` +
          `${count(row.choices, "trainee")} chose · ${state}`,
      }),
    );
    if (!row.seatedAt) {
      blocks.push(
        Blocks.Actions().elements(
          Elements.Button({ text: "Seat now", actionId: ROUND_TABLE_ACTIONS.seatNow, value: row.id }).primary(),
          Elements.Button({ text: "Cancel", actionId: ROUND_TABLE_ACTIONS.cancel, value: row.id }).danger(),
        ),
      );
    }
  }
  blocks.push(Blocks.Actions().elements(Elements.Button({ text: "New round tables", actionId: ROUND_TABLE_ACTIONS.create, value: "" })));
  return { text: "Career round tables", blocks: Message().blocks(blocks).buildToObject().blocks ?? [] };
}

/** What a director is told once a session is seated. */
export function seatedText(done: SeatingDone): string {
  const lines = [`:white_check_mark: Seated ${count(done.seated, "trainee")}; ${done.firstChoicesMet} got a table of their first choice. Schedules and host lists are on their way by DM.`];
  if (done.withoutSeat) lines.push(`${count(done.withoutSeat, "rotation seat")} could not be given: the tables were full (raise the table size or add hosts next time).`);
  return lines.join(" ");
}

/** The trainee's Home: each coming session, with their choices and the button to choose or change. */
export function traineeRoundTableBlocks(rows: { session: SessionFacts; chosen: string[] | null; open: boolean }[] | null | undefined): BlockBuilder[] {
  if (!rows?.length) return [];
  const blocks: BlockBuilder[] = [Blocks.Section({ text: Md.bold("Career round tables") })];
  for (const r of rows) {
    const s = r.session;
    const chosen = r.chosen?.length ? `You chose ${r.chosen.map((k) => escapeMrkdwn(s.paths.find((p) => p.key === k)?.label ?? k)).join(", ")}.` : "You haven't chosen yet.";
    const text = `${program(s)} — ${when(s)}. ${r.open ? `${chosen} Choices close ${dayTime(s.choiceDeadline, s.timezone)}.` : r.chosen ? "Your schedule came by DM." : "Choices are closed."}`;
    const section = Blocks.Section({ text });
    if (r.open) section.accessory(chooseButton(s, r.chosen ? "Change choices" : "Choose career paths"));
    blocks.push(section);
  }
  return blocks;
}
