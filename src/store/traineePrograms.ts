import type { Db } from "./database.js";

/** A program in which a member is enrolled as a trainee, with its vocabulary extension (raw JSON). */
export interface TraineeProgram {
  programId: string;
  vocabulary: unknown;
  /** The program's ranking overrides (raw JSON), see domain/weights.ts. */
  rankingWeights: unknown;
}

/** The programs in which the member is a TRAINEE (for /findmentor). Scoped by the workspace. */
export async function traineePrograms(db: Db, workspaceId: string, memberId: string): Promise<TraineeProgram[]> {
  const rows = await db.enrollment.findMany({
    where: { workspaceId, memberId, role: "TRAINEE" },
    select: { programId: true, program: { select: { vocabulary: true, rankingWeights: true } } },
    orderBy: { programId: "asc" },
  });
  const seen = new Map<string, TraineeProgram>();
  for (const r of rows) if (!seen.has(r.programId)) seen.set(r.programId, { programId: r.programId, vocabulary: r.program.vocabulary, rankingWeights: r.program.rankingWeights });
  return [...seen.values()];
}

/** The ids of the programs in which the member is a TRAINEE, sorted (one statement; see programSettings for the rest). */
export async function traineeProgramIds(db: Db, workspaceId: string, memberId: string): Promise<string[]> {
  const rows = await db.enrollment.findMany({ where: { workspaceId, memberId, role: "TRAINEE" }, select: { programId: true }, orderBy: { programId: "asc" } });
  return [...new Set(rows.map((r) => r.programId))];
}

/** Every program of the workspace with its vocabulary extension and ranking overrides (raw JSON), by id. */
export async function programSettings(db: Db, workspaceId: string): Promise<Map<string, TraineeProgram>> {
  const rows = await db.program.findMany({ where: { workspaceId }, select: { id: true, vocabulary: true, rankingWeights: true } });
  return new Map(rows.map((r) => [r.id, { programId: r.id, vocabulary: r.vocabulary, rankingWeights: r.rankingWeights }]));
}
