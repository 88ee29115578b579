import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { openDatabase } from "../store/database.js";
import type { Db } from "../store/database.js";
import { cliErrorText } from "./errorText.js";

/** The database the CLI's database-only commands use: DATABASE_URL, blank counting as unset, as for the app. */
export const cliDatabaseUrl = () => process.env.DATABASE_URL || "file:./data/rounds.db";

/**
 * A command's flags, read with parseArgs and checked by its zod schema (which sees `positionals`
 * beside the flags). On a problem: the problem and the usage on `err`, and null (the caller exits 2).
 */
export function parseFlags<S extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: S,
  usage: string,
  err: (t: string) => void,
): z.infer<S> | null {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
    return schema.parse({ positionals, ...values });
  } catch (error) {
    err(`${error instanceof z.ZodError ? (error.issues[0]?.message ?? "bad arguments") : (error as Error).message}\n\n${usage}`);
    return null;
  }
}

/** Runs `work` with the CLI's database, closing it after; a failure is printed in plain words and exits 1. */
export async function withDatabase(err: (t: string) => void, work: (db: Db) => Promise<number>): Promise<number> {
  const { db } = await openDatabase(cliDatabaseUrl());
  try {
    return await work(db.prisma);
  } catch (error) {
    err(cliErrorText(error));
    return 1;
  } finally {
    await db.close();
  }
}
