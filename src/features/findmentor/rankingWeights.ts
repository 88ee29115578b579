import type { Db } from "../../store/database.js";
import { programRankingWeights, setProgramRankingWeights } from "../../store/rankingWeights.js";
import { DEFAULT_RANKING_CONFIG, rankingOverridesSchema, resolveRankingConfig, type RankingConfig, type RankingOverrides } from "../../domain/weights.js";
import { InvalidRankingWeights } from "../../domain/errors.js";
import { audit, type Actor } from "../programs/audit.js";
import { getProgramByName } from "../programs/programs.js";

/** A program's /findmentor ranking: what it is now, and what the program itself overrides. */
export interface ProgramRanking {
  programId: string;
  programName: string;
  config: RankingConfig;
  overrides: RankingOverrides;
}

export async function programRanking(db: Db, workspaceId: string, programName: string): Promise<ProgramRanking> {
  const program = await getProgramByName(db, workspaceId, programName);
  const stored = await programRankingWeights(db, workspaceId, program.id);
  const parsed = rankingOverridesSchema.safeParse(stored ?? {});
  const resolved = resolveRankingConfig(stored);
  return {
    programId: program.id,
    programName: program.name,
    config: resolved.ok ? resolved.config : DEFAULT_RANKING_CONFIG,
    overrides: parsed.success ? parsed.data : {},
  };
}

/**
 * Replaces a program's ranking overrides (null = back to the defaults) after validating them —
 * unknown names, negative weights, all-zero tables are refused with every problem named. Audited.
 */
export async function setProgramRanking(db: Db, by: Actor, programName: string, overrides: unknown, now: Date): Promise<ProgramRanking> {
  const program = await getProgramByName(db, by.workspaceId, programName);
  if (overrides !== null) {
    const resolved = resolveRankingConfig(overrides);
    if (!resolved.ok) throw new InvalidRankingWeights(resolved.issues);
  }
  const parsed = overrides === null ? null : rankingOverridesSchema.parse(overrides);
  await db.$transaction(async (tx) => {
    await setProgramRankingWeights(tx, by.workspaceId, program.id, parsed);
    await audit(tx, by, "program.ranking", program.id, { overrides: parsed }, now);
  });
  return programRanking(db, by.workspaceId, programName);
}
