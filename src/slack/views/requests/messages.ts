import { Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { Payload, RequestCard, RequestMessages } from "../../../services/requests.js";
import type { RequestRecord } from "../../../store/requests.js";
import type { MatchRecord } from "../../../store/matches.js";
import { CADENCES, CAREER_STAGES, INTERESTS, MENTOR_ROLES, SPECIALTIES, labelOf } from "../../../domain/vocabulary.js";
import { EXPIRE_AFTER_DAYS } from "../../../domain/requestRules.js";
import { escapeMrkdwn } from "../escape.js";
import { REQUEST_ACTIONS } from "./ids.js";
import { cardBlocks } from "../findmentor/cards.js";

const role = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();
const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const para = (text: string) => Blocks.Section({ text });

/** The trainee's card as the mentor sees it; everything they typed is escaped. */
function cardText({ request, traineeProfile: p }: RequestCard): string {
  const lines = [`${Md.bold(escapeMrkdwn(request.trainee.name))} (<@${request.trainee.slackUserId}>) asks you to be their ${Md.bold(role(request.role))} in ${escapeMrkdwn(request.programName)}.`];
  const stage = p?.careerStage ? labelOf(CAREER_STAGES, p.careerStage) : null;
  const specialty = p?.specialty ? labelOf(SPECIALTIES, p.specialty) : null;
  if (stage || specialty) lines.push([stage, specialty].filter(Boolean).map((s) => escapeMrkdwn(s!)).join(" · "));
  if (p?.interests.length) lines.push(`${Md.bold("Interests")}: ${p.interests.map((i) => escapeMrkdwn(labelOf(INTERESTS, i))).join(", ")}`);
  if (p?.goals.length) lines.push(`${Md.bold("Goals")}: ${p.goals.map((g) => escapeMrkdwn(g)).join("; ")}`);
  if (request.goal) lines.push(`${Md.bold("This request is about")}: ${escapeMrkdwn(request.goal)}`);
  if (request.message) lines.push(`${Md.bold("Their message")}:\n>${escapeMrkdwn(request.message).replace(/\n/g, "\n>")}`);
  return lines.join("\n");
}

const answerButtons = (requestId: string) =>
  Blocks.Actions().elements(
    Elements.Button({ text: "Accept", actionId: REQUEST_ACTIONS.accept, value: requestId }).primary(),
    Elements.Button({ text: "Decline", actionId: REQUEST_ACTIONS.decline, value: requestId }),
  );

function introBlocks(m: MatchRecord): BlockBuilder[] {
  const chosen = m.cadence ? CADENCES.find((c) => c.key === m.cadence) : undefined;
  return [
    para(
      `:wave: <@${m.trainee.slackUserId}>, meet <@${m.mentor.slackUserId}> — your ${Md.bold(role(m.role))} in ${escapeMrkdwn(m.programName)}. ` +
        "Good mentorships agree a few things up front:",
    ),
    para(`${Md.bold("1. How often to meet")}\n${chosen ? `Agreed: ${Md.bold(chosen.label.toLowerCase())}. Either of you can change it below.` : "Pick a rhythm together (monthly contact is the usual):"}`),
    Blocks.Actions().elements(
      CADENCES.map((c) => {
        const b = Elements.Button({ text: c.label, actionId: `${REQUEST_ACTIONS.cadence}_${c.key.toLowerCase()}`, value: JSON.stringify({ matchId: m.id, cadence: c.key }) });
        return c.key === m.cadence ? b.primary() : b;
      }),
    ),
    para(`${Md.bold("2. How to prepare")}\n<@${m.trainee.slackUserId}> sends a short agenda two days before each meeting: what you want to discuss and any decisions you need.`),
    para(`${Md.bold("3. How meetings run")}\nStart with progress on your one or two goals, then the agenda; keep time for questions the mentor should ask (hands-on help, grants, papers, next steps).`),
    para(`${Md.bold("4. How to follow up")}\n<@${m.trainee.slackUserId}> sends notes and next steps after each meeting, here.`),
    Blocks.Actions().elements(Elements.Button({ text: "End mentorship", actionId: REQUEST_ACTIONS.end, value: m.id })),
  ];
}

/** The messages of requests and matches, for the services (which know no Block Kit). */
export const requestMessages: RequestMessages = {
  mentorRequest: (card) =>
    build(`${card.request.trainee.name} asks you to be their ${role(card.request.role)}`, [para(cardText(card)), answerButtons(card.request.id)]),
  mentorReminder: (card) =>
    build(`Reminder: ${card.request.trainee.name} is waiting for your answer`, [
      para(`:hourglass: ${Md.bold("A request is waiting for your answer.")} It expires after about a week (${EXPIRE_AFTER_DAYS} days, on a working morning); a quick decline is kinder than silence.`),
      para(cardText(card)),
      answerButtons(card.request.id),
    ]),
  traineeSent: (r, coMentorHint) => {
    const blocks: BlockBuilder[] = [para(`:outbox_tray: Your request went to <@${r.mentor.slackUserId}> (${role(r.role)}). You'll hear here when they answer.`)];
    if (coMentorHint) {
      blocks.push(
        para(`<@${r.mentor.slackUserId}> is junior faculty: many programs pair junior mentors with a ${Md.bold("senior co-mentor")}. Suggestions follow in a moment.`),
      );
    }
    blocks.push(Blocks.Actions().elements(Elements.Button({ text: "Withdraw request", actionId: REQUEST_ACTIONS.withdraw, value: r.id })));
    return build(`Request sent to ${r.mentor.name}`, blocks);
  },
  coMentorOffer: (r, seniors) =>
    seniors.length === 0
      ? build("No senior co-mentor has room right now", [
          para(`:seedling: No senior mentor in your programs has room to co-mentor beside <@${r.mentor.slackUserId}> right now. Your program director can help find one.`),
        ])
      : build(`Senior co-mentors who could work beside ${r.mentor.name}`, [
          para(`:seedling: ${Md.bold("Add a senior co-mentor?")} These senior mentors fit you and work close to <@${r.mentor.slackUserId}>'s field. Press ${Md.bold("Request")} to ask one as well — it's optional.`),
          Blocks.Divider(),
          ...seniors.flatMap(cardBlocks),
        ]),
  traineeDeclined: (r) =>
    build(`${r.mentor.name} can't take on a new ${role(r.role)} right now`, [
      para(`<@${r.mentor.slackUserId}> can't take you on as ${role(r.role)} right now. That's about their time, not about you. Run ${Md.codeInline("/findmentor")} for other good fits.`),
    ]),
  traineeExpired: (r) =>
    build(`Your request to ${r.mentor.name} expired`, [
      para(`Your request to <@${r.mentor.slackUserId}> (${role(r.role)}) had no answer in ${EXPIRE_AFTER_DAYS} days, so it has expired — people get busy. Run ${Md.codeInline("/findmentor")} again for the next best suggestions.`),
    ]),
  intro: (m) => build(`Meet your ${role(m.role)}`, introBlocks(m)),
  matchEndedOther: (m, by) =>
    build("A mentorship has ended", [para(`<@${by}> has ended your ${role(m.role)} mentorship in ${escapeMrkdwn(m.programName)}. Thank you for the time you gave it.`)]),
  matchEndedDirector: (m, by, note) =>
    build("A mentorship has ended", [
      para(`<@${by}> ended the ${role(m.role)} mentorship of <@${m.trainee.slackUserId}> with <@${m.mentor.slackUserId}> in ${escapeMrkdwn(m.programName)}.`),
      para(note ? `${Md.bold("Their private feedback")}:\n>${escapeMrkdwn(note).replace(/\n/g, "\n>")}` : "They left no feedback."),
    ]),
};

/** The mentor's request DM once answered (replaces the buttons). */
export function answeredMessage(r: RequestRecord, outcome: "accepted" | "declined" | "gone" | "full", status?: string): Payload {
  const who = `<@${r.trainee.slackUserId}> (${role(r.role)})`;
  const text = {
    accepted: `:white_check_mark: You accepted ${who}. I've introduced you in a group message.`,
    declined: `You declined ${who}. They were told kindly; your reason stays with the program directors.`,
    gone: `This request from ${who} is no longer open (${(status ?? "answered").toLowerCase()}), so nothing was changed.`,
    full: `Your places are all taken now, so ${who} could not be accepted. Raise your capacity in your profile if you'd like to take them on.`,
  }[outcome];
  return build(text, [para(text)]);
}

/** The trainee's confirmation after they withdrew. */
export function withdrawnMessage(r: RequestRecord): Payload {
  const text = `You withdrew your request to <@${r.mentor.slackUserId}> (${role(r.role)}).`;
  return build(text, [para(text)]);
}

/** A short line in place of a message's buttons (errors, confirmations). */
export function note(text: string): Payload {
  return build(text, [para(text)]);
}
