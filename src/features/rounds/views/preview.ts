/**
 * The director's preview of a pairing round (pure): every proposed pair or group with its fit and
 * reasons, the metrics, who is not matched and why, and the actions Swap, Drop, Re-run, Approve,
 * Discard. Also the message the preview becomes once approved or discarded.
 *
 * A Slack message holds at most 50 blocks and 3,000 characters per section, so lines are packed
 * into sections and a very large round shows its first lines and says how many more there are.
 */
import { Bits, Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { Payload } from "../../requests/requests.js";
import type { RoundLabel } from "../roundApproval.js";
import { isPairKind, type ProposalUnmatched, type RoundProposal } from "../../../domain/roundProposal.js";
import { MENTOR_ROLES, labelOf } from "../../../domain/vocabulary.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { PREVIEW, PREVIEW_ACTIONS } from "../previewIds.js";
import { canSwap } from "./previewModals.js";
import { SPEED_LEAD_MINUTES } from "../../../domain/speedRetime.js";
import { count, verb } from "../../../slack/kit/plural.js";
import { ordinal } from "./ordinal.js";
import { day, dayTime, timeOfDay } from "../../../slack/kit/dates.js";

const SECTION_CHARS = 2900;
const MAX_LINE_SECTIONS = 30;

const at = (id: string, p: RoundProposal) => (p.people[id] ? `<@${p.people[id]!.slackUserId}>` : "someone who left");
const fit = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
/** Every share in a round's messages is rounded one way: a whole percent. */
export const percent = (part: number, whole: number) => `${whole ? Math.round((100 * part) / whole) : 0}%`;

/**
 * Where a pair stands among the trainee's options. In a stable round the trainee ranked the mentors
 * themself ("2nd choice"); otherwise the rank is by fit, and the words say so ("2nd-best fit"), since
 * nobody chose anything.
 */
export function rankWords(kind: RoundProposal["kind"], rank: number): string {
  if (kind === "STABLE") return `${ordinal(rank)} choice`;
  return rank === 1 ? "their best fit" : `their ${ordinal(rank)}-best fit`;
}

export const KIND_WORDS: Record<RoundProposal["kind"], string> = {
  MENTOR_MATCH: "mentor match (best total fit)",
  STABLE: "stable match (from rank lists)",
  ROTATION: "rotation",
  SPEED: "speed mentoring",
};

/** The round's name line: "*Spring match* — Heme Fellowship · 2026 cohort · mentor match · Mon 2 Mar". */
export function roundTitle(r: RoundLabel): string {
  const when = day(r.scheduledFor, r.timezone);
  const where = [escapeMrkdwn(r.programName), r.cohortName ? escapeMrkdwn(r.cohortName) : null].filter(Boolean).join(" · ");
  return `${Md.bold(escapeMrkdwn(r.roundName))} — ${where} · ${KIND_WORDS[r.kind]} · ${when}`;
}

/** Why someone is not matched, in the director's words. */
export function unmatchedWords(u: ProposalUnmatched): string {
  switch (u.reason) {
    case "paused":
      return "paused (away)";
    case "no_candidates":
    case "no_mentors":
      return "no mentors in the program";
    case "all_excluded": {
      const x = u.excluded ?? {};
      const why = [
        x.exclusion ? "a confidential exclusion" : null,
        x.sameGroup ? "same group" : null,
        x.activePair ? "already paired" : null,
        x.mentorPaused ? "mentors paused" : null,
        x.noCapacity ? "mentors with no places" : null,
      ].filter(Boolean);
      return `no mentor allowed${why.length ? ` (${why.join(", ")})` : ""}`;
    }
    case "mentors_full":
      return `every mentor they could have is full (${count(u.eligibleMentors ?? 0, "eligible mentor")})`;
    case "not_ranked_back":
      return "no mentor on their list ranked them";
    case "dropped":
      return "dropped from this proposal by a director";
    case "unassigned":
      return "not paired since an edit, though a mentor they could have still has room: reassign them";
    case "alone":
      return "nobody left to pair with";
    case "not_enough_mentors":
      return "not enough mentors for the rotations";
  }
}

/** The numbers of a proposal: how many matched, fit, load, stable facts, repeats. One rounding for every share. */
export function metricLines(p: RoundProposal): string[] {
  const m = p.metrics;
  const who = isPairKind(p.kind) ? ["trainee", "trainees"] : ["person", "people"];
  const facts = [`${Md.bold("Matched")}: ${m.matched} of ${count(m.participants, who[0]!, who[1])} (${percent(m.matched, m.participants)})`];
  if (m.averageFit !== null) facts.push(`${Md.bold("average fit")} ${fit(m.averageFit)}`, `${Md.bold("lowest fit")} ${fit(m.minFit ?? 0)}`);
  if (m.top3Share !== null) {
    const top3 = Math.round(m.top3Share * m.participants);
    const what = p.kind === "STABLE" ? "one of their top 3 choices" : "one of their 3 best fits";
    facts.push(`${Md.bold(what)} for ${percent(top3, m.participants)} of trainees`);
  }
  facts.push(`${Md.bold("repeats")} ${m.repeats}`);
  const lines = [facts.join(" · ")];
  if (m.mentorLoad) {
    const l = m.mentorLoad;
    const spread = Object.entries(l.histogram)
      .filter(([k]) => k !== "0")
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([k, v]) => `${count(v, "mentor")} with ${k}`)
      .join(", ");
    lines.push(`${Md.bold("Mentor load")}: ${l.used} of ${count(l.capacity, "open place")} used; ${l.full} full, ${l.idle} with nobody new${spread ? ` (${spread})` : ""}`);
  }
  if (p.stable) {
    const choices = p.stable.byChoice.map((n, i) => (n ? `${ordinal(i + 1)} choice ${n}` : null)).filter(Boolean).join(", ");
    lines.push(`${Md.bold("Stable")}: ${count(p.stable.blockingPairs, "blocking pair")}${choices ? ` · ${choices}` : ""} · unmatched ${p.stable.unmatched}`);
  }
  const already = p.alreadyMatched.length;
  if (already) lines.push(`${count(already, "trainee")} already ${verb(already, "has", "have")} a ${labelOf(MENTOR_ROLES, p.role).toLowerCase()} and ${verb(already, "is", "are")} not in this round.`);
  if (p.conflicts) lines.push(`:warning: ${count(p.conflicts, "group")} could not avoid a confidential exclusion; drop ${p.conflicts === 1 ? "it" : "them"} or re-run.`);
  return lines;
}

function pairLines(p: RoundProposal): string[] {
  return p.pairs.map((x, i) => {
    const facts = [`fit ${fit(x.fit)}`, x.choice ? rankWords(p.kind, x.choice) : null, x.repeat ? "paired before" : null].filter(Boolean).join(", ");
    const reasons = x.reasons.slice(0, 2).map((r) => escapeMrkdwn(r)).join("; ");
    return `${i + 1}. ${at(x.trainee, p)} ↔ ${at(x.mentor, p)} — ${facts}${reasons ? ` · ${reasons}` : ""}`;
  });
}

function groupLines(p: RoundProposal, zone: string): string[] {
  if (p.speed) {
    const lines: string[] = [];
    for (const r of p.speed.rotations) {
      const t = (iso: string) => timeOfDay(new Date(iso), zone);
      lines.push(Md.bold(`Rotation ${r.index + 1} (${t(r.startsAt)}–${t(r.endsAt)})`));
      p.groups.forEach((g, i) => {
        if (g.slot === r.index) lines.push(`${i + 1}. ${at(g.mentor!, p)}: ${g.members.filter((m) => m !== g.mentor).map((m) => at(m, p)).join(", ")}`);
      });
    }
    return lines;
  }
  return p.groups.map((g, i) => {
    const names = g.mentor ? `${at(g.mentor, p)} with ${g.members.filter((m) => m !== g.mentor).map((m) => at(m, p)).join(", ")}` : g.members.map((m) => at(m, p)).join(", ");
    return `${i + 1}. ${names}${g.repeats ? ` — ${count(g.repeats, "pair")} met before` : ""}`;
  });
}

/** Packs lines into sections under the size limits; returns the sections and how many lines did not fit. */
export function packLines(lines: readonly string[], maxSections = MAX_LINE_SECTIONS): { texts: string[]; left: number } {
  const texts: string[] = [];
  let current = "";
  let used = 0;
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > SECTION_CHARS && current) {
      if (texts.length + 1 >= maxSections) break;
      texts.push(current);
      current = line;
    } else current = next;
    used += 1;
  }
  if (current) texts.push(current);
  return { texts, left: lines.length - used };
}

/** What approving creates: "2 matches", "1 group". */
export const madeWords = (p: RoundProposal): string => (isPairKind(p.kind) ? count(p.pairs.length, "match", "matches") : count(p.groups.length, "group"));

/**
 * A speed event's start, and what happens if it passes before approval: schedules go out only when a
 * director approves, so approval moves a schedule whose first rotation has started (see retimeSpeed).
 */
function speedStartLine(p: RoundProposal, zone: string): string | null {
  const first = p.speed?.rotations[0];
  if (!first) return null;
  return (
    `:stopwatch: Rotation 1 starts ${Md.bold(dayTime(new Date(first.startsAt), zone))}. Everyone gets their schedule when you approve; ` +
    `if that is less than ${SPEED_LEAD_MINUTES} minutes away by then (or past), the whole schedule moves so rotation 1 starts at least ${SPEED_LEAD_MINUTES} minutes after approval.`
  );
}

/** A speed schedule moved at approval: from when, to when. */
export function movedWords(p: RoundProposal, zone: string): string | null {
  const first = p.speed?.rotations[0];
  if (!first || !p.speed?.movedFrom) return null;
  return (
    `:arrow_right: Rotation 1 was set for ${timeOfDay(new Date(p.speed.movedFrom), zone)}, less than ${SPEED_LEAD_MINUTES} minutes after the approval (or already past), ` +
    `so the whole schedule moved: rotation 1 now starts ${Md.bold(dayTime(new Date(first.startsAt), zone))}.`
  );
}

function actions(r: RoundLabel, p: RoundProposal): BlockBuilder {
  const runId = r.runId;
  const buttons = [];
  if (canSwap(p)) buttons.push(Elements.Button({ text: "Swap / reassign…", actionId: PREVIEW_ACTIONS.swap, value: runId }));
  if (p.pairs.length || p.groups.length) buttons.push(Elements.Button({ text: isPairKind(p.kind) ? "Drop a pair…" : "Drop a group…", actionId: PREVIEW_ACTIONS.drop, value: runId }));
  buttons.push(Elements.Button({ text: "Re-run", actionId: PREVIEW_ACTIONS.rerun, value: runId }));
  const does = p.kind === "SPEED" ? `This creates ${madeWords(p)} and sends everyone their schedule.` : `This creates ${madeWords(p)} and introduces everyone in them.`;
  buttons.push(
    Elements.Button({ text: "Approve", actionId: PREVIEW_ACTIONS.approve, value: PREVIEW.approve.codec.encode({ runId, version: r.version }) })
      .primary()
      .confirm(Bits.ConfirmationDialog({ title: "Approve this round?", text: does, confirm: "Approve", deny: "Not yet" })),
    Elements.Button({ text: "Discard", actionId: PREVIEW_ACTIONS.discard, value: runId })
      .danger()
      .confirm(Bits.ConfirmationDialog({ title: "Discard this round?", text: "Nothing is created and nobody is told.", confirm: "Discard", deny: "Keep it" }).danger()),
  );
  return Blocks.Actions().elements(buttons);
}

/** The notice on a preview shown in place of an outdated one whose Approve was pressed. */
export const STALE_APPROVE =
  "Nothing was approved and nothing was created: this proposal changed (a swap, drop or re-run) after this message was shown to you. This is the proposal now; approve it if it looks right.";

/** The preview message (also what it is updated to after each edit). `notice` is a line on top, e.g. "Swapped." */
export function previewMessage(r: RoundLabel, p: RoundProposal, notice?: string): Payload {
  const blocks: BlockBuilder[] = [Blocks.Section({ text: `:busts_in_silhouette: Round preview: ${roundTitle(r)}` })];
  if (notice) blocks.push(Blocks.Context().elements(escapeMrkdwn(notice)));
  if (p.problem === "not_enough_mentors") blocks.push(Blocks.Section({ text: ":warning: There are fewer mentors available than rotations, so no schedule could be made. Lower the number of rotations or add mentors, then re-run." }));
  else if (p.problem === "no_trainees") blocks.push(Blocks.Section({ text: ":warning: Nobody is taking part in this round, so there is nothing to approve." }));
  blocks.push(Blocks.Section({ text: metricLines(p).join("\n") }));
  const start = speedStartLine(p, r.timezone);
  if (start) blocks.push(Blocks.Section({ text: start }));
  const lines = isPairKind(p.kind) ? pairLines(p) : groupLines(p, r.timezone);
  const heading = isPairKind(p.kind) ? `${Md.bold(`Proposed pairs (${p.pairs.length})`)}` : `${Md.bold(`Proposed groups (${p.groups.length})`)}`;
  const unmatched = p.unmatched.map((u) => `• ${at(u.memberId, p)} — ${unmatchedWords(u)}`);
  const packed = packLines([heading, ...(lines.length ? lines : ["_none_"])]);
  for (const t of packed.texts) blocks.push(Blocks.Section({ text: t }));
  if (packed.left) blocks.push(Blocks.Context().elements(`…and ${packed.left} more, all created on approval.`));
  if (unmatched.length) {
    const u = packLines([Md.bold(`Not matched (${unmatched.length})`), ...unmatched], 8);
    for (const t of u.texts) blocks.push(Blocks.Section({ text: t }));
    if (u.left) blocks.push(Blocks.Context().elements(`…and ${u.left} more not matched.`));
  }
  blocks.push(actions(r, p));
  const text = `Round preview: ${escapeMrkdwn(r.roundName)} — ${p.metrics.matched} of ${p.metrics.participants} matched`;
  return { text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] };
}

/** What the preview becomes once approved (by whoever approved first). */
export function approvedMessage(r: RoundLabel, p: RoundProposal, approvedBySlackUserId: string | null): Payload {
  const how = p.kind === "SPEED" ? "Everyone gets their schedule by DM." : "Each is introduced in a group message.";
  const text = `:white_check_mark: Approved${approvedBySlackUserId ? ` by <@${approvedBySlackUserId}>` : ""}: ${madeWords(p)} created. ${how}`;
  const moved = movedWords(p, r.timezone);
  const blocks = [Blocks.Section({ text: roundTitle(r) }), Blocks.Section({ text: moved ? `${text}\n${moved}` : text }), Blocks.Section({ text: metricLines(p).join("\n") })];
  return { text: `Round approved: ${escapeMrkdwn(r.roundName)}`, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] };
}

export function discardedMessage(r: RoundLabel, bySlackUserId: string): Payload {
  const text = `Discarded by <@${bySlackUserId}>: nothing was created and nobody was told.`;
  return { text: `Round discarded: ${escapeMrkdwn(r.roundName)}`, blocks: Message().blocks(Blocks.Section({ text: roundTitle(r) }), Blocks.Section({ text })).buildToObject().blocks ?? [] };
}
