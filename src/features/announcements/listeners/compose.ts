import type { WebClient } from "@slack/web-api";
import { programOverviews } from "../../programs/programs.js";
import { announcementFor, type AnnouncementRecord } from "../announcements.js";
import { postAtFields } from "../../../domain/announcement.js";
import { blankCompose, composeInitialOf, composeModal, type ComposeProgram } from "../views/composeModal.js";
import type { ServiceContext } from "../../context.js";

type Db = ServiceContext["db"];

/** The director's programs, with their cohorts, as the compose form offers them. */
export async function composePrograms(db: Db, workspaceId: string): Promise<ComposeProgram[]> {
  return (await programOverviews(db, workspaceId)).map((p) => ({
    id: p.id,
    name: p.name,
    timezone: p.timezone,
    announcementChannel: p.announcementChannel,
    cohorts: p.cohorts.map((c) => ({ id: c.id, name: c.name })),
  }));
}

/** Opens a new announcement's form (for `programId`, else the first program) with `show`; false when there is no program yet. */
export async function openCompose(db: Db, workspaceId: string, show: (view: ReturnType<typeof composeModal>) => Promise<void>, programId: string | null): Promise<boolean> {
  const programs = await composePrograms(db, workspaceId);
  const program = programs.find((p) => p.id === programId) ?? programs[0];
  if (!program) return false;
  await show(composeModal(programs, blankCompose(program), { id: null, posted: false }));
  return true;
}

/** The form of a saved announcement, filled in. */
export function editForm(programs: ComposeProgram[], a: AnnouncementRecord, posted: boolean) {
  const initial = composeInitialOf(a, posted ? null : postAtFields(a.postAt, a.timezone));
  return composeModal(programs, initial, { id: a.id, posted });
}

/** Opens the form to edit a saved announcement (scheduled: everything; posted: the words). */
export async function openEdit(db: Db, client: WebClient, workspaceId: string, triggerId: string, id: string): Promise<void> {
  const { announcement, state } = await announcementFor(db, workspaceId, id);
  const programs = await composePrograms(db, workspaceId);
  await client.views.open({ trigger_id: triggerId, view: editForm(programs, announcement, state === "posted") });
}
