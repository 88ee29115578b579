import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { providerOf, sqliteFilePath } from "../store/provider.js";
import { checkCopy, DatabaseInUse, NotARoundsDatabase, onlineBackup, releaseLeases, removeDatabaseFile, swapIn, takeOutOfUse, type CopyCheck } from "../store/sqliteBackup.js";
import { count } from "../slack/kit/plural.js";
import { dayTime } from "../slack/kit/dates.js";
import { cliDatabaseUrl, parseFlags } from "./dbCommand.js";

export const BACKUP_USAGE = `Usage: npm run cli -- backup --out FILE
       npm run cli -- restore FILE
  backup copies the SQLite database (DATABASE_URL) into the new file FILE while Rounds runs: one
  consistent snapshot, then checked (SQLite's integrity check; every migration applied and finished).
  restore puts a backup in place of the database (DATABASE_URL, created if missing). Stop Rounds
  first: restore refuses while anything has the database open. The database it replaces is kept
  beside it as FILE.before-restore-TIMESTAMP.
  On PostgreSQL both explain the pg_dump / pg_restore commands instead (exit 2).
  Environment: DATABASE_URL (default file:./data/rounds.db).`;

/** What to run instead on PostgreSQL: PostgreSQL's own tools take a consistent snapshot of a live database. */
const POSTGRES_BACKUP = `DATABASE_URL points at PostgreSQL: back it up with PostgreSQL's own tools, which take a
consistent snapshot while Rounds runs (see README → Backups and restores):
  pg_dump --format=custom --file="rounds-$(date +%F).dump" "$DATABASE_URL"`;
const POSTGRES_RESTORE = `DATABASE_URL points at PostgreSQL: restore with PostgreSQL's own tools, with Rounds stopped
(see README → Backups and restores):
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" rounds-YYYY-MM-DD.dump`;

const backupArgs = z.object({
  positionals: z.tuple([], { error: "backup takes no file argument: name the copy with --out FILE" }),
  out: z.string({ error: "name the new backup file with --out FILE" }).trim().min(1, "--out needs a file name"),
});
const restoreArgs = z.object({
  positionals: z.tuple([z.string().trim().min(1, "name the backup file to restore")], { error: "name exactly one backup file to restore" }),
});

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** What the check found, in a sentence. */
function checked(c: CopyCheck): string {
  const behind = c.missing.length ? ` It lacks ${count(c.missing.length, "newer migration")}, which Rounds applies when it starts on it.` : "";
  return `Checked: SQLite's integrity check passed; ${count(c.applied, "migration")} applied, all finished.${behind}`;
}

/** `backup --out FILE`. */
export async function runBackupCommand(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const args = parseFlags(argv, { out: { type: "string" } }, backupArgs, BACKUP_USAGE, err);
  if (!args) return 2;
  const url = cliDatabaseUrl();
  if (providerOf(url) === "postgresql") {
    err(POSTGRES_BACKUP);
    return 2;
  }
  const source = path.resolve(sqliteFilePath(url));
  const dest = path.resolve(args.out);
  if (!existsSync(source)) {
    err(`There is no database at ${source} (DATABASE_URL) to back up.`);
    return 1;
  }
  if (existsSync(dest)) {
    err(`${dest} already exists; a backup never overwrites a file. Choose a new name, e.g. rounds-$(date +%F).db.`);
    return 1;
  }
  mkdirSync(path.dirname(dest), { recursive: true });
  const partial = `${dest}.partial-${process.pid}`;
  try {
    const takenAt = await onlineBackup(source, partial);
    const check = checkCopy(partial);
    renameSync(partial, dest);
    out(`Backed up ${source} to ${dest} (${megabytes(check.bytes)}), as it was at ${dayTime(takenAt, "UTC")}.`);
    out(checked(check));
    return 0;
  } catch (error) {
    removeDatabaseFile(partial);
    err(`The backup failed; nothing was written to ${dest}. ${(error as Error).message}`);
    return 1;
  }
}

/** `restore FILE`. */
export async function runRestoreCommand(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const args = parseFlags(argv, {}, restoreArgs, BACKUP_USAGE, err);
  if (!args) return 2;
  const url = cliDatabaseUrl();
  if (providerOf(url) === "postgresql") {
    err(POSTGRES_RESTORE);
    return 2;
  }
  const target = path.resolve(sqliteFilePath(url));
  const backup = path.resolve(args.positionals[0]);
  if (backup === target) {
    err(`${backup} is the database itself (DATABASE_URL); name a backup file.`);
    return 2;
  }
  if (!existsSync(backup)) {
    err(`There is no file ${backup} to restore.`);
    return 1;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  // Prepared beside the database (same filesystem, so the final rename is atomic), never from the backup file in place.
  const incoming = path.join(path.dirname(target), `.${path.basename(target)}.restoring-${process.pid}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const keepAs = `${target}.before-restore-${stamp}`;
  try {
    await onlineBackup(backup, incoming, { readonly: true }).catch((error: unknown) => {
      throw new NotARoundsDatabase(backup, (error as Error).message);
    });
    const check = checkCopy(incoming);
    releaseLeases(incoming);
    if (existsSync(target)) takeOutOfUse(target);
    const hadOld = swapIn(incoming, target, keepAs);
    out(`Restored ${backup} into ${target} (${megabytes(check.bytes)}).`);
    out(checked(check));
    if (hadOld) out(`The database it replaced is kept as ${keepAs}; delete it once Rounds runs well on the restored one.`);
    return 0;
  } catch (error) {
    removeDatabaseFile(incoming);
    if (error instanceof DatabaseInUse) {
      err(
        `Not restored: ${target} is open in another program — Rounds itself, a \`npm run cli\` command, or a sqlite3 shell. ` +
          "Stop Rounds (and the rest) first, then run restore again. Nothing was changed.",
      );
      return 1;
    }
    if (error instanceof NotARoundsDatabase) {
      err(`Not restored: ${error.message}. Nothing was changed.`);
      return 1;
    }
    err(`The restore failed; ${target} is as it was. ${(error as Error).message}`);
    return 1;
  }
}
