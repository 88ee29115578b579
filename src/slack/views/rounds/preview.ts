/**
 * The director's preview of a pairing round (pure): every proposed pair or group with its fit and
 * reasons, the metrics, who is not matched and why, and the actions Swap, Drop, Re-run, Approve,
 * Discard. Also the message the preview becomes once approved or discarded.
 *
 * A Slack message holds at most 50 blocks and 3,000 characters per section, so lines are packed
 * into sections and a very large round shows its first lines and says how many more there are.
 */
import { Bits, Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import { DateTime } from "luxon";
import type { Payload } from "../../../services/requests.js";
import type { RoundLabel } from "../../../services/roundApproval.js";
import { isPairKind, type ProposalUnmatched, type RoundProposal } from "../../../domain/roundProposal.js";
import { MENTOR_ROLES, labelOf } from "../../../domain/vocabulary.js";
import { escapeMrkdwn } from "../escape.js";
import { PREVIEW_ACTIONS } from "./previewIds.js";
import { canSwap } from "./previewModals.js";

const SECTION_CHARS = 2900;
const MAX_LINE_SECTIONS = 30;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const at = (id: string, p: RoundProposal) => (p.people[id] ? `<@${p.people[id]!.slackUserId}>` : "someone who left");
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
const fit = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const percent = (share: number) => `${Math.round(share * 100)}%`;

export const KIND_WORDS: Record<RoundProposal["kind"], string> = {
  MENTOR_MATCH: "mentor match (best total fit)",
  STABLE: "stable match (from rank lists)",
  ROTATION: "rotation",
  SPEED: "speed mentoring",
};

/** The round's name line: "*Spring match* — Heme Fellowship · 2026 cohort · mentor match · Mon 2 Mar". */
export function roundTitle(r: RoundLabel): string {
  const when = DateTime.fromJSDate(r.scheduledFor, { zone: r.timezone }).toFormat("ccc d LLL yyyy");
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
      return `every mentor they could have is full (${plural(u.eligibleMentors ?? 0, "eligible mentor")})`;
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

function metricLines(p: RoundProposal): string[] {
  const m = p.metrics;
  const who = isPairKind(p.kind) ? "trainees" : "people";
  const lines = [`${Md.bold("Matched")}: ${m.matched} of ${m.participants} ${who} (${m.matchedPercent}%)`];
  if (m.averageFit !== null) lines[0] += ` · ${Md.bold("average fit")} ${fit(m.averageFit)} · ${Md.bold("lowest fit")} ${fit(m.minFit ?? 0)}`;
  if (m.top3Share !== null) lines[0] += ` · ${Md.bold("top-3 choice")} for ${percent(m.top3Share)} of trainees`;
  lines[0] += ` · ${Md.bold("repeats")} ${m.repeats}`;
  if (m.mentorLoad) {
    const l = m.mentorLoad;
    const spread = Object.entries(l.histogram)
      .filter(([k]) => k !== "0")
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([k, v]) => `${plural(v, "mentor")} with ${k}`)
      .join(", ");
    lines.push(`${Md.bold("Mentor load")}: ${l.used} of ${l.capacity} open places used; ${l.full} full, ${l.idle} with nobody new${spread ? ` (${spread})` : ""}`);
  }
  if (p.stable) {
    const choices = p.stable.byChoice.map((n, i) => (n ? `${ordinal(i + 1)} choice ${n}` : null)).filter(Boolean).join(", ");
    lines.push(`${Md.bold("Stable")}: ${plural(p.stable.blockingPairs, "blocking pair")}${choices ? ` · ${choices}` : ""} · unmatched ${p.stable.unmatched}`);
  }
  if (p.alreadyMatched.length) lines.push(`${plural(p.alreadyMatched.length, "trainee")} already ${p.alreadyMatched.length === 1 ? "has" : "have"} a ${labelOf(MENTOR_ROLES, p.role).toLowerCase()} and ${p.alreadyMatched.length === 1 ? "is" : "are"} not in this round.`);
  if (p.conflicts) lines.push(`:warning: ${plural(p.conflicts, "group")} could not avoid a confidential exclusion; drop ${p.conflicts === 1 ? "it" : "them"} or re-run.`);
  return lines;
}

function pairLines(p: RoundProposal): string[] {
  return p.pairs.map((x, i) => {
    const facts = [`fit ${fit(x.fit)}`, x.choice ? `${ordinal(x.choice)} choice` : null, x.repeat ? "paired before" : null].filter(Boolean).join(", ");
    const reasons = x.reasons.slice(0, 2).map((r) => escapeMrkdwn(r)).join("; ");
    return `${i + 1}. ${at(x.trainee, p)} ↔ ${at(x.mentor, p)} — ${facts}${reasons ? ` · ${reasons}` : ""}`;
  });
}

function groupLines(p: RoundProposal, zone: string): string[] {
  if (p.speed) {
    const lines: string[] = [];
    for (const r of p.speed.rotations) {
      const t = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat("HH:mm");
      lines.push(Md.bold(`Rotation ${r.index + 1} (${t(r.startsAt)}–${t(r.endsAt)})`));
      p.groups.forEach((g, i) => {
        if (g.slot === r.index) lines.push(`${i + 1}. ${at(g.mentor!, p)}: ${g.members.filter((m) => m !== g.mentor).map((m) => at(m, p)).join(", ")}`);
      });
    }
    return lines;
  }
  return p.groups.map((g, i) => {
    const names = g.mentor ? `${at(g.mentor, p)} with ${g.members.filter((m) => m !== g.mentor).map((m) => at(m, p)).join(", ")}` : g.members.map((m) => at(m, p)).join(", ");
    return `${i + 1}. ${names}${g.repeats ? ` — ${plural(g.repeats, "pair")} met before` : ""}`;
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

function actions(r: RoundLabel, p: RoundProposal): BlockBuilder {
  const runId = r.runId;
  const buttons = [];
  if (canSwap(p)) buttons.push(Elements.Button({ text: "Swap / reassign…", actionId: PREVIEW_ACTIONS.swap, value: runId }));
  if (p.pairs.length || p.groups.length) buttons.push(Elements.Button({ text: isPairKind(p.kind) ? "Drop a pair…" : "Drop a group…", actionId: PREVIEW_ACTIONS.drop, value: runId }));
  buttons.push(Elements.Button({ text: "Re-run", actionId: PREVIEW_ACTIONS.rerun, value: runId }));
  const made = isPairKind(p.kind) ? plural(p.pairs.length, "match", "matches") : plural(p.groups.length, "group");
  buttons.push(
    Elements.Button({ text: "Approve", actionId: PREVIEW_ACTIONS.approve, value: `${runId}:${r.version}` })
      .primary()
      .confirm(Bits.ConfirmationDialog({ title: "Approve this round?", text: `This creates ${made} and introduces everyone in it.`, confirm: "Approve", deny: "Not yet" })),
    Elements.Button({ text: "Discard", actionId: PREVIEW_ACTIONS.discard, value: runId })
      .danger()
      .confirm(Bits.ConfirmationDialog({ title: "Discard this round?", text: "Nothing is created and nobody is told.", confirm: "Discard", deny: "Keep it" }).danger()),
  );
  return Blocks.Actions().elements(buttons);
}

/** The preview message (also what it is updated to after each edit). `notice` is a line on top, e.g. "Swapped." */
export function previewMessage(r: RoundLabel, p: RoundProposal, notice?: string): Payload {
  const blocks: BlockBuilder[] = [Blocks.Section({ text: `:busts_in_silhouette: Round preview: ${roundTitle(r)}` })];
  if (notice) blocks.push(Blocks.Context().elements(escapeMrkdwn(notice)));
  if (p.problem === "not_enough_mentors") blocks.push(Blocks.Section({ text: ":warning: There are fewer mentors available than rotations, so no schedule could be made. Lower the number of rotations or add mentors, then re-run." }));
  else if (p.problem === "no_trainees") blocks.push(Blocks.Section({ text: ":warning: Nobody is taking part in this round, so there is nothing to approve." }));
  blocks.push(Blocks.Section({ text: metricLines(p).join("\n") }));
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
  const made = isPairKind(p.kind) ? plural(p.pairs.length, "match", "matches") : plural(p.groups.length, "group");
  const how = p.kind === "SPEED" ? "Everyone gets their schedule by DM." : "Each is introduced in a group message.";
  const text = `:white_check_mark: Approved${approvedBySlackUserId ? ` by <@${approvedBySlackUserId}>` : ""}: ${made} created. ${how}`;
  const blocks = [Blocks.Section({ text: roundTitle(r) }), Blocks.Section({ text }), Blocks.Section({ text: metricLines(p).join("\n") })];
  return { text: `Round approved: ${escapeMrkdwn(r.roundName)}`, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] };
}

export function discardedMessage(r: RoundLabel, bySlackUserId: string): Payload {
  const text = `Discarded by <@${bySlackUserId}>: nothing was created and nobody was told.`;
  return { text: `Round discarded: ${escapeMrkdwn(r.roundName)}`, blocks: Message().blocks(Blocks.Section({ text: roundTitle(r) }), Blocks.Section({ text })).buildToObject().blocks ?? [] };
}
