import { Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { Payload, RequestCard, RequestMessages } from "../requests.js";
import type { RequestRecord } from "../../../store/requests.js";
import type { MatchRecord } from "../../../store/matches.js";
import { CADENCES, CAREER_STAGES, INTERESTS, MENTOR_ROLES, SPECIALTIES, labelOf } from "../../../domain/vocabulary.js";
import { EXPIRE_AFTER_DAYS } from "../../../domain/requestRules.js";
import { count, verb } from "../../../slack/kit/plural.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { yourOther } from "../../../slack/kit/relation.js";

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
import { PROFILE_ACTIONS } from "../../profiles/ids.js";
import { REQUEST, REQUEST_ACTIONS } from "../ids.js";
import { suffixedId } from "../../../slack/interaction/ids.js";
import type { Cadence } from "../../../domain/cadence.js";
import { cardBlocks } from "../../findmentor/views/cards.js";

const role = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();
const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const para = (text: string) => Blocks.Section({ text });

/** The trainee's card as the mentor sees it; everything they typed is escaped. */
function cardText({ request, traineeProfile: p, traineeGoals }: RequestCard): string {
  const lines = [`<@${request.trainee.slackUserId}> asks you to be their ${Md.bold(role(request.role))} in ${escapeMrkdwn(request.programName)}.`];
  const stage = p?.careerStage ? labelOf(CAREER_STAGES, p.careerStage) : null;
  const specialty = p?.specialty ? labelOf(SPECIALTIES, p.specialty) : null;
  if (stage || specialty) lines.push([stage, specialty].filter(Boolean).map((s) => escapeMrkdwn(s!)).join(" · "));
  if (p?.interests.length) lines.push(`${Md.bold("Interests")}: ${p.interests.map((i) => escapeMrkdwn(labelOf(INTERESTS, i))).join(", ")}`);
  if (traineeGoals.length) lines.push(`${Md.bold("Goals")}: ${traineeGoals.map((g) => escapeMrkdwn(g)).join("; ")}`);
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
        const b = Elements.Button({ text: c.label, actionId: suffixedId(REQUEST.cadence, c.key.toLowerCase()), value: REQUEST.cadence.codec.encode({ matchId: m.id, cadence: c.key as Cadence }) });
        return c.key === m.cadence ? b.primary() : b;
      }),
    ),
    para(`${Md.bold("2. How to prepare")}\n<@${m.trainee.slackUserId}> sends a short agenda two days before each meeting: what you want to discuss and any decisions you need.`),
    para(`${Md.bold("3. How meetings run")}\nStart with progress on your one or two goals, then the agenda; keep time for questions the mentor should ask (hands-on help, grants, papers, next steps).`),
    para(`${Md.bold("4. How to follow up")}\n<@${m.trainee.slackUserId}> sends notes and next steps after each meeting, here.`),
    Blocks.Actions().elements(Elements.Button({ text: "End mentorship", actionId: REQUEST_ACTIONS.end, value: m.id })),
  ];
}

/** Who ended a mentorship, naming each person once: "<@M> ended their mentorship of <@T> (coach)". */
function endedBy(m: MatchRecord, by: string): string {
  const [t, mentor] = [`<@${m.trainee.slackUserId}>`, `<@${m.mentor.slackUserId}>`];
  if (by === m.mentor.slackUserId) return `${mentor} ended their mentorship of ${t} (${role(m.role)})`;
  if (by === m.trainee.slackUserId) return `${t} ended their mentorship with ${mentor} (their ${role(m.role)})`;
  return `<@${by}> ended the mentorship of ${t} with ${mentor} (${role(m.role)})`;
}

/** The messages of requests and matches, for the services (which know no Block Kit). */
export const requestMessages: RequestMessages = {
  mentorRequest: (card) =>
    build(`${escapeMrkdwn(card.request.trainee.name)} asks you to be their ${role(card.request.role)}`, [para(cardText(card)), answerButtons(card.request.id)]),
  mentorReminder: (card) =>
    build(`Reminder: ${escapeMrkdwn(card.request.trainee.name)} is waiting for your answer`, [
      para(`:hourglass: ${Md.bold("A request is waiting for your answer.")} It expires after about a week (${EXPIRE_AFTER_DAYS} days, on a working morning); a quick decline is kinder than silence.`),
      para(cardText(card)),
      answerButtons(card.request.id),
    ]),
  traineeSent: (r, coMentorHint) => {
    const blocks: BlockBuilder[] = [
      para(
        `:outbox_tray: You asked <@${r.mentor.slackUserId}> to be your ${role(r.role)}. You'll hear here when they answer; ` +
          "if they haven't within about a week, the request expires and I'll tell you.",
      ),
    ];
    if (coMentorHint) {
      blocks.push(
        para(`<@${r.mentor.slackUserId}> is junior faculty: many programs pair junior mentors with a ${Md.bold("senior co-mentor")}. Suggestions follow in a moment.`),
      );
    }
    blocks.push(Blocks.Actions().elements(Elements.Button({ text: "Withdraw request", actionId: REQUEST_ACTIONS.withdraw, value: r.id })));
    return build(`Request sent to ${escapeMrkdwn(r.mentor.name)}`, blocks);
  },
  coMentorOffer: (r, seniors) =>
    seniors.length === 0
      ? build("No senior co-mentor has room right now", [
          para(`:seedling: No mentor more senior than <@${r.mentor.slackUserId}> in your programs has room to co-mentor beside them right now. Your program director can help find one.`),
        ])
      : build(`Senior co-mentors who could work beside ${escapeMrkdwn(r.mentor.name)}`, [
          para(`:seedling: ${Md.bold("Add a senior co-mentor?")} These mentors are more senior than <@${r.mentor.slackUserId}> (mid-career faculty or above), fit you, and work close to their field. Press ${Md.bold("Request")} to ask one as well — it's optional.`),
          Blocks.Divider(),
          ...seniors.flatMap(cardBlocks),
        ]),
  traineeDeclined: (r) =>
    build(`${escapeMrkdwn(r.mentor.name)} can't be your ${role(r.role)} right now`, [
      para(`<@${r.mentor.slackUserId}> can't be your ${role(r.role)} right now. That's about their time, not about you. Type ${Md.codeInline("/findmentor")} for other good fits.`),
    ]),
  traineeExpired: (r) =>
    build(`Your request to ${escapeMrkdwn(r.mentor.name)} expired`, [
      para(
        `Your request asking <@${r.mentor.slackUserId}> to be your ${role(r.role)} had no answer in about a week (${EXPIRE_AFTER_DAYS} days), so it has expired — people get busy. ` +
          `Type ${Md.codeInline("/findmentor")} for the next best suggestions.`,
      ),
    ]),
  traineeMentorFull: (r) =>
    build(`${escapeMrkdwn(r.mentor.name)} has no place left right now`, [
      para(
        `:seedling: <@${r.mentor.slackUserId}>'s mentoring places have all filled, so your request for them to be your ${role(r.role)} can't go ahead. ` +
          `That's about their time, not about you, and I didn't want you waiting for an answer. Type ${Md.codeInline("/findmentor")} for mentors who have room now.`,
      ),
    ]),
  intro: (m) => build(`Meet your ${role(m.role)}`, introBlocks(m)),
  matchEndedOther: (m, by) =>
    build("A mentorship has ended", [
      para(
        `${capitalize(yourOther(m.role, by === m.mentor.slackUserId ? "trainee" : "mentor", `<@${by}>`))} has ended your mentorship in ${escapeMrkdwn(m.programName)}. Thank you for the time you gave it.` +
          (by === m.mentor.slackUserId ? ` If you'd like another mentor, type ${Md.codeInline("/findmentor")}.` : " Your place is free again."),
      ),
    ]),
  matchEndedDirector: (m, by, note) =>
    build("A mentorship has ended", [
      para(`${endedBy(m, by)} in ${escapeMrkdwn(m.programName)}.`),
      para(note ? `${Md.bold("Their private feedback")}:\n>${escapeMrkdwn(note).replace(/\n/g, "\n>")}` : "They left no feedback."),
    ]),
};

/** A request as its mentor reads it: "<@T>'s request to be their coach". */
const theirRequest = (r: RequestRecord) => `<@${r.trainee.slackUserId}>'s request to be their ${role(r.role)}`;

/** What became of a request, as its mentor reads it ("they withdrew it"). */
function statusWords(status: string): string {
  return (
    {
      ACCEPTED: "you accepted it",
      DECLINED: "you declined it",
      EXPIRED: "it expired without an answer",
      WITHDRAWN: "they withdrew it",
      MENTOR_FULL: "your places filled up first",
    }[status] ?? "it was answered"
  );
}

const fullText = (theirRequest: string) =>
  `Your mentoring places are all taken, so ${theirRequest} is closed; they were told kindly and pointed to ${Md.codeInline("/findmentor")}.`;
const raiseCapacity = "If you'd like to take on more mentees, raise your capacity in your profile; people can then ask you again.";
const editProfile = () => Blocks.Actions().elements(Elements.Button({ text: "Edit profile", actionId: PROFILE_ACTIONS.edit }));

/**
 * The mentor's request DM (and its reminder) once the request is settled, whoever settled it: drawn
 * in place of Accept and Decline so no button is left on a closed request.
 */
export function settledForMentor(r: RequestRecord): Payload {
  const theirs = theirRequest(r);
  const text =
    ({
      ACCEPTED: `:white_check_mark: You accepted ${theirs}.`,
      DECLINED: `You declined ${theirs}. They were told kindly; your reason stays with the program directors.`,
      WITHDRAWN: `<@${r.trainee.slackUserId}> withdrew their request for you to be their ${role(r.role)}, so there's nothing to answer.`,
      EXPIRED: `${capitalize(theirs)} expired without an answer after about a week; they were told and pointed to ${Md.codeInline("/findmentor")}.`,
      MENTOR_FULL: `${fullText(theirs)} ${raiseCapacity}`,
    } as Record<string, string>)[r.status] ?? `${capitalize(theirs)} is no longer open.`;
  return build(text, r.status === "MENTOR_FULL" ? [para(text), editProfile()] : [para(text)]);
}

/**
 * The mentor's request DM once it is settled (replaces the buttons): accepted (`othersClosed`: the
 * other requests that closed because that was their last place), declined, no longer open, or
 * closed because their places are full (`othersClosed`: the other requests closed with it).
 */
export function answeredMessage(r: RequestRecord, outcome: "accepted" | "declined" | "gone" | "full", othersClosed = 0): Payload {
  const theirs = theirRequest(r);
  const others = othersClosed ? ` ${count(othersClosed, "other request")} waiting for you ${verb(othersClosed, "was", "were")} closed the same way.` : "";
  const text = {
    accepted:
      `:white_check_mark: You accepted ${theirs}. I've introduced you in a group message.` +
      (othersClosed ? ` That was your last place, so ${count(othersClosed, "other request")} waiting for you ${verb(othersClosed, "was", "were")} closed and each trainee told kindly to look again.` : ""),
    declined: `You declined ${theirs}. They were told kindly; your reason stays with the program directors.`,
    gone: `${capitalize(theirs)} is no longer open (${statusWords(r.status)}), so nothing was changed.`,
    full: `${fullText(theirs)}${others} ${raiseCapacity}`,
  }[outcome];
  return build(text, outcome === "full" ? [para(text), editProfile()] : [para(text)]);
}

/** A request as its trainee reads it: "Your request asking <@M> to be your coach". */
const yourRequest = (r: RequestRecord) => `Your request asking <@${r.mentor.slackUserId}> to be your ${role(r.role)}`;

/** The trainee's "request sent" DM once the request is settled: drawn in place of its Withdraw button. */
export function settledForTrainee(r: RequestRecord): Payload {
  const yours = yourRequest(r);
  const text =
    ({
      ACCEPTED: `:white_check_mark: <@${r.mentor.slackUserId}> accepted your request to be your ${role(r.role)}. You've been introduced in a group message.`,
      DECLINED: `${yours} is closed: they can't take it on right now.`,
      WITHDRAWN: `You withdrew your request asking <@${r.mentor.slackUserId}> to be your ${role(r.role)}.`,
      EXPIRED: `${yours} expired without an answer.`,
      MENTOR_FULL: `${yours} is closed: their mentoring places filled up.`,
    } as Record<string, string>)[r.status] ?? `${yours} is no longer open.`;
  return build(text, [para(text)]);
}

/** The trainee's confirmation after they withdrew. */
export function withdrawnMessage(r: RequestRecord): Payload {
  const text = `You withdrew your request asking <@${r.mentor.slackUserId}> to be your ${role(r.role)}.`;
  return build(text, [para(text)]);
}

/** A short line in place of a message's buttons (errors, confirmations). */
export function note(text: string): Payload {
  return build(text, [para(text)]);
}
