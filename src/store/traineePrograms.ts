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
