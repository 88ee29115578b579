/**
 * `rounds match FILE.json` — solve an instance file and print the pairs and metrics as JSON, so an
 * institution can audit or replay a round. Format: docs/matching.md. Exit codes: 0 solved,
 * 2 unreadable or invalid file (one line per problem, with its JSON path).
 */
import { readFile } from "node:fs/promises";
import { solveOptimal, unscaleScore } from "../domain/assignment.js";
import { parseInstance, prepareInstance } from "../domain/matchInstance.js";
import { edgesOf, matchMetrics, unmatchedReasons } from "../domain/matchMetrics.js";
import { blockingPairs, deferredAcceptance, rankProfile } from "../domain/stable.js";

const USAGE = "usage: rounds match FILE.json";

export async function runMatchCommand(args: string[], out: (s: string) => void): Promise<number> {
  const rest = args[0] === "match" ? args.slice(1) : args;
  const file = rest.find((a) => !a.startsWith("-"));
  if (!file || rest.length !== 1) {
    out(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    out(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    out(`${file} is not valid JSON: ${(err as Error).message}`);
    return 2;
  }
  const parsed = parseInstance(json);
  if (!parsed.ok) {
    out(`${file} is not a valid instance:`);
    for (const issue of parsed.issues) out(`  ${issue.path || "(file)"}: ${issue.message}`);
    return 2;
  }
  const prepared = prepareInstance(parsed.instance);
  const { problem } = prepared;

  let edgeOf: Int32Array;
  let stableReport: Record<string, unknown> = {};
  if (prepared.stable) {
    const { mentorOf } = deferredAcceptance(prepared.stable);
    edgeOf = edgesOf(problem, mentorOf);
    const blocking = blockingPairs(prepared.stable, mentorOf);
    const profile = rankProfile(prepared.stable, mentorOf);
    stableReport = {
      blockingPairs: blocking.map(([t, m]) => ({ trainee: problem.traineeIds[t], mentor: problem.mentorIds[m] })),
      rankProfile: { byChoice: Object.fromEntries(profile.byRank.map((c, r) => [String(r + 1), c])), unmatched: profile.unmatched },
    };
  } else {
    try {
      edgeOf = solveOptimal(problem).edgeOf;
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      out(`${file} cannot be solved exactly: ${err.message}`);
      return 2;
    }
  }

  const pairs: { trainee: string; mentor: string; score: number; repeat?: true }[] = [];
  edgeOf.forEach((e, t) => {
    if (e < 0) return;
    const pair = { trainee: problem.traineeIds[t]!, mentor: problem.mentorIds[problem.edgeMentor[e]!]!, score: unscaleScore(problem.edgeScore[e]!) };
    pairs.push(prepared.repeatEdge[e] ? { ...pair, repeat: true } : pair);
  });
  const context = { candidates: prepared.candidates, excluded: prepared.excluded, pausedTrainee: prepared.pausedTrainee, ...(prepared.stable ? { stable: prepared.stable } : {}) };
  const result = {
    mode: prepared.mode,
    form: parsed.instance.form,
    pairs,
    unmatched: unmatchedReasons(problem, edgeOf, context),
    metrics: matchMetrics(problem, edgeOf, { repeatEdge: prepared.repeatEdge, ...(prepared.stable ? { stable: prepared.stable } : {}) }),
    ...stableReport,
  };
  out(JSON.stringify(result, null, 2));
  return 0;
}
