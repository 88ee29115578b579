import type { Db, Tx } from "./database.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { CadenceKey } from "../domain/program.js";
import { readBreaks, type ProgramBreak } from "../domain/programBreaks.js";
import type { VocabularyExtension } from "../domain/vocabulary.js";

export interface ProgramRecord {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  checkinCadence: CadenceKey;
  announcementChannel: string | null;
  timezone: string;
  defaultCapacity: number;
  vocabulary: unknown;
  /** Check-ins ask the trainee as well as the mentor. */
  checkinAlsoTrainee: boolean;
  /** Days with no check-ins, in date order (program time zone). */
  breaks: ProgramBreak[];
  /** First day of the academic year, "MM-DD" (domain/academicYear.ts). */
  academicYearStart: string;
}

export interface ProgramFields {
  name: string;
  description: string;
  checkinCadence: CadenceKey;
  announcementChannel: string | null;
  timezone: string;
  defaultCapacity: number;
  checkinAlsoTrainee: boolean;
  breaks: ProgramBreak[];
  /** First day of the academic year, "MM-DD"; left out: unchanged (a new program starts on July 1). */
  academicYearStart?: string;
  /** The program's own words (domain/programWords.ts); only the CLI's program settings sets them. */
  vocabulary?: VocabularyExtension;
}

export interface CohortRecord {
  id: string;
  programId: string;
  name: string;
  startsOn: Date | null;
  endsOn: Date | null;
}

const programSelect = {
  id: true,
  workspaceId: true,
  name: true,
  description: true,
  checkinCadence: true,
  announcementChannel: true,
  timezone: true,
  defaultCapacity: true,
  vocabulary: true,
  checkinAlsoTrainee: true,
  breaks: true,
  academicYearStart: true,
} as const;

/** The fields as Prisma writes them (breaks are JSON). */
const columns = <F extends Partial<ProgramFields>>({ breaks, vocabulary, ...rest }: F) => ({
  ...rest,
  ...(breaks ? { breaks: breaks as Prisma.InputJsonValue } : {}),
  ...(vocabulary ? { vocabulary: vocabulary as Prisma.InputJsonValue } : {}),
});

type ProgramRow = Omit<ProgramRecord, "breaks"> & { breaks: unknown };
const record = ({ breaks, ...row }: ProgramRow): ProgramRecord => ({ ...row, breaks: readBreaks(breaks) });
const one = (row: ProgramRow | null): ProgramRecord | null => (row ? record(row) : null);

export async function listPrograms(db: Db | Tx, workspaceId: string): Promise<ProgramRecord[]> {
  return (await db.program.findMany({ where: { workspaceId }, select: programSelect, orderBy: { name: "asc" } })).map(record);
}

export async function findProgram(db: Db | Tx, workspaceId: string, programId: string): Promise<ProgramRecord | null> {
  return one(await db.program.findFirst({ where: { workspaceId, id: programId }, select: programSelect }));
}

export async function findProgramByName(db: Db | Tx, workspaceId: string, name: string): Promise<ProgramRecord | null> {
  return one(await db.program.findUnique({ where: { workspaceId_name: { workspaceId, name } }, select: programSelect }));
}

export async function createProgram(db: Db | Tx, workspaceId: string, fields: ProgramFields): Promise<ProgramRecord> {
  return record(await db.program.create({ data: { workspaceId, ...columns(fields) }, select: programSelect }));
}

export async function updateProgram(db: Db | Tx, workspaceId: string, programId: string, fields: Partial<ProgramFields>): Promise<ProgramRecord> {
  const { count } = await db.program.updateMany({ where: { workspaceId, id: programId }, data: columns(fields) });
  if (count !== 1) throw new Error(`program ${programId} is not in workspace ${workspaceId}`);
  return (await findProgram(db, workspaceId, programId))!;
}

export async function listCohorts(db: Db | Tx, workspaceId: string, programId: string): Promise<CohortRecord[]> {
  return db.cohort.findMany({
    where: { workspaceId, programId },
    select: { id: true, programId: true, name: true, startsOn: true, endsOn: true },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
  });
}

export async function findCohortByName(db: Db | Tx, workspaceId: string, programId: string, name: string): Promise<CohortRecord | null> {
  return db.cohort.findFirst({
    where: { workspaceId, programId, name },
    select: { id: true, programId: true, name: true, startsOn: true, endsOn: true },
  });
}

export async function findCohort(db: Db | Tx, workspaceId: string, cohortId: string): Promise<CohortRecord | null> {
  return db.cohort.findFirst({
    where: { workspaceId, id: cohortId },
    select: { id: true, programId: true, name: true, startsOn: true, endsOn: true },
  });
}

export async function createCohort(
  db: Db | Tx,
  workspaceId: string,
  programId: string,
  fields: { name: string; startsOn: Date | null; endsOn: Date | null },
): Promise<CohortRecord> {
  return db.cohort.create({
    data: { workspaceId, programId, ...fields },
    select: { id: true, programId: true, name: true, startsOn: true, endsOn: true },
  });
}

