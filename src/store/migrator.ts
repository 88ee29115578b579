import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { postgresMigrationsDir, sqliteMigrationsDir } from "../paths.js";
import { providerOf, sqliteFilePath, type Provider } from "./provider.js";

/**
 * Applies Prisma-layout migrations (FOLDER/migration.sql) at start-up, one transaction per
 * migration, and records each in `_prisma_migrations` with the columns and sha256 checksum that
 * `prisma migrate deploy` writes, so either tool can take over a database from the other.
 */

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
  finishedAt: string | null;
  rolledBackAt: string | null;
}

export class MigrationChecksumChanged extends Error {
  constructor(readonly migration: string) {
    super(
      `Migration ${migration} was already applied to this database, but its migration.sql has changed since. ` +
        "Applied migrations must not be edited: restore the file, and put new changes in a new migration (npm run db:migration -- NAME).",
    );
    this.name = "MigrationChecksumChanged";
  }
}

export class MigrationFailed extends Error {
  constructor(readonly migration: string, readonly reason: string) {
    super(`Migration ${migration} failed and was rolled back; the database is as it was before it. Cause: ${reason}`);
    this.name = "MigrationFailed";
  }
}

export class MigrationLeftUnfinished extends Error {
  constructor(readonly migration: string) {
    super(
      `Migration ${migration} is recorded as started but never finished (a failed \`prisma migrate deploy\`?). ` +
        "Fix the database by hand, then mark it with `prisma migrate resolve`.",
    );
    this.name = "MigrationLeftUnfinished";
  }
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function readMigrations(dir: string): LocalMigration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

/** What the migrator needs from a database: the same steps, spoken in each dialect. */
interface MigrationTarget {
  applied(): Promise<AppliedMigration[]>;
  /**
   * Runs the SQL and records the row in one transaction: all of it happens, or none of it.
   * Returns false, doing nothing, when another process applied it since `applied()` was read.
   */
  apply(migration: LocalMigration): Promise<boolean>;
  close(): Promise<void>;
}

/** Prisma's own timestamp text for SQLite (`2026-11-21T21:56:24.550+00:00`). */
const sqliteTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

function sqliteTarget(file: string): MigrationTarget {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  db.pragma("journal_mode = WAL"); // persistent: every later connection to the file uses WAL
  // Off on this connection, as under `prisma migrate deploy`: Prisma's SQLite migrations rebuild a
  // table by DROP + RENAME, and with enforcement on, DROP TABLE of a parent deletes the rows of every
  // table referencing it ON DELETE CASCADE. Their own `PRAGMA foreign_keys=OFF` cannot help inside
  // our transaction (SQLite ignores it there), so it is set here; apply() checks the keys instead.
  db.pragma("foreign_keys = OFF");
  db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
  return {
    async applied() {
      return db
        .prepare(
          `SELECT migration_name AS name, checksum, finished_at AS finishedAt, rolled_back_at AS rolledBackAt
           FROM "_prisma_migrations" ORDER BY started_at`,
        )
        .all() as AppliedMigration[];
    },
    async apply(m) {
      const startedAt = sqliteTime(new Date());
      // SQLite has no advisory lock: two processes starting at once (the app and the CLI) may both
      // have read the same pending list. The write lock (IMMEDIATE) is taken before looking again,
      // so the second one finds the row and skips the migration instead of failing on it.
      return db.transaction(() => {
        const done = db
          .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND rolled_back_at IS NULL AND finished_at IS NOT NULL`)
          .get(m.name);
        if (done) return false;
        db.exec(m.sql);
        const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
        if (broken.length > 0) {
          const first = broken[0]!;
          throw new Error(`it leaves ${broken.length} row(s) whose foreign key points nowhere (e.g. ${first.table} → ${first.parent})`);
        }
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), m.checksum, sqliteTime(new Date()), m.name, startedAt);
        return true;
      }).immediate();
    },
    async close() {
      db.close();
    },
  };
}

/** Prisma Migrate's advisory lock key, so our migrator and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

async function postgresTarget(url: string): Promise<MigrationTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`);
  return {
    async applied() {
      const { rows } = await client.query(
        `SELECT migration_name AS name, checksum, finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt"
         FROM "_prisma_migrations" ORDER BY started_at`,
      );
      return rows as AppliedMigration[];
    },
    async apply(m) {
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), m.checksum, m.name, startedAt],
        );
        await client.query("COMMIT");
        return true; // the advisory lock, held since before applied() was read, kept others out
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async close() {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
      await client.end();
    },
  };
}

export interface MigrateResult {
  provider: Provider;
  applied: string[];
  alreadyApplied: number;
}

export function migrationsDirFor(provider: Provider): string {
  return provider === "sqlite" ? sqliteMigrationsDir : postgresMigrationsDir;
}

/** Brings the database at `databaseUrl` up to date. Refuses edited or half-applied migrations. */
export async function migrate(
  databaseUrl: string,
  options: { migrationsDir?: string } = {},
): Promise<MigrateResult> {
  const provider = providerOf(databaseUrl);
  const local = readMigrations(options.migrationsDir ?? migrationsDirFor(provider));
  const target = provider === "sqlite" ? sqliteTarget(sqliteFilePath(databaseUrl)) : await postgresTarget(databaseUrl);
  try {
    const applied = (await target.applied()).filter((a) => a.rolledBackAt === null);
    const byName = new Map(applied.map((a) => [a.name, a]));
    for (const a of applied) {
      if (a.finishedAt === null) throw new MigrationLeftUnfinished(a.name);
    }
    for (const m of local) {
      const row = byName.get(m.name);
      if (row && row.checksum !== m.checksum) throw new MigrationChecksumChanged(m.name);
    }
    const pending = local.filter((m) => !byName.has(m.name));
    const appliedNow: string[] = [];
    for (const m of pending) {
      try {
        if (await target.apply(m)) appliedNow.push(m.name);
      } catch (error) {
        throw new MigrationFailed(m.name, error instanceof Error ? error.message : String(error));
      }
    }
    return { provider, applied: appliedNow, alreadyApplied: local.length - appliedNow.length };
  } finally {
    await target.close();
  }
}
