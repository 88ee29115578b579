// Prisma plumbing shared by `npm run db:*` and the schema drift test.
// prisma/schema.prisma (SQLite) is the source of truth; the PostgreSQL twin is derived from it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sqliteSchemaPath = path.join(root, "prisma/schema.prisma");
export const pgSchemaPath = path.join(root, "prisma/postgresql/schema.prisma");
export const sqliteMigrationsDir = path.join(root, "prisma/migrations");
export const pgMigrationsDir = path.join(root, "prisma/postgresql/migrations");
/** The datamodel the newest migration brings a database to; `db:migration` diffs against it. */
export const snapshotPath = path.join(root, "prisma/migrations/schema.snapshot.prisma");

const TWIN_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:twin` — do not edit; edit the SQLite schema.\n";

/** The PostgreSQL twin of a SQLite schema text: same models, other provider and client output. */
export function toPostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace(/provider(\s*)= "sqlite"/, 'provider$1= "postgresql"')
    .replace(/output(\s*)= "\.\.\/src\/generated\/sqlite"/, 'output$1= "../../src/generated/postgresql"');
  if (!out.includes('"postgresql"') || !out.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma: expected provider = \"sqlite\" and output = \"../src/generated/sqlite\"");
  }
  return TWIN_HEADER + out;
}

export function readText(file) {
  return readFileSync(file, "utf8");
}

/**
 * Runs the Prisma CLI. Before any command, Prisma 6.19 reads the schema named by --schema (else
 * prisma.config.ts's, the SQLite one) and its datasource url, even for commands that never connect
 * (generate, migrate diff). If that fails it falls back to downloading native engines, which cannot
 * be fetched offline — so DATABASE_URL gets a placeholder of the provider of the schema it reads.
 */
export function prisma(args, { capture = false } = {}) {
  const schemaArg = args[args.indexOf("--schema") + 1];
  const readsPg = args.includes("--schema") && schemaArg === pgSchemaPath;
  const placeholder = readsPg ? "postgresql://placeholder@localhost/placeholder" : "file:./data/placeholder.db";
  mkdirSync(path.join(root, "data"), { recursive: true }); // prisma.config.ts's adapter opens a file there
  const result = spawnSync(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: placeholder, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  if (result.status !== 0) {
    const detail = capture ? `\n${result.stdout}\n${result.stderr}` : "";
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status})${detail}`);
  }
  return result.stdout ?? "";
}

/** SQL that takes a database from one datamodel file (or from nothing) to another. */
export function diffSql(fromSchema, toSchema) {
  const from = fromSchema ? ["--from-schema-datamodel", fromSchema] : ["--from-empty"];
  return prisma(["migrate", "diff", ...from, "--to-schema-datamodel", toSchema, "--script"], { capture: true });
}
