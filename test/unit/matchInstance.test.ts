import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMatchCommand } from "../../src/cli/match.js";
import { overlapBreakdown } from "../../src/domain/instanceScore.js";
import { parseInstance } from "../../src/domain/matchInstance.js";

const dir = mkdtempSync(join(tmpdir(), "rounds-match-"));
let n = 0;
async function run(instance: unknown): Promise<{ code: number; text: string; json?: any }> {
  const file = join(dir, `i${n++}.json`);
  writeFileSync(file, typeof instance === "string" ? instance : JSON.stringify(instance));
  const lines: string[] = [];
  const code = await runMatchCommand([file], (s) => lines.push(s));
  const text = lines.join("\n");
  return code === 0 ? { code, text, json: JSON.parse(text) } : { code, text };
}

describe("instance file validation", () => {
  it("names the path of each problem", () => {
    const r = parseInstance({ mode: "optimal", trainees: [{ id: "t1" }], mentors: [{ id: "m1", capacity: 1.5 }], edges: [] });
    expect(r).toEqual({ ok: false, issues: [{ path: "mentors[0].capacity", message: "must be a whole number" }] });
  });

  it("rejects edges and rank lists naming unknown people, and duplicate ids", () => {
    const r = parseInstance({
      mode: "stable",
      trainees: [{ id: "t1" }, { id: "t1" }],
      mentors: [{ id: "m1", capacity: 1 }],
      edges: [{ trainee: "t1", mentor: "m9", score: 1 }],
      traineeRanks: { t1: ["m1"] },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { path: "trainees[1].id", message: "duplicate trainee t1" },
      { path: "edges[0].mentor", message: "unknown mentor m9" },
      { path: "traineeRanks.t1[0]", message: "t1–m1 is not a listed edge" },
    ]);
  });

  it("the overlap score counts shared topics, specialty, career paths and roles", () => {
    expect(
      overlapBreakdown(
        { specialty: "hematology", subspecialty: "thrombosis_hemostasis", interests: ["Grant writing", "thrombosis"], careerPaths: ["academic_research"], rolesWanted: ["sponsor"] },
        { specialty: "hematology", subspecialty: "thrombosis_hemostasis", expertise: ["grant_writing"], interests: ["thrombosis"], careerPaths: ["academic_research"], rolesOffered: ["sponsor", "mentor"] },
      ),
    ).toEqual({ topics: 20, specialty: 30, careerPaths: 10, roles: 5, total: 65 });
  });
});

describe("rounds match FILE.json", () => {
  it("prints the optimal pairs, the unmatched with reasons and the metrics", async () => {
    const { code, json } = await run({
      mode: "optimal",
      trainees: [{ id: "t1" }, { id: "t2" }, { id: "t3" }, { id: "t4" }],
      mentors: [{ id: "m1", capacity: 1 }, { id: "m2", capacity: 1 }],
      edges: [
        { trainee: "t1", mentor: "m1", score: 0.9 },
        { trainee: "t2", mentor: "m1", score: 0.5 },
        { trainee: "t2", mentor: "m2", score: 0.4 },
        { trainee: "t3", mentor: "m2", score: 0.8 },
      ],
      exclusions: [["m2", "t3"]],
    });
    expect(code).toBe(0);
    expect(json.pairs).toEqual([
      { trainee: "t1", mentor: "m1", score: 0.9 },
      { trainee: "t2", mentor: "m2", score: 0.4 },
    ]);
    expect(json.unmatched).toEqual([
      { trainee: "t3", reason: "all_excluded", eligibleMentors: 0, excluded: { exclusion: 1 } },
      { trainee: "t4", reason: "no_candidates", eligibleMentors: 0, excluded: {} },
    ]);
    expect(json.metrics).toMatchObject({ matched: 2, matchedPercent: 50, totalFit: 1.3, minFit: 0.4 });
  });

  it("says when every eligible mentor is full", async () => {
    const { json } = await run({
      mode: "optimal",
      trainees: [{ id: "a" }, { id: "b" }],
      mentors: [{ id: "m", capacity: 1 }],
      edges: [
        { trainee: "a", mentor: "m", score: 2 },
        { trainee: "b", mentor: "m", score: 1 },
      ],
    });
    expect(json.unmatched).toEqual([{ trainee: "b", reason: "mentors_full", eligibleMentors: 1, excluded: {} }]);
  });

  it("stable mode prints the rank profile and no blocking pairs", async () => {
    const { json } = await run({
      mode: "stable",
      trainees: [{ id: "t1" }, { id: "t2" }],
      mentors: [{ id: "m1", capacity: 1 }, { id: "m2", capacity: 1 }],
      traineeRanks: { t1: ["m1", "m2"], t2: ["m1"] },
      mentorRanks: { m1: ["t2", "t1"], m2: ["t1"] },
    });
    expect(json.pairs).toEqual([
      { trainee: "t1", mentor: "m2", score: 0 },
      { trainee: "t2", mentor: "m1", score: 0 },
    ]);
    expect(json.blockingPairs).toEqual([]);
    expect(json.rankProfile).toEqual({ byChoice: { "1": 1, "2": 1 }, unmatched: 0 });
  });

  it("profile form scores pairs (above minScore), keeps labs apart when asked, penalises repeats and skips paused people", async () => {
    const { json } = await run({
      mode: "optimal",
      trainees: [
        { id: "ana", group: "lab1", profile: { interests: ["thrombosis"] } },
        { id: "ben", profile: { interests: ["leukemia"] } },
        { id: "dev", paused: true, profile: {} },
      ],
      mentors: [
        { id: "smith", capacity: 1, group: "lab1", profile: { expertise: ["thrombosis"] } },
        { id: "jones", capacity: 1, profile: { expertise: ["thrombosis", "leukemia"] } },
      ],
      excludeSameGroup: true,
      pastPairs: [["ben", "jones"]],
      repeatPenalty: 5,
      minScore: 1,
    });
    expect(json.form).toBe("profile");
    expect(json.pairs).toEqual([{ trainee: "ana", mentor: "jones", score: 10 }]);
    expect(json.unmatched).toEqual([
      { trainee: "ben", reason: "mentors_full", eligibleMentors: 1, excluded: {} },
      { trainee: "dev", reason: "paused", eligibleMentors: 0, excluded: {} },
    ]);
  });

  it("an invalid file exits with code 2 and one line per problem", async () => {
    const r = await run({ mode: "best", trainees: [], mentors: [{ id: "m1" }] });
    expect(r.code).toBe(2);
    expect(r.text).toContain("  mode: ");
    expect(r.text).toContain("  mentors[0].capacity: ");
  });

  it("a file that is not JSON exits with code 2", async () => {
    const r = await run("{ nope");
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/is not valid JSON/);
  });

  it("the example files solve", async () => {
    for (const f of ["match-plain", "match-stable", "match-profiles"]) {
      const lines: string[] = [];
      expect(await runMatchCommand(["match", `examples/${f}.json`], (s) => lines.push(s))).toBe(0);
      expect(JSON.parse(lines.join("\n")).pairs.length).toBeGreaterThan(0);
    }
  });
});

describe("rounds match on scores too wide for exact arithmetic", () => {
  it("refuses with exit code 2 instead of printing an inexact result", async () => {
    const trainees = Array.from({ length: 20_000 }, (_, i) => ({ id: `t${i}` }));
    const r = await run({
      mode: "optimal",
      trainees,
      mentors: [{ id: "m1", capacity: 1 }],
      edges: [
        { trainee: "t0", mentor: "m1", score: -100000 },
        { trainee: "t1", mentor: "m1", score: 100000 },
      ],
    });
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/cannot be solved exactly/);
  });
});
