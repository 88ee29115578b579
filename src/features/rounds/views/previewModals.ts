/**
 * The small modals behind the preview's Swap and Drop buttons (pure), how their values are read
 * (zod), and the words for an edit a rule refuses (shown inline in the modal).
 *
 * Selects list at most 100 options (Slack's limit): a round with more pairs than that can still
 * be re-run, approved or discarded, and its first 100 pairs edited here.
 */
import { Bits, Blocks, Elements, Modal } from "slack-block-builder";
import { z } from "zod";
import type { StateValues } from "../../profiles/views/profileForm.js";
import { isPairKind, type RoundProposal } from "../../../domain/roundProposal.js";
import type { EditProblem } from "../../../domain/roundSwap.js";
import type { ProposalEdit } from "../roundProposal.js";
import { PREVIEW_BLOCKS, PREVIEW_FORMS, PREVIEW_VALUE, type PreviewMetadata } from "../previewIds.js";

const MAX_OPTIONS = 100;

const nameOf = (p: RoundProposal, id: string) => p.people[id]?.name ?? "someone who left";
const option = (text: string, value: string) => Bits.Option({ text: text.length > 75 ? `${text.slice(0, 74)}…` : text, value });
const pairOption = (p: RoundProposal, i: number) => option(`${i + 1}. ${nameOf(p, p.pairs[i]!.trainee)} ↔ ${nameOf(p, p.pairs[i]!.mentor)}`, p.pairs[i]!.trainee);

/** Mentors who still have a free place in this proposal, with how many. */
export function mentorsWithRoom(p: RoundProposal): { mentor: string; free: number }[] {
  const load = new Map<string, number>();
  for (const x of p.pairs) load.set(x.mentor, (load.get(x.mentor) ?? 0) + 1);
  return p.mentors.map((m) => ({ mentor: m.mentor, free: m.places - (load.get(m.mentor) ?? 0) })).filter((m) => m.free > 0);
}

/** Trainees not matched whom a swap may move to a mentor with room. */
const waitingOf = (p: RoundProposal) => p.unmatched.filter((u) => u.reason !== "paused" && p.people[u.memberId]);

/** Whether the swap modal has anything to offer: someone to move, and another pair or a mentor with room to move them to. */
export function canSwap(p: RoundProposal): boolean {
  if (!isPairKind(p.kind) || p.pairs.length + waitingOf(p).length === 0) return false;
  return p.pairs.length > 1 || mentorsWithRoom(p).length > 0;
}

export function swapModal(meta: PreviewMetadata, p: RoundProposal) {
  const pairs = p.pairs.slice(0, MAX_OPTIONS).map((_, i) => pairOption(p, i));
  const waiting = waitingOf(p)
    .slice(0, Math.max(0, MAX_OPTIONS - pairs.length))
    .map((u) => option(`${nameOf(p, u.memberId)} (not matched)`, u.memberId));
  const room = mentorsWithRoom(p).slice(0, MAX_OPTIONS).map((m) => option(`${nameOf(p, m.mentor)} (${m.free} free)`, m.mentor));
  const blocks = [
    Blocks.Section({ text: "Exchange the mentors of two pairs, or move one trainee to a mentor who still has room. The same rules as the proposal apply: capacity, exclusions, pauses and existing matches." }),
    Blocks.Input({ blockId: PREVIEW_BLOCKS.pair, label: "Trainee" }).element(Elements.StaticSelect({ actionId: PREVIEW_VALUE, placeholder: "Choose a pair or trainee" }).options([...pairs, ...waiting])),
    ...(pairs.length > 1
      ? [Blocks.Input({ blockId: PREVIEW_BLOCKS.otherPair, label: "Exchange mentors with" }).optional(true).element(Elements.StaticSelect({ actionId: PREVIEW_VALUE, placeholder: "Another pair" }).options(pairs))]
      : []),
    ...(room.length
      ? [Blocks.Input({ blockId: PREVIEW_BLOCKS.mentor, label: "Or move them to", hint: "Mentors with a free place in this proposal." }).optional(true).element(Elements.StaticSelect({ actionId: PREVIEW_VALUE, placeholder: "A mentor with room" }).options(room))]
      : []),
  ];
  return Modal({ title: "Swap or reassign", submit: "Apply", close: "Cancel", callbackId: PREVIEW_FORMS.swap.id, privateMetaData: PREVIEW_FORMS.swap.metadata.encode(meta) }).blocks(blocks).buildToObject();
}

export function dropModal(meta: PreviewMetadata, p: RoundProposal) {
  const options = isPairKind(p.kind)
    ? p.pairs.slice(0, MAX_OPTIONS).map((_, i) => pairOption(p, i))
    : p.groups.slice(0, MAX_OPTIONS).map((g, i) => option(`${i + 1}. ${g.members.map((m) => nameOf(p, m)).join(", ")}`, String(i)));
  const what = isPairKind(p.kind) ? "pair" : "group";
  return Modal({ title: `Drop a ${what}`, submit: "Drop", close: "Cancel", callbackId: PREVIEW_FORMS.drop.id, privateMetaData: PREVIEW_FORMS.drop.metadata.encode(meta) })
    .blocks(
      Blocks.Section({ text: `The ${what} is left out of this proposal (they are listed as not matched). Re-run starts again from scratch.` }),
      Blocks.Input({ blockId: PREVIEW_BLOCKS.target, label: `Which ${what}` }).element(Elements.StaticSelect({ actionId: PREVIEW_VALUE, placeholder: `Choose a ${what}` }).options(options)),
    )
    .buildToObject();
}

const picked = (values: StateValues, block: string): string | null => values[block]?.[PREVIEW_VALUE]?.selected_option?.value ?? null;

const swapFields = z
  .object({ pair: z.string({ error: "Choose a pair or trainee." }).min(1), otherPair: z.string().nullable(), mentor: z.string().nullable() })
  .superRefine((v, ctx) => {
    if (!v.otherPair && !v.mentor) ctx.addIssue({ code: "custom", path: ["otherPair"], message: "Choose a pair to exchange mentors with, or a mentor to move them to." });
    if (v.otherPair && v.mentor) ctx.addIssue({ code: "custom", path: ["mentor"], message: "Choose either a pair to exchange with or a mentor to move to, not both." });
  });

const blockOf: Record<string, string> = { pair: PREVIEW_BLOCKS.pair, otherPair: PREVIEW_BLOCKS.otherPair, mentor: PREVIEW_BLOCKS.mentor };

/** The swap modal's values: an edit, or errors keyed by block id. */
export function readSwap(values: StateValues): { ok: true; edit: ProposalEdit } | { ok: false; errors: Record<string, string> } {
  const parsed = swapFields.safeParse({ pair: picked(values, PREVIEW_BLOCKS.pair), otherPair: picked(values, PREVIEW_BLOCKS.otherPair), mentor: picked(values, PREVIEW_BLOCKS.mentor) });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) errors[blockOf[String(i.path[0])] ?? PREVIEW_BLOCKS.pair] ??= i.message;
    return { ok: false, errors };
  }
  const v = parsed.data;
  return { ok: true, edit: v.otherPair ? { kind: "swap", traineeA: v.pair, traineeB: v.otherPair } : { kind: "reassign", trainee: v.pair, mentor: v.mentor! } };
}

export function readDrop(values: StateValues): { ok: true; edit: ProposalEdit } | { ok: false; errors: Record<string, string> } {
  const target = picked(values, PREVIEW_BLOCKS.target);
  return target ? { ok: true, edit: { kind: "drop", target } } : { ok: false, errors: { [PREVIEW_BLOCKS.target]: "Choose what to drop." } };
}

/** Why an edit was refused, in the director's words ({trainee} and {mentor} are names from the proposal). */
export function editProblemText(problem: EditProblem, p: RoundProposal, trainee?: string, mentor?: string): string {
  const t = trainee ? nameOf(p, trainee) : "The trainee";
  const m = mentor ? nameOf(p, mentor) : "the mentor";
  const words: Record<EditProblem, string> = {
    not_pairs: "Only pairs can be swapped in this kind of round.",
    unknown_pair: "That pair is no longer in the proposal. Close this and look at the updated preview.",
    same_mentor: "They already have that mentor; nothing to change.",
    self: `${t} can't be their own mentor.`,
    trainee_paused: `${t} is paused right now, so they can't be matched.`,
    mentor_paused: `${m} is paused right now, so they can't take anyone.`,
    exclusion: `${t} and ${m} can't be paired: a confidential exclusion forbids it.`,
    same_group: `${t} and ${m} are in the same group, and this round keeps groups apart.`,
    already_paired: `${t} and ${m} already work together.`,
    no_room: `${m} has no free place left in this proposal. Exchange with a pair instead.`,
    not_in_round: `${t} or ${m} is no longer in this round. Re-run to start from the current people.`,
  };
  return words[problem];
}
