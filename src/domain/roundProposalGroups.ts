/**
 * Proposals for the group kinds: ROTATION (peer pairs or groups of N, or mentors × trainees) and
 * SPEED (K timed rotations). The planning is rotation.ts's; this file feeds it the history and the
 * exclusions and describes the result.
 *
 * Confidential exclusions are fed to the planners as pairs that "met" many times, so they are
 * avoided like a repeat while any other arrangement exists; a group that still holds one is
 * counted in `conflicts` (the preview warns, and the director can drop the group).
 */
import { crossGroupRound, PairHistory, planRound, speedMentoring } from "./rotation.js";
import type { RoundInputs, RoundPerson } from "./roundInputs.js";
import type { ProposalUnmatched, ProposedGroup, RoundProposal, SpeedSchedule } from "./roundProposal.js";
import { localDateOf, localInstant } from "./roundSchedule.js";

/** How heavily an excluded pair weighs against a cross-group pairing (one real repeat weighs 1). */
const EXCLUSION_WEIGHT = 1000;

function histories(inputs: RoundInputs): { real: PairHistory; planning: PairHistory; excluded: Set<string> } {
  const real = PairHistory.from(inputs.pastPairs);
  real.addGroups(inputs.pastGroups);
  const planning = real.clone();
  const excluded = new Set<string>();
  for (const [a, b] of inputs.exclusions) {
    excluded.add(PairHistory.key(a, b));
    for (let i = 0; i < EXCLUSION_WEIGHT; i++) planning.addPair(a, b);
  }
  return { real, planning, excluded };
}

const pairsIn = (g: readonly string[], test: (a: string, b: string) => boolean): number => {
  let n = 0;
  for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (test(g[i]!, g[j]!)) n++;
  return n;
};

function describeGroups(
  inputs: RoundInputs,
  people: readonly RoundPerson[],
  groups: ProposedGroup[],
  unmatched: ProposalUnmatched[],
  computedAt: Date,
  extra: Partial<RoundProposal> = {},
): RoundProposal {
  const { real, excluded } = histories(inputs);
  for (const g of groups) g.repeats = pairsIn(g.members, (a, b) => real.count(a, b) > 0);
  const conflicts = groups.reduce((n, g) => n + pairsIn(g.members, (a, b) => excluded.has(PairHistory.key(a, b))), 0);
  const grouped = new Set(groups.flatMap((g) => g.members)).size;
  const participants = people.length;
  return {
    version: 1,
    kind: inputs.kind,
    computedAt: computedAt.toISOString(),
    role: inputs.options.role,
    people: Object.fromEntries(people.map((p) => [p.memberId, { slackUserId: p.slackUserId, name: p.name }] as const)),
    pairs: [],
    groups,
    unmatched,
    metrics: {
      participants,
      matched: grouped,
      matchedPercent: participants ? Math.round((10000 * grouped) / participants) / 100 : 0,
      averageFit: null,
      minFit: null,
      top3Share: null,
      mentorLoad: null,
      repeats: groups.reduce((n, g) => n + g.repeats, 0),
    },
    mentors: [],
    alreadyMatched: [],
    dropped: [],
    ...(conflicts ? { conflicts } : {}),
    ...extra,
  };
}

const pausedOut = (people: readonly RoundPerson[]): ProposalUnmatched[] =>
  people.filter((p) => p.paused).map((p) => ({ memberId: p.memberId, reason: "paused" as const }));

/** A rotation: peers in pairs or groups of N, or (crossGroup) each trainee with one mentor. */
export function proposeRotation(inputs: RoundInputs, computedAt: Date): RoundProposal {
  const { planning } = histories(inputs);
  const trainees = inputs.trainees.filter((t) => !t.paused);
  if (inputs.options.crossGroup) {
    const people = [...inputs.trainees, ...inputs.mentors];
    const mentors = inputs.mentors.filter((m) => !m.paused);
    const plan = crossGroupRound(mentors.map((m) => m.memberId), trainees.map((t) => t.memberId), planning);
    const groups = plan.groups.map((g) => ({ members: [g.mentor, ...g.trainees], mentor: g.mentor, slot: 0, repeats: 0 }));
    const unmatched = [...pausedOut(people), ...plan.alone.map((memberId) => ({ memberId, reason: "no_mentors" as const }))];
    return describeGroups(inputs, people, groups, unmatched, computedAt);
  }
  const plan = planRound(trainees.map((t) => t.memberId), { groupSize: inputs.options.groupSize, history: planning, round: inputs.roundIndex });
  const groups = plan.groups.map((members) => ({ members, slot: 0, repeats: 0 }));
  const unmatched = [...pausedOut(inputs.trainees), ...plan.alone.map((memberId) => ({ memberId, reason: "alone" as const }))];
  return describeGroups(inputs, inputs.trainees, groups, unmatched, computedAt);
}

/** When a speed event's first rotation starts: a one-off's own time, a recurring round's time of day on the run's day, else the run's time. */
export function speedStart(o: Pick<RoundInputs["options"], "startsAt" | "startTime">, scheduledFor: Date, zone: string): Date {
  if (o.startsAt) return new Date(o.startsAt);
  if (o.startTime) return localInstant(localDateOf(scheduledFor, zone), o.startTime, zone);
  return scheduledFor;
}

/** Speed mentoring: K rotations from the start time; each trainee meets K different mentors. */
export function proposeSpeed(inputs: RoundInputs, computedAt: Date): RoundProposal {
  const o = inputs.options;
  const people = [...inputs.trainees, ...inputs.mentors];
  const trainees = inputs.trainees.filter((t) => !t.paused).map((t) => t.memberId);
  const mentors = inputs.mentors.filter((m) => !m.paused).map((m) => m.memberId);
  const startsAt = speedStart(o, inputs.scheduledFor, inputs.timezone);
  const plan = speedMentoring({ mentors, trainees, rotations: o.rotations, startsAt, minutesPerRotation: o.minutesPerRotation, breakMinutes: o.breakMinutes });
  if (!plan.ok) {
    const unmatched = [...pausedOut(people), ...trainees.map((memberId) => ({ memberId, reason: "not_enough_mentors" as const }))];
    return describeGroups(inputs, people, [], unmatched, computedAt, { problem: plan.reason });
  }
  const groups: ProposedGroup[] = [];
  const byPerson: SpeedSchedule["byPerson"] = {};
  const sit = (id: string, rotation: number, others: string[]) => (byPerson[id] ??= []).push({ rotation, with: others });
  for (const r of plan.rotations) {
    for (const table of r.tables) {
      groups.push({ members: [table.mentor, ...table.trainees], mentor: table.mentor, slot: r.index, repeats: 0 });
      sit(table.mentor, r.index, table.trainees);
      for (const t of table.trainees) sit(t, r.index, [table.mentor]);
    }
  }
  const speed: SpeedSchedule = {
    rotations: plan.rotations.map((r) => ({ index: r.index, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() })),
    byPerson,
  };
  // Mentors with no table in any rotation sit this event out.
  const idle = mentors.filter((m) => !byPerson[m]).map((memberId) => ({ memberId, reason: "alone" as const }));
  return describeGroups(inputs, people, groups, [...pausedOut(people), ...idle], computedAt, { speed });
}
