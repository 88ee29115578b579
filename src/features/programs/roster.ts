import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Db } from "../../store/database.js";
import { createCohort, findCohortByName } from "../../store/programs.js";
import { programRoster, type UpsertOutcome } from "../../store/enrollments.js";
import { applyRosterWrites, createMembers, enrollmentCohorts, enrollmentKey, membersByEmail, type RosterWrites } from "../../store/roster.js";
import { ensureWorkspace } from "../../store/workspaces.js";
import { rosterProfilesOf } from "../../store/rosterProfiles.js";
import { EMPTY_ROSTER_PROFILE, PROFILE_COLUMNS, checkHeader, type RosterProfileField, parseRosterRow, profileUnchanged, rosterCells, ROSTER_COLUMNS, type RosterColumn, type RosterRecord } from "../../domain/roster.js";
import { vocabularyWith, type VocabularyExtension } from "../../domain/vocabulary.js";
import { audit, type Actor } from "./audit.js";
import { getProgramByName } from "./programs.js";
import type { SlackDirectory } from "../ports.js";
import type { MemberProfile } from "../../store/members.js";

/** Finds Slack users by email (users.lookupByEmail) and answers users.info for ensureMember. */
export interface EmailDirectory extends SlackDirectory {
  lookupByEmail(email: string): Promise<{ slackUserId: string; profile: MemberProfile } | null>;
}

export interface RowError {
  line: number;
  reason: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: RowError[];
  cohortsCreated: string[];
}

interface ParsedLine {
  line: number;
  cells: Partial<Record<RosterColumn, string>>;
}

/** CSV text → header check and one entry per data row, with the line it starts on (header = line 1). */
function readCsv(text: string): { ok: true; rows: ParsedLine[]; errors: RowError[] } | { ok: false; error: RowError } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, error: { line, reason: `the file is not valid CSV: ${(error as Error).message}` } };
  }
  const [head, ...body] = records;
  if (!head) return { ok: false, error: { line: 1, reason: "the file is empty (expected a header row)" } };
  const header = checkHeader(head.record);
  if (!header.ok) return { ok: false, error: { line: head.info.lines, reason: header.reason } };
  const rows: ParsedLine[] = [];
  const errors: RowError[] = [];
  let previousEnd = head.info.lines;
  for (const { record, info } of body) {
    // info.lines is where the record ends; it starts after the previous record (skipping blank lines).
    const line = Math.max(previousEnd + 1, info.lines - countNewlines(record));
    previousEnd = info.lines;
    if (record.length !== header.columns.length) {
      errors.push({ line, reason: `has ${record.length} cells but the header has ${header.columns.length}` });
      continue;
    }
    rows.push({ line, cells: Object.fromEntries(header.columns.map((c, i) => [c, record[i] ?? ""])) });
  }
  return { ok: true, rows, errors };
}

function profileConflict(
  earlier: Map<RosterProfileField, { value: string; line: number }> | undefined,
  profile: RosterRecord["profile"],
): { column: string; line: number } | null {
  if (!earlier) return null;
  for (const [field, value] of Object.entries(profile) as [RosterProfileField, unknown][]) {
    const before = earlier.get(field);
    if (before && before.value !== JSON.stringify(value)) return { column: COLUMN_OF[field], line: before.line };
  }
  return null;
}

const COLUMN_OF = Object.fromEntries(Object.entries(PROFILE_COLUMNS).map(([column, field]) => [field, column])) as Record<RosterProfileField, string>;

/** users.lookupByEmail calls in flight at once (Slack's Tier 3 allows ~50 a minute; the WebClient waits out 429s). */
const LOOKUP_CONCURRENCY = 4;

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const countNewlines = (cells: string[]) => cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);

export interface ImportOptions {
  programName: string;
  /** Cohort for rows whose cohort cell is empty (or when the file has no cohort column). */
  defaultCohort: string | null;
  csv: string;
  source: string;
}

/**
 * Imports a roster into a program: every good row is enrolled (and its profile columns written),
 * every bad row is reported by line and skipped. Running the same file again changes nothing.
 * Cohorts named in the file or by --cohort are created when missing.
 */
export async function importRoster(db: Db, directory: EmailDirectory, by: Actor, o: ImportOptions, now: Date): Promise<ImportReport> {
  const program = await getProgramByName(db, by.workspaceId, o.programName);
  const vocabulary = vocabularyWith(program.vocabulary as VocabularyExtension | null);
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [], cohortsCreated: [] };
  const fail = (e: RowError) => {
    report.failed += 1;
    report.errors.push(e);
  };
  const csv = readCsv(o.csv);
  if (!csv.ok) {
    fail(csv.error);
    return report;
  }
  csv.errors.forEach(fail);

  const seen = new Map<string, number>();
  /** Per email, the profile values an earlier row gave: one person's rows must agree (else re-runs would flip-flop). */
  const profilesInFile = new Map<string, Map<RosterProfileField, { value: string; line: number }>>();
  const good: { line: number; record: RosterRecord }[] = [];
  for (const row of csv.rows) {
    const parsed = parseRosterRow(row.cells, vocabulary);
    if (!parsed.ok) {
      fail({ line: row.line, reason: parsed.reason });
      continue;
    }
    const key = `${parsed.record.email}\u0000${parsed.record.role}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail({ line: row.line, reason: `${parsed.record.email} as ${parsed.record.role.toLowerCase()} repeats line ${first}` });
      continue;
    }
    const conflict = profileConflict(profilesInFile.get(parsed.record.email), parsed.record.profile);
    if (conflict) {
      fail({ line: row.line, reason: `${conflict.column} differs from line ${conflict.line} for the same person` });
      continue;
    }
    seen.set(key, row.line);
    for (const field of Object.keys(parsed.record.profile) as RosterProfileField[]) {
      const fields = profilesInFile.get(parsed.record.email) ?? new Map();
      if (!fields.has(field)) fields.set(field, { value: JSON.stringify(parsed.record.profile[field]), line: row.line });
      profilesInFile.set(parsed.record.email, fields);
    }
    good.push({ line: row.line, record: parsed.record });
  }

  const cohorts = new Map<string, string>();
  const cohortId = async (name: string) => {
    const cached = cohorts.get(name);
    if (cached) return cached;
    let cohort = await findCohortByName(db, by.workspaceId, program.id, name);
    if (!cohort) {
      cohort = await db.$transaction(async (tx) => {
        const c = await createCohort(tx, by.workspaceId, program.id, { name, startsOn: null, endsOn: null });
        await audit(tx, by, "cohort.create", c.id, { programId: program.id, name, via: "roster import" }, now);
        return c;
      });
      report.cohortsCreated.push(name);
    }
    cohorts.set(name, cohort.id);
    return cohort.id;
  };

  // 1. People: known members by email (one query); unknown emails asked of Slack, then created together.
  const known = await membersByEmail(db, by.workspaceId, [...new Set(good.map((g) => g.record.email))]);
  const missing = [...new Set(good.map((g) => g.record.email).filter((e) => !known.has(e)))];
  const found = await mapLimit(missing, LOOKUP_CONCURRENCY, async (email) => [email, await directory.lookupByEmail(email)] as const);
  const toCreate = found.filter(([, f]) => f !== null).map(([email, f]) => ({ email, ...f! }));
  if (toCreate.length) {
    await ensureWorkspace(db, by.workspaceId);
    const created = await createMembers(db, by.workspaceId, toCreate.map((c) => ({ slackUserId: c.slackUserId, profile: c.profile })), now);
    for (const c of toCreate) {
      const member = created.get(c.slackUserId);
      if (member) known.set(c.email, member);
    }
  }

  // 2. Decide every row's outcome in memory, against what the program holds now.
  const enrolled = await enrollmentCohorts(db, by.workspaceId, program.id);
  const profiles = await rosterProfilesOf(db, by.workspaceId, [...new Set([...known.values()].map((m) => m.id))]);
  const writes: RosterWrites = { enrollCreates: [], enrollUpdates: [], profileCreates: new Map(), profileUpdates: new Map() };
  for (const { line, record } of good) {
    const member = known.get(record.email);
    if (!member) {
      fail({ line, reason: `no Slack user with email ${record.email}` });
      continue;
    }
    const cohortName = record.cohort ?? o.defaultCohort;
    const cohort = cohortName ? await cohortId(cohortName) : undefined;
    const key = enrollmentKey(member.id, record.role);
    let outcome: UpsertOutcome = "unchanged";
    if (!enrolled.has(key)) {
      outcome = "created";
      writes.enrollCreates.push({ memberId: member.id, role: record.role, cohortId: cohort ?? null });
      enrolled.set(key, cohort ?? null);
    } else if (cohort !== undefined && enrolled.get(key) !== cohort) {
      outcome = "updated";
      writes.enrollUpdates.push({ memberId: member.id, role: record.role, cohortId: cohort });
      enrolled.set(key, cohort);
    }
    if (Object.keys(record.profile).length > 0) {
      const current = profiles.get(member.id);
      if (!current || !profileUnchanged(current, record.profile)) {
        const target = writes.profileCreates.has(member.id) || !current ? writes.profileCreates : writes.profileUpdates;
        target.set(member.id, { ...target.get(member.id), ...record.profile });
        profiles.set(member.id, { ...(current ?? EMPTY_ROSTER_PROFILE), ...record.profile });
        if (outcome === "unchanged") outcome = "updated";
      }
    }
    report[outcome] += 1;
  }

  // 3. Write it all in one transaction: a failure leaves the program as it was.
  await applyRosterWrites(db, by.workspaceId, program.id, writes);
  report.errors.sort((a, b) => a.line - b.line);
  await audit(db, by, "roster.import", program.id, {
    source: o.source,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    failed: report.failed,
    cohortsCreated: report.cohortsCreated,
  }, now);
  return report;
}

/** The program's roster as CSV, in the import format (so an export imports back unchanged). */
export async function exportRoster(db: Db, by: Actor, programName: string, now: Date): Promise<{ csv: string; rows: number }> {
  const program = await getProgramByName(db, by.workspaceId, programName);
  const roster = await programRoster(db, by.workspaceId, program.id);
  const profiles = await rosterProfilesOf(db, by.workspaceId, [...new Set(roster.map((r) => r.member.id))]);
  const rows = roster.map((r) => ({
    email: r.member.email ?? "",
    role: r.role.toLowerCase(),
    cohort: r.cohortName ?? "",
    ...rosterCells(profiles.get(r.member.id) ?? null),
  }));
  await audit(db, by, "roster.export", program.id, { rows: rows.length }, now);
  return { csv: stringify(rows, { header: true, columns: [...ROSTER_COLUMNS] }), rows: rows.length };
}
