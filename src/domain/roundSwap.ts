/**
 * A director's edits to a proposal before approving it: swap two pairs' mentors, reassign one
 * trainee to a mentor with room, drop a pair (or a group). Every edit is checked against fresh
 * inputs — the same hard rules the solver obeys — and the proposal is re-described (fits, reasons,
 * metrics) exactly as a computed one. Pure; codes only.
 */
import { isPairKind, type RoundProposal } from "./roundProposal.js";
import { openPlaces, type RoundInputs } from "./roundInputs.js";
import { describePairs } from "./roundProposalPairs.js";

export type EditProblem =
  | "not_pairs"
  | "unknown_pair"
  | "same_mentor"
  | "self"
  | "trainee_paused"
  | "mentor_paused"
  | "exclusion"
  | "same_group"
  | "already_paired"
  | "no_room"
  | "not_in_round";

export type EditResult = { ok: true; proposal: RoundProposal } | { ok: false; problem: EditProblem; trainee?: string; mentor?: string };

/** Why this trainee may not be paired with this mentor in this round (null = allowed, room aside). */
export function pairBlocker(inputs: RoundInputs, traineeId: string, mentorId: string): Exclude<EditProblem, "not_pairs" | "unknown_pair" | "same_mentor" | "no_room"> | null {
  const t = inputs.trainees.find((x) => x.memberId === traineeId);
  const m = inputs.mentors.find((x) => x.memberId === mentorId);
  if (!t || !m) return "not_in_round";
  if (traineeId === mentorId) return "self";
  if (t.paused) return "trainee_paused";
  if (m.paused) return "mentor_paused";
  if (inputs.exclusions.some(([a, b]) => (a === traineeId && b === mentorId) || (a === mentorId && b === traineeId))) return "exclusion";
  if (inputs.options.excludeSameGroup && t.group !== null && t.group === m.group) return "same_group";
  if (inputs.activePairs.some((p) => p.trainee === traineeId && p.mentor === mentorId)) return "already_paired";
  return null;
}

/** A speed schedule without one table's seats in one rotation. */
function withoutSeats(speed: NonNullable<RoundProposal["speed"]>, slot: number, members: Set<string>): NonNullable<RoundProposal["speed"]> {
  const byPerson = Object.fromEntries(
    Object.entries(speed.byPerson).map(([id, seats]) => [id, members.has(id) ? seats.filter((s) => s.rotation !== slot) : seats] as const),
  );
  return { ...speed, byPerson };
}

export type Edit =
  | { kind: "swap"; traineeA: string; traineeB: string }
  | { kind: "reassign"; trainee: string; mentor: string }
  | { kind: "drop"; target: string };

/**
 * The rule check of an edit alone — cheap (no fit scoring), so a modal can answer with an inline
 * error at once and do the re-description after. Null when the edit is allowed.
 */
export function checkEdit(p: RoundProposal, inputs: RoundInputs, edit: Edit): Extract<EditResult, { ok: false }> | null {
  if (edit.kind === "drop") {
    if (!isPairKind(p.kind)) return p.groups[Number(edit.target)] && Number.isInteger(Number(edit.target)) ? null : { ok: false, problem: "unknown_pair" };
    return p.pairs.some((x) => x.trainee === edit.target) ? null : { ok: false, problem: "unknown_pair" };
  }
  if (!isPairKind(p.kind)) return { ok: false, problem: "not_pairs" };
  const a = assignmentOf(p);
  if (edit.kind === "swap") {
    const ma = a.get(edit.traineeA);
    const mb = a.get(edit.traineeB);
    if (!ma || !mb || edit.traineeA === edit.traineeB) return { ok: false, problem: "unknown_pair" };
    if (ma === mb) return { ok: false, problem: "same_mentor" };
    for (const [t, m] of [[edit.traineeA, mb], [edit.traineeB, ma]] as const) {
      const blocker = pairBlocker(inputs, t, m);
      if (blocker) return { ok: false, problem: blocker, trainee: t, mentor: m };
    }
    return null;
  }
  if (a.get(edit.trainee) === edit.mentor) return { ok: false, problem: "same_mentor" };
  const blocker = pairBlocker(inputs, edit.trainee, edit.mentor);
  if (blocker) return { ok: false, problem: blocker, trainee: edit.trainee, mentor: edit.mentor };
  const mentor = inputs.mentors.find((m) => m.memberId === edit.mentor)!;
  const load = [...a.values()].filter((m) => m === edit.mentor).length;
  if (load >= openPlaces(mentor)) return { ok: false, problem: "no_room", trainee: edit.trainee, mentor: edit.mentor };
  return null;
}

/** Applies an edit (checked first; see checkEdit). */
export function applyEdit(p: RoundProposal, inputs: RoundInputs, edit: Edit, now: Date): EditResult {
  if (edit.kind === "swap") return swapMentors(p, inputs, edit.traineeA, edit.traineeB, now);
  if (edit.kind === "reassign") return reassignTrainee(p, inputs, edit.trainee, edit.mentor, now);
  return dropPair(p, inputs, edit.target, now);
}

const assignmentOf = (p: RoundProposal) => new Map(p.pairs.map((x) => [x.trainee, x.mentor] as const));

function redescribe(p: RoundProposal, inputs: RoundInputs, assignment: Map<string, string>, dropped: RoundProposal["dropped"], now: Date): RoundProposal {
  return describePairs(inputs, assignment, dropped, now);
}

/** The two trainees exchange mentors. Loads do not change, so only the pair rules are checked. */
export function swapMentors(p: RoundProposal, inputs: RoundInputs, traineeA: string, traineeB: string, now: Date): EditResult {
  const refused = checkEdit(p, inputs, { kind: "swap", traineeA, traineeB });
  if (refused) return refused;
  const a = assignmentOf(p);
  const ma = a.get(traineeA)!;
  a.set(traineeA, a.get(traineeB)!);
  a.set(traineeB, ma);
  return { ok: true, proposal: redescribe(p, inputs, a, p.dropped, now) };
}

/** The trainee (paired or not) goes to `mentorId`, who must have a free place in this proposal. */
export function reassignTrainee(p: RoundProposal, inputs: RoundInputs, traineeId: string, mentorId: string, now: Date): EditResult {
  const refused = checkEdit(p, inputs, { kind: "reassign", trainee: traineeId, mentor: mentorId });
  if (refused) return refused;
  const a = assignmentOf(p);
  a.set(traineeId, mentorId);
  const dropped = p.dropped.filter((d) => d.trainee !== traineeId);
  return { ok: true, proposal: redescribe(p, inputs, a, dropped, now) };
}

/** Takes a pair out of the proposal (its trainee is listed as dropped). Group kinds: drops group `index`. */
export function dropPair(p: RoundProposal, inputs: RoundInputs, traineeOrGroup: string, now: Date): EditResult {
  if (!isPairKind(p.kind)) {
    const index = Number(traineeOrGroup);
    const group = Number.isInteger(index) ? p.groups[index] : undefined;
    if (!group) return { ok: false, problem: "unknown_pair" };
    const groups = p.groups.filter((_, i) => i !== index);
    const still = new Set(groups.flatMap((g) => g.members));
    const out = group.members.filter((m) => !still.has(m)).map((memberId) => ({ memberId, reason: "dropped" as const }));
    const matched = still.size;
    return {
      ok: true,
      proposal: {
        ...p,
        groups,
        unmatched: [...p.unmatched, ...out],
        metrics: {
          ...p.metrics,
          matched,
          matchedPercent: p.metrics.participants ? Math.round((10000 * matched) / p.metrics.participants) / 100 : 0,
          repeats: groups.reduce((n, g) => n + g.repeats, 0),
        },
        dropped: [...p.dropped, ...group.members.map((m) => ({ trainee: m, mentor: group.mentor ?? "" }))],
        ...(p.speed ? { speed: withoutSeats(p.speed, group.slot, new Set(group.members)) } : {}),
      },
    };
  }
  const a = assignmentOf(p);
  const mentor = a.get(traineeOrGroup);
  if (!mentor) return { ok: false, problem: "unknown_pair" };
  a.delete(traineeOrGroup);
  return { ok: true, proposal: redescribe(p, inputs, a, [...p.dropped, { trainee: traineeOrGroup, mentor }], now) };
}
