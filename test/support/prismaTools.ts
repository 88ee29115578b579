import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "./appProcess.js";

/** The parts of scripts/prisma-tools.mjs (plain JavaScript, shared with `npm run db:*`) tests use. */
export interface PrismaTools {
  root: string;
  sqliteSchemaPath: string;
  pgSchemaPath: string;
  sqliteMigrationsDir: string;
  pgMigrationsDir: string;
  snapshotPath: string;
  toPostgresSchema(sqliteSchema: string): string;
  readText(file: string): string;
  /** SQL from one datamodel file (null: from an empty database) to another, by `prisma migrate diff`. */
  diffSql(fromSchema: string | null, toSchema: string): string;
}

export async function loadPrismaTools(): Promise<PrismaTools> {
  // A computed specifier: the script has no type declarations, this interface stands for them.
  const url = pathToFileURL(path.join(projectRoot, "scripts/prisma-tools.mjs")).href;
  return (await import(url)) as PrismaTools;
}
