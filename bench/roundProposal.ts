/**
 * bench:rounds — how long a pairing round's proposal and a director's swap take in the domain
 * (the part of `proposeRun` and of the swap modal's submit that grows with the cohort; the
 * database reads are a fixed number of queries). A swap's rule check runs before the modal is
 * answered (Slack allows 3 s); the re-measuring ("swap total") runs after.
 *
 *   npm run bench:rounds            # cohorts of 100, 500 and 2,000 trainees
 *   node dist/bench/roundProposal.js --quick
 */
import { performance } from "node:perf_hooks";
import { EMPTY_PROFILE } from "../src/domain/profile.js";
import { readStoredOptions } from "../src/domain/roundOptions.js";
import type { RoundKindCode } from "../src/domain/roundProposal.js";
import type { RoundInputs, RoundMentor, RoundPerson } from "../src/domain/roundInputs.js";
import { buildProposal } from "../src/domain/roundProposalBuild.js";
import { checkEdit, swapMentors } from "../src/domain/roundSwap.js";
import { BASE_VOCABULARY } from "../src/domain/vocabulary.js";
import { prng } from "./prng.js";

const SPECIALTIES = ["hematology", "medical_oncology", "internal_medicine"];
const SUBS = ["thrombosis_hemostasis", "malignant_hematology", "non_malignant_hematology"];
const TAGS = ["thrombosis", "leukemia", "lymphoma", "myeloma", "sickle_cell", "grant_writing", "clinical_trials", "medical_education", "transfusion", "hemophilia"];
const PATHS = ["academic_research", "clinical_academic", "private_practice", "industry"];

function cohort(trainees: number, mentors: number, seed: number, kind: RoundKindCode): RoundInputs {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(xs)))];
  const person = (id: string, mentor: boolean): RoundPerson => ({
    memberId: id,
    slackUserId: `U${id}`,
    name: id,
    profile: {
      ...EMPTY_PROFILE,
      careerStage: mentor ? "senior_faculty" : "fellow",
      specialty: pick(SPECIALTIES),
      subspecialty: pick(SUBS),
      careerPaths: some(PATHS, 2),
      interests: mentor ? [] : some(TAGS, 3),
      expertise: mentor ? some(TAGS, 4) : [],
      rolesOffered: mentor ? ["mentor"] : [],
    },
    paused: r() < 0.03,
    group: null,
  });
  const ms: RoundMentor[] = Array.from({ length: mentors }, (_, i) => ({ ...person(`m${i}`, true), capacity: 1 + Math.floor(r() * 4), activeMentees: Math.floor(r() * 2), responsiveness: null }));
  const ts = Array.from({ length: trainees }, (_, i) => person(`t${i}`, false));
  return {
    kind,
    options: readStoredOptions({}),
    scheduledFor: new Date("2026-03-02T15:00:00Z"),
    timezone: "America/New_York",
    trainees: ts,
    mentors: ms,
    exclusions: Array.from({ length: Math.floor(trainees / 20) }, () => [pick(ts).memberId, pick(ms).memberId] as [string, string]),
    activePairs: [],
    pastPairs: Array.from({ length: trainees }, () => [pick(ts).memberId, pick(ms).memberId] as [string, string]),
    pastGroups: [],
    rankings: {},
    roundIndex: 0,
    vocabulary: BASE_VOCABULARY,
    alreadyMatched: [],
  };
}

function time<T>(f: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = f();
  return { ms: performance.now() - start, value };
}

const quick = process.argv.includes("--quick");
const sizes: [number, number][] = quick ? [[100, 40], [500, 150]] : [[100, 40], [500, 150], [2000, 500]];
console.log("trainees × mentors | proposal ms | matched % | swap check ms | swap total ms | stable ms");
for (const [t, m] of sizes) {
  const data = cohort(t, m, t * 7 + m, "MENTOR_MATCH");
  const proposal = time(() => buildProposal(data, new Date()));
  const [a, b] = proposal.value.pairs.filter((p, i, all) => all.findIndex((q) => q.mentor === p.mentor) === i);
  const check = time(() => checkEdit(proposal.value, data, { kind: "swap", traineeA: a!.trainee, traineeB: b!.trainee }));
  const swap = time(() => swapMentors(proposal.value, data, a!.trainee, b!.trainee, new Date()));
  const stable = time(() => buildProposal({ ...data, kind: "STABLE" }, new Date()));
  console.log(
    `${String(t).padStart(8)} × ${String(m).padEnd(7)} | ${proposal.ms.toFixed(0).padStart(11)} | ${String(proposal.value.metrics.matchedPercent).padStart(9)} | ${check.ms.toFixed(1).padStart(13)} | ${swap.ms.toFixed(0).padStart(13)} | ${stable.ms.toFixed(0).padStart(9)}`,
  );
}
