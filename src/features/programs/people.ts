import type { Db } from "../../store/database.js";
import { findCohort } from "../../store/programs.js";
import { upsertEnrollment, type UpsertOutcome } from "../../store/enrollments.js";
import { CohortNotFound } from "../../domain/errors.js";
import type { Role } from "../../domain/roles.js";
import { audit, type Actor } from "./audit.js";
import { ensureMember } from "../profiles/members.js";
import { getProgram } from "./programs.js";
import type { WithDirectory } from "../context.js";

export interface AddPeople {
  programId: string;
  slackUserIds: string[];
  role: Role;
  /** A cohort of the program, or null for none (an existing person keeps their cohort). */
  cohortId: string | null;
}

export type AddPeopleResult = Record<UpsertOutcome, string[]>;

/**
 * Enrolls Slack users in a program with a role. Someone already enrolled with that role is updated
 * (moved to the chosen cohort), never enrolled twice.
 */
/** The quick checks of an add-people request (program and cohort belong to this workspace). */
export async function checkAddPeople(db: Db, by: Actor, input: Pick<AddPeople, "programId" | "cohortId">): Promise<void> {
  await getProgram(db, by.workspaceId, input.programId);
  if (input.cohortId) {
    const cohort = await findCohort(db, by.workspaceId, input.cohortId);
    if (!cohort || cohort.programId !== input.programId) throw new CohortNotFound(input.cohortId);
  }
}

export async function addPeople(ctx: WithDirectory, by: Actor, input: AddPeople): Promise<AddPeopleResult> {
  const { db, directory, now } = ctx;
  await checkAddPeople(db, by, input);
  const result: AddPeopleResult = { created: [], updated: [], unchanged: [] };
  for (const slackUserId of [...new Set(input.slackUserIds)]) {
    const member = await ensureMember(db, directory, by.workspaceId, slackUserId, now);
    const outcome = await db.$transaction(async (tx) => {
      const { id, outcome } = await upsertEnrollment(tx, by.workspaceId, {
        programId: input.programId,
        memberId: member.id,
        role: input.role,
        cohortId: input.cohortId ?? undefined,
      });
      if (outcome !== "unchanged") {
        await audit(tx, by, outcome === "created" ? "enrollment.create" : "enrollment.update", id, {
          programId: input.programId,
          slackUserId,
          role: input.role,
          cohortId: input.cohortId,
        }, now);
      }
      return outcome;
    });
    result[outcome].push(slackUserId);
  }
  return result;
}
