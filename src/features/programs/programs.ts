import type { Db } from "../../store/database.js";
import type { ServiceContext } from "../context.js";
import { isUniqueViolation } from "../../store/errors.js";
import { ensureWorkspace } from "../../store/workspaces.js";
import * as store from "../../store/programs.js";
import { countEnrollments } from "../../store/enrollments.js";
import { CohortNameTaken, ProgramBreakNotFound, ProgramNameTaken, ProgramNotFound, ProgramWordRefused } from "../../domain/errors.js";
import { dateOf, type CohortInput, type ProgramInput } from "../../domain/program.js";
import { changeBreaks, type BreaksChange } from "../../domain/programBreaks.js";
import { changeWords, readWords, type WordsChange } from "../../domain/programWords.js";
import { audit, type Actor } from "./audit.js";

export type { ProgramRecord, CohortRecord } from "../../store/programs.js";

export interface ProgramOverview extends store.ProgramRecord {
  cohorts: store.CohortRecord[];
  people: number;
}

export async function programOverviews(db: Db, workspaceId: string): Promise<ProgramOverview[]> {
  const programs = await store.listPrograms(db, workspaceId);
  return Promise.all(
    programs.map(async (p) => ({
      ...p,
      cohorts: await store.listCohorts(db, workspaceId, p.id),
      people: await countEnrollments(db, workspaceId, p.id),
    })),
  );
}

export async function getProgram(db: Db, workspaceId: string, programId: string): Promise<store.ProgramRecord> {
  const program = await store.findProgram(db, workspaceId, programId);
  if (!program) throw new ProgramNotFound(programId);
  return program;
}

export async function getProgramByName(db: Db, workspaceId: string, name: string): Promise<store.ProgramRecord> {
  const program = await store.findProgramByName(db, workspaceId, name);
  if (!program) throw new ProgramNotFound(name);
  return program;
}

export const listCohorts = (db: Db, workspaceId: string, programId: string) => store.listCohorts(db, workspaceId, programId);

/** Creates a program; its name must be new in the workspace (ProgramNameTaken otherwise). */
export async function createProgram(db: Db, by: Actor, input: ProgramInput, now: Date): Promise<store.ProgramRecord> {
  if (await store.findProgramByName(db, by.workspaceId, input.name)) throw new ProgramNameTaken(input.name);
  await ensureWorkspace(db, by.workspaceId);
  try {
    return await db.$transaction(async (tx) => {
      const program = await store.createProgram(tx, by.workspaceId, input);
      await audit(tx, by, "program.create", program.id, { ...input }, now);
      return program;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProgramNameTaken(input.name);
    throw error;
  }
}

export async function updateProgram(ctx: ServiceContext, by: Actor, programId: string, input: ProgramInput): Promise<store.ProgramRecord> {
  const { db, now } = ctx;
  const before = await getProgram(db, by.workspaceId, programId);
  const clash = await store.findProgramByName(db, by.workspaceId, input.name);
  if (clash && clash.id !== programId) throw new ProgramNameTaken(input.name);
  try {
    return await db.$transaction(async (tx) => {
      const program = await store.updateProgram(tx, by.workspaceId, programId, input);
      const { vocabulary: _v, workspaceId: _w, id: _i, ...previous } = before;
      await audit(tx, by, "program.update", programId, { before: previous, after: { ...input } }, now);
      return program;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProgramNameTaken(input.name);
    throw error;
  }
}

/** What the CLI's `program settings` may change: trainee check-ins, breaks added, removed or cleared, and the program's own words. */
export interface ProgramSettingsChange {
  checkinAlsoTrainee?: boolean;
  breaks?: BreaksChange;
  words?: WordsChange;
  /** First day of the academic year, "MM-DD" (validated by the caller with academicYearStartSchema). */
  academicYearStart?: string;
}

/**
 * Changes a program's settings (the CLI's `program settings`), audited as `program.update` with the
 * settings that changed, before and after. Returns the program and whether anything changed (a change to
 * what is already set changes nothing and is not audited). A break to remove that the program does not
 * have is ProgramBreakNotFound, a word that cannot be added or removed ProgramWordRefused, each with
 * nothing changed.
 */
export async function updateProgramSettings(
  db: Db,
  by: Actor,
  programName: string,
  change: ProgramSettingsChange,
  now: Date,
): Promise<{ program: store.ProgramRecord; changed: boolean }> {
  const before = await getProgramByName(db, by.workspaceId, programName);
  const breaks = change.breaks ? changeBreaks(before.breaks, change.breaks) : { ok: true as const, breaks: before.breaks };
  if (!breaks.ok) throw new ProgramBreakNotFound(breaks.missing);
  const words = changeWords(readWords(before.vocabulary), change.words ?? {});
  if (!words.ok) throw new ProgramWordRefused(words.problem, words.word);
  const after = {
    checkinAlsoTrainee: change.checkinAlsoTrainee ?? before.checkinAlsoTrainee,
    breaks: breaks.breaks,
    vocabulary: words.words,
    academicYearStart: change.academicYearStart ?? before.academicYearStart,
  };
  const was = { checkinAlsoTrainee: before.checkinAlsoTrainee, breaks: before.breaks, vocabulary: readWords(before.vocabulary), academicYearStart: before.academicYearStart };
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(was[k]));
  if (changed.length === 0) return { program: before, changed: false };
  const pick = (o: typeof after) => Object.fromEntries(changed.map((k) => [k, o[k]]));
  const program = await db.$transaction(async (tx) => {
    const updated = await store.updateProgram(tx, by.workspaceId, before.id, after);
    await audit(tx, by, "program.update", before.id, { before: pick(was), after: pick(after) }, now);
    return updated;
  });
  return { program, changed: true };
}

/** Creates a cohort in a program of this workspace; its name must be new in the program. */
export async function createCohort(ctx: ServiceContext, by: Actor, programId: string, input: CohortInput): Promise<store.CohortRecord> {
  const { db, now } = ctx;
  await getProgram(db, by.workspaceId, programId);
  if (await store.findCohortByName(db, by.workspaceId, programId, input.name)) throw new CohortNameTaken(input.name);
  try {
    return await db.$transaction(async (tx) => {
      const cohort = await store.createCohort(tx, by.workspaceId, programId, {
        name: input.name,
        startsOn: dateOf(input.startsOn),
        endsOn: dateOf(input.endsOn),
      });
      await audit(tx, by, "cohort.create", cohort.id, { programId, ...input }, now);
      return cohort;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CohortNameTaken(input.name);
    throw error;
  }
}
