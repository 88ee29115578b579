import { Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { FindMentorResult, MentorCard, VisibleExclusions } from "../findMentor.js";
import { notEnrolledMessage, type SlackMessage } from "../../home/views/help.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { count, verb } from "../../../slack/kit/plural.js";
import { FINDMENTOR, type MoreButtonValue, type RequestButtonValue } from "../ids.js";

/** /findmentor's answer: ranked mentor cards with a Request button each, or why no one is shown. */

const NOT_SAID = "not said";
/** Button values hold at most 2,000 characters; the query is cut well below that. */
const MAX_QUERY_IN_BUTTON = 1500;

const yesNo = (v: boolean | null, yes: string, no: string) => (v === null ? NOT_SAID : v ? yes : no);

/** The questions trainees are told to ask a prospective mentor, answered from the profile. */
export function cardAnswers(c: MentorCard): string[] {
  const handsOn = yesNo(c.handsOn, "yes", "no, gives room to work independently");
  const note = c.supervisorNote ? ` (${escapeMrkdwn(c.supervisorNote)})` : "";
  return [
    `${Md.bold("Hands-on?")} ${handsOn}${note}`,
    `${Md.bold("Trainees now:")} ${c.activeMentees} of ${count(c.capacity, "place")} taken`,
    `${Md.bold("Grants with mentees?")} ${yesNo(c.helpedGrants, "has helped mentees win grants", "not so far")}`,
    `${Md.bold("Co-publishes?")} ${yesNo(c.copublishes, "yes", "no")}`,
    `${Md.bold("Past fellows:")} ${c.pastFellows ? escapeMrkdwn(c.pastFellows) : NOT_SAID}`,
    `${Md.bold("Meets:")} ${c.cadence ? escapeMrkdwn(c.cadence).toLowerCase() : NOT_SAID}`,
  ];
}

export const JUNIOR_FACULTY_FLAG = "junior faculty — a senior co-mentor can be added";

/** One mentor: who, why they fit, the answers trainees ask about, and a Request button. */
export function cardBlocks(c: MentorCard): BlockBuilder[] {
  const what = [c.stage, c.specialty, c.subspecialty].filter((x): x is string => Boolean(x)).map(escapeMrkdwn).join(" · ");
  const lines = [`${Md.user(c.slackUserId)}${what ? ` — ${what}` : ""}`];
  if (c.reasons.length) lines.push(c.reasons.map(escapeMrkdwn).join(" · "));
  if (c.juniorFaculty) lines.push(`:seedling: ${Md.italic(JUNIOR_FACULTY_FLAG)}`);
  const request: RequestButtonValue = { mentorId: c.memberId, programId: c.programId };
  return [
    Blocks.Section({ text: lines.join("\n") }).accessory(
      Elements.Button({ text: "Request", actionId: FINDMENTOR.request.id, value: FINDMENTOR.request.codec.encode(request) }).primary(),
    ),
    Blocks.Context().elements(cardAnswers(c).join("   ")),
    Blocks.Divider(),
  ];
}

function moreButton(page: number, q: string): BlockBuilder {
  const value: MoreButtonValue = { page, q: q.slice(0, MAX_QUERY_IN_BUTTON) };
  return Blocks.Actions().elements(Elements.Button({ text: "More", actionId: FINDMENTOR.more.id, value: FINDMENTOR.more.codec.encode(value) }));
}

const build = (text: string, blocks: BlockBuilder[]): SlackMessage => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });

export function mentorCardsMessage(r: Extract<FindMentorResult, { kind: "mentors" }>): SlackMessage {
  const query = r.query.trim();
  const first = r.shownBefore + 1;
  const last = r.shownBefore + r.cards.length;
  const heading =
    `${Md.bold(query ? `Mentors for you matching “${escapeMrkdwn(query)}”` : "Mentors for you")}` +
    ` (${first === last ? `#${first}` : `#${first}–${last}`}, best fit first). Press ${Md.bold("Request")} to ask one of them.`;
  const blocks: BlockBuilder[] = [Blocks.Section({ text: heading }), Blocks.Divider(), ...r.cards.flatMap(cardBlocks)];
  if (r.hasMore) blocks.push(moreButton(r.page + 1, r.query));
  return build(query ? `Mentors for you matching “${query}”` : "Mentors for you", blocks);
}

const mentors = (n: number) => count(n, "mentor");
const quoted = (terms: string[]) => terms.map((t) => `‘${escapeMrkdwn(t)}’`).join(" or ");

/** The reasons no one is shown, in plain words, from the counts a trainee may see. */
export function whyNoFit(excluded: VisibleExclusions, terms: string[]): string[] {
  const why: string[] = [];
  if (excluded.full) why.push(`${mentors(excluded.full)} ${verb(excluded.full, "is", "are")} full`);
  if (excluded.paused) why.push(`${mentors(excluded.paused)} ${verb(excluded.paused, "is", "are")} paused`);
  if (excluded.alreadyMentoring) why.push(`${mentors(excluded.alreadyMentoring)} already ${verb(excluded.alreadyMentoring, "mentors", "mentor")} you`);
  if (excluded.declinedRecently) why.push(`${mentors(excluded.declinedRecently)} declined a request from you recently`);
  if (excluded.noKeywordMatch) {
    const n = excluded.noKeywordMatch;
    const others = why.length ? "other " : "";
    why.push(n === 1 ? `the 1 ${others}mentor doesn't mention ${quoted(terms)}` : `none of the ${count(n, `${others}mentor`)} mention ${quoted(terms)}`);
  }
  return why;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function noFitMessage(r: Extract<FindMentorResult, { kind: "no_fit" }>): SlackMessage {
  const why = whyNoFit(r.excluded, r.terms);
  const reason = why.length ? `${capitalize(why.join(", "))}.` : "None of the mentors in your programs can take you on right now.";
  const todo: string[] = [];
  if (r.excluded.noKeywordMatch) todo.push(`try fewer or other words (or just ${Md.codeInline("/findmentor")})`);
  if (r.excluded.full || r.excluded.paused) todo.push("check back in a few weeks, when places open and pauses end");
  todo.push("ask your program director to add mentors");
  const text = "No mentor fits right now.";
  return build(text, [Blocks.Section({ text: `${Md.bold(text)} ${reason}` }), Blocks.Section({ text: `What you can do: ${todo.join("; ")}.` })]);
}

export function noMentorsMessage(): SlackMessage {
  const text = "There are no mentors in your programs yet.";
  return build(text, [Blocks.Section({ text: `${Md.bold(text)} Ask your program director to add some, then try again.` })]);
}

export function profileFirstMessage(): SlackMessage {
  const text = "Fill in your profile first, so Rounds can find mentors who fit you.";
  return build(text, [
    Blocks.Section({ text: `${Md.bold("Fill in your profile first")} — it's open now. Once it's saved, run ${Md.codeInline("/findmentor")} again.` }),
  ]);
}

/** The reply for any result but "no_profile" (which opens the profile modal instead). */
export function findMentorReply(r: Exclude<FindMentorResult, { kind: "no_profile" }>): SlackMessage {
  switch (r.kind) {
    case "not_enrolled":
      return notEnrolledMessage(r.standing);
    case "no_mentors":
      return noMentorsMessage();
    case "no_fit":
      return noFitMessage(r);
    case "mentors":
      return mentorCardsMessage(r);
  }
}
