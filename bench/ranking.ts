/**
 * Ranking benchmark: 5,000 realistic mentor profiles from a seeded PRNG, one trainee, many
 * iterations. Prints p50 / p95 / max milliseconds for ranking without and with keywords.
 *
 *   npm run bench:build && node dist/bench/ranking.js [mentors] [iterations] [seed]
 *
 * Goal: ranking 5,000 mentors in under 20 ms.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { EMPTY_PROFILE, type ProfileData } from "../src/domain/profile.js";
import { rank } from "../src/domain/ranking.js";
import type { MentorCandidate, TraineeInput } from "../src/domain/scoring.js";
import {
  CADENCES,
  CAREER_PATHS,
  CAREER_STAGES,
  INTERESTS,
  MEETING_FORMATS,
  MENTOR_ROLES,
  PRIORITIES,
  SPECIALTIES,
  SUBSPECIALTIES,
} from "../src/domain/vocabulary.js";
import { prng } from "./prng.js";

const FREE_TAGS = ["vte", "anticoagulation", "car_t", "aml", "itp", "scd", "hsct", "qi", "med_ed", "mentoring", "wellness", "informatics"];
const BIO_WORDS =
  "I run a clinic for venous thromboembolism and bleeding disorders and lead trials in acute myeloid leukemia. Our lab studies stem cell transplant outcomes, sickle cell disease, immune thrombocytopenia and quality improvement in medical education. I enjoy helping fellows with grant writing, manuscripts and career choices."
    .split(" ");

function main() {
  const count = Number(process.argv[2] ?? 5000);
  const iterations = Number(process.argv[3] ?? 200);
  const random = prng(Number(process.argv[4] ?? 42));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number) => {
    const n = Math.floor(random() * (max + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const tags = [...INTERESTS.map((t) => t.key), ...FREE_TAGS];
  const mentorStages = CAREER_STAGES.filter((s) => s.side !== "trainee");

  const mentors: MentorCandidate[] = Array.from({ length: count }, (_, i) => {
    const capacity = 1 + Math.floor(random() * 6);
    const profile: ProfileData = {
      ...EMPTY_PROFILE,
      careerStage: pick(mentorStages).key,
      specialty: pick(SPECIALTIES).key,
      subspecialty: random() < 0.8 ? pick(SUBSPECIALTIES).key : null,
      careerPaths: some(CAREER_PATHS.map((t) => t.key), 3),
      interests: some(tags, 8),
      expertise: some(tags, 8),
      rolesOffered: some(MENTOR_ROLES.map((t) => t.key), 3),
      meetingFormats: some(MEETING_FORMATS.map((t) => t.key), 2),
      cadenceOffered: pick(CADENCES).key,
      handsOn: random() < 0.5,
      helpedGrants: random() < 0.4,
      copublishes: random() < 0.5,
      editorialRoles: random() < 0.2 ? "Associate editor, Blood Advances" : null,
      pastFellows: random() < 0.3 ? "Former fellows lead clinics and labs" : null,
      bio: Array.from({ length: 20 + Math.floor(random() * 40) }, () => pick(BIO_WORDS)).join(" "),
      capacity,
    };
    return {
      memberId: `U${String(i).padStart(6, "0")}`,
      name: `Mentor ${i}`,
      profile,
      capacity,
      activeMentees: Math.floor(random() * (capacity + 1)),
      paused: random() < 0.05,
      responsiveness: random() < 0.8 ? { medianReplyHours: random() * 200, samples: 1 + Math.floor(random() * 20) } : null,
      rolesWithTrainee: random() < 0.01 ? ["mentor"] : [],
      declinedTraineeAt: random() < 0.01 ? [new Date(Date.UTC(2026, 9, 1))] : [],
      confidentialExclusion: random() < 0.005,
    };
  });

  const trainee: TraineeInput = {
    memberId: "UTRAINEE",
    profile: {
      ...EMPTY_PROFILE,
      careerStage: "fellow",
      trainingYear: 2,
      specialty: "hematology",
      subspecialty: "thrombosis_hemostasis",
      careerPaths: ["academic_research", "clinical_practice"],
      interests: ["thrombosis", "grant_writing", "health_equity", "vte", "clinical_trials"],
      priorities: PRIORITIES.slice(0, 3).map((p) => p.key),
      rolesWanted: ["mentor", "sponsor"],
      meetingCadence: "MONTHLY",
      meetingFormats: ["video", "in_person"],
      wantsHandsOn: true,
    },
  };
  const now = new Date(Date.UTC(2026, 10, 21));

  const run = (label: string, keywords: string | undefined, limit: number | undefined, readAll = false) => {
    const once = () => {
      const result = rank(trainee, mentors, { now, keywords, limit });
      // Reasons are built when read: read every one to time the whole explanation.
      const shown = readAll ? result.suggestions : result.suggestions.slice(0, 10);
      for (const s of shown) if (s.reasons.length < 0) throw new Error("unreachable");
      return result;
    };
    for (let i = 0; i < 20; i++) once(); // warm-up
    const wall: number[] = [];
    const cpu: number[] = [];
    let suggested = 0;
    for (let i = 0; i < iterations; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = once();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      suggested = result.suggestions.length;
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
      return `p50 ${at(0.5).padStart(6)}  p95 ${at(0.95).padStart(6)}`;
    };
    console.log(`${label.padEnd(40)} wall ${stats(wall)}   cpu ${stats(cpu)} ms   (${suggested} suggested)`);
  };

  console.log(
    `ranking ${count} mentors × ${iterations} iterations (node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  rank(trainee, mentors, { now, keywords: "thrombosis grants", limit: 10 });
  const c = process.cpuUsage(c0);
  console.log(
    `${"first keyword search (cold, unoptimised)".padEnd(40)} wall ${(performance.now() - t0).toFixed(2)} ms  cpu ${((c.user + c.system) / 1000).toFixed(2)} ms`,
  );
  const fresh = (label: string, keywords: string) => {
    // A service loads profiles anew for every /findmentor: the search index is not cached.
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < Math.max(10, Math.floor(iterations / 4)); i++) {
      const copies = mentors.map((m) => ({ ...m, profile: { ...m.profile } }));
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      rank(trainee, copies, { now, keywords, limit: 10 });
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
      return `p50 ${at(0.5).padStart(6)}  p95 ${at(0.95).padStart(6)}`;
    };
    console.log(`${label.padEnd(40)} wall ${stats(wall)}   cpu ${stats(cpu)} ms`);
  };

  run("all ranked, top 10 reasons read", undefined, undefined);
  run("limit 10", undefined, 10);
  run("all ranked, every reason read", undefined, undefined, true);
  run('"thrombosis grants", all, top 10 read', "thrombosis grants", undefined);
  run('"VTE med ed pubs", limit 10', "VTE med ed pubs", 10);
  run('"thrombosis grants", every reason read', "thrombosis grants", undefined, true);
  fresh('keywords, top 10, profiles not cached', "thrombosis grants");
}

main();
