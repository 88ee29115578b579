import { closeSync, existsSync, fsyncSync, linkSync, copyFileSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { readMigrations, type LocalMigration } from "./migrator.js";
import { sqliteMigrationsDir } from "../paths.js";

/**
 * Backups of a SQLite database file while Rounds runs, and putting one back. A plain file copy of a
 * database in WAL mode is not safe: the newest commits may still be in the -wal file, and the copy
 * may catch the file between two writes. SQLite's online backup API (better-sqlite3's db.backup())
 * copies the pages under one read transaction instead: a consistent snapshot, taken while the app
 * keeps writing. The copy is then made one self-contained file (journal mode DELETE, no -wal).
 */

/** How long to wait for a lock held by the app before giving up. */
const BUSY_TIMEOUT_MS = 10_000;
/** Pages per backup step: all of them, so the copy is one read transaction (one snapshot) and never restarts. */
const ALL_PAGES = 0x7fffffff;

export interface CopyCheck {
  /** Migrations recorded in the copy, all finished. */
  applied: number;
  /** This version's migrations the copy lacks; Rounds applies them when it starts on it. */
  missing: string[];
  bytes: number;
}

/** The file is not a whole, usable Rounds database; the message says why, for a person. */
export class NotARoundsDatabase extends Error {
  constructor(file: string, reason: string) {
    super(`${file} is not a usable Rounds database: ${reason}`);
    this.name = "NotARoundsDatabase";
  }
}

/** Another connection has the database open (the running app, a CLI command, a sqlite3 shell). */
export class DatabaseInUse extends Error {
  constructor(readonly file: string) {
    super(`${file} is open in another program`);
    this.name = "DatabaseInUse";
  }
}

/**
 * Copies the database at `source` into the new file `dest` (which must not exist) as one
 * consistent snapshot, while other processes keep reading and writing it; then makes `dest` a
 * single self-contained file. Returns when the snapshot was taken. `readonly` for a file that is
 * only read (a backup being restored); a live database is opened read-write, as a reader of a WAL
 * file left by a crash may have to recover it.
 */
export async function onlineBackup(source: string, dest: string, { readonly = false }: { readonly?: boolean } = {}): Promise<Date> {
  const db = new Database(source, { fileMustExist: true, readonly, timeout: BUSY_TIMEOUT_MS });
  let takenAt: Date;
  try {
    takenAt = new Date();
    await db.backup(dest, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  selfContained(dest);
  return takenAt;
}

/** Leaves WAL mode (checkpointing what the -wal holds), so the file alone is the whole database. */
function selfContained(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw new Error(`could not take ${file} out of WAL mode (it stayed ${String(mode)})`);
  } finally {
    db.close();
  }
  fsyncFile(file);
}

/**
 * Opens `file` read-only and checks that it is a whole Rounds database: SQLite's quick_check
 * passes; `_prisma_migrations` exists; every migration recorded there finished (none half-applied
 * or failed); and each is one this version of Rounds knows, unchanged (a copy made by a newer
 * Rounds, whose tables this version does not know, is refused). Migrations it lacks are listed:
 * Rounds applies them when it starts.
 */
export function checkCopy(file: string, local: LocalMigration[] = readMigrations(sqliteMigrationsDir)): CopyCheck {
  if (!existsSync(file)) throw new NotARoundsDatabase(file, "there is no such file");
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new NotARoundsDatabase(file, (error as Error).message);
  }
  try {
    let check: unknown;
    try {
      check = db.pragma("quick_check", { simple: true });
    } catch (error) {
      throw new NotARoundsDatabase(file, `SQLite cannot read it (${(error as Error).message})`);
    }
    if (check !== "ok") throw new NotARoundsDatabase(file, `SQLite's integrity check failed: ${String(check)}`);
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) throw new NotARoundsDatabase(file, "it has no _prisma_migrations table");
    const rows = db
      .prepare(`SELECT migration_name AS name, checksum, finished_at AS finishedAt, rolled_back_at AS rolledBackAt FROM "_prisma_migrations"`)
      .all() as { name: string; checksum: string; finishedAt: string | null; rolledBackAt: string | null }[];
    const applied = rows.filter((r) => r.rolledBackAt === null);
    const unfinished = applied.filter((r) => r.finishedAt === null);
    if (unfinished.length) throw new NotARoundsDatabase(file, `migration ${unfinished[0]!.name} was started but never finished`);
    if (applied.length === 0) throw new NotARoundsDatabase(file, "no migration was ever applied to it");
    const known = new Map(local.map((m) => [m.name, m.checksum]));
    const unknown = applied.filter((r) => !known.has(r.name));
    if (unknown.length) {
      throw new NotARoundsDatabase(file, `it was made by a newer version of Rounds (migration ${unknown[0]!.name} is unknown to this one); restore it with that version`);
    }
    const changed = applied.find((r) => known.get(r.name) !== r.checksum);
    if (changed) throw new NotARoundsDatabase(file, `its migration ${changed.name} differs from this version's`);
    const names = new Set(applied.map((r) => r.name));
    return { applied: applied.length, missing: local.filter((m) => !names.has(m.name)).map((m) => m.name), bytes: statSync(file).size };
  } finally {
    db.close();
  }
}

/**
 * Drops the job leases a backup caught held (a job was running when it was taken). Their holders
 * ran against another database, so they can never renew or release them here; left in place they
 * would hold their jobs up for up to a minute after the restore.
 */
export function releaseLeases(file: string): number {
  const db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    return db.prepare(`DELETE FROM "JobLease"`).run().changes;
  } finally {
    db.close();
  }
}

/**
 * Checks that nothing else has the database at `file` open, and makes the file whole on its own:
 * switching a WAL database to journal mode DELETE needs every other connection closed (SQLite
 * answers "database is locked" otherwise, however idle they are), and moves what the -wal holds
 * into the file. Afterwards neither -wal nor -shm (nor a rollback -journal) remains.
 */
export function takeOutOfUse(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 2_000 });
  try {
    db.pragma("journal_mode = DELETE");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") throw new DatabaseInUse(file);
    throw error;
  } finally {
    db.close();
  }
  for (const side of ["-wal", "-shm", "-journal"]) {
    if (existsSync(file + side)) throw new DatabaseInUse(file);
  }
}

/**
 * Puts `replacement` (a checked, self-contained database file in the same directory) in place of
 * `target` with one rename, so `target` is at every moment either the old database or the new one.
 * The old one (taken out of use first, see takeOutOfUse) stays as `keepAs`. Returns whether there
 * was an old one.
 */
export function swapIn(replacement: string, target: string, keepAs: string): boolean {
  const hadOld = existsSync(target);
  if (hadOld) {
    try {
      linkSync(target, keepAs);
    } catch {
      copyFileSync(target, keepAs); // a filesystem without hard links
    }
  }
  fsyncFile(replacement);
  renameSync(replacement, target);
  fsyncDir(path.dirname(target));
  return hadOld;
}

/** Removes a partial file (and any -wal/-shm/-journal beside it) left by a failed backup or restore. */
export function removeDatabaseFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

function fsyncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable (best effort: not every platform can fsync a directory). */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory; the rename stands, only its durability on power loss is weaker.
  }
}
