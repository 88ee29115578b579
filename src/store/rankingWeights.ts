import type { Db, Tx } from "./database.js";
import { Prisma } from "../generated/sqlite/client.js";

/** A program's stored /findmentor ranking overrides (raw JSON, null = defaults). Scoped by the workspace. */
export async function programRankingWeights(db: Db | Tx, workspaceId: string, programId: string): Promise<unknown> {
  const row = await db.program.findFirst({ where: { workspaceId, id: programId }, select: { rankingWeights: true } });
  return row?.rankingWeights ?? null;
}

export async function setProgramRankingWeights(db: Db | Tx, workspaceId: string, programId: string, overrides: Prisma.InputJsonValue | null): Promise<void> {
  await db.program.updateMany({ where: { workspaceId, id: programId }, data: { rankingWeights: overrides ?? Prisma.DbNull } });
}
