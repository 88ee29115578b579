import type { WebClient } from "@slack/web-api";
import { botName, FALLBACK_BOT_NAME } from "../../../slack/botName.js";
import type { DirectorActor } from "../../programs/directors.js";
import { announcementFor, audienceSize } from "../announcements.js";
import { validateCompose, type ComposeField, type ComposeFields } from "../../../domain/announcement.js";
import { canPostWithoutInvite } from "../../../slack/channelAccess.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { METADATA_MAX, readCompose, writePreviewMetadata, type ComposeMetadata, type PreviewMetadata } from "../views/form.js";
import { ANNOUNCE } from "../ids.js";
import { previewModal } from "../views/previewModal.js";
import { composePrograms } from "./compose.js";
import type { Interaction } from "../../../slack/interaction/pipeline.js";

const BLOCK_OF: Record<ComposeField, string> = {
  programId: ANNOUNCE.blocks.program,
  cohortIds: ANNOUNCE.blocks.cohorts,
  channelId: ANNOUNCE.blocks.channel,
  text: ANNOUNCE.blocks.text,
  when: ANNOUNCE.blocks.when,
  date: ANNOUNCE.blocks.date,
  time: ANNOUNCE.blocks.time,
};

async function inviteNeeded(client: WebClient, channel: string): Promise<boolean> {
  try {
    return !(await canPostWithoutInvite(client, channel));
  } catch {
    return false; // the preview only warns; delivery handles it for certain
  }
}

type PreviewView = ReturnType<typeof previewModal>;

/**
 * What Preview shows: inline errors; the preview at once; or — when it needs Slack (is Rounds in
 * the channel?) and a count of the audience — a "preparing" modal at once, replaced by `finish`'s preview.
 */
export type PreviewOutcome =
  | { errors: Record<string, string> }
  | { view: PreviewView }
  | { preparing: ReturnType<typeof doneModal>; finish: () => Promise<PreviewView> };

/**
 * The compose form's values → inline errors (block id → words), or the preview modal. A posted
 * announcement keeps its program, cohorts, channel and DM choice; only its words and notify flag change.
 */
export async function previewFor(i: Pick<Interaction, "ctx" | "client">, by: DirectorActor, meta: ComposeMetadata, values: unknown): Promise<PreviewOutcome> {
  const { db, now } = i.ctx;
  const programs = await composePrograms(db, by.workspaceId);
  const existing = meta.id ? (await announcementFor(db, by.workspaceId, meta.id)).announcement : null;
  const fields: ComposeFields =
    existing && meta.posted
      ? { ...readCompose(values, { programId: existing.programId }), cohortIds: existing.cohortIds, channelId: existing.channelId, alsoDm: existing.alsoDm, when: "now", date: null, time: null }
      : readCompose(values);
  const program = programs.find((p) => p.id === fields.programId);
  const checked = validateCompose(fields, {
    defaultChannel: program?.announcementChannel ?? null,
    timezone: program?.timezone ?? "UTC",
    cohortIds: meta.posted ? fields.cohortIds : (program?.cohorts.map((c) => c.id) ?? []),
    now,
  });
  if (!checked.ok) return { errors: Object.fromEntries(Object.entries(checked.errors).map(([f, m]) => [BLOCK_OF[f as ComposeField], m])) };
  const preview: PreviewMetadata = { id: meta.id, posted: meta.posted, draft: checked.draft };
  if (writePreviewMetadata(preview).length > METADATA_MAX) {
    return { errors: { [ANNOUNCE.blocks.text]: "This message is a little too long for Slack's form (line breaks and quotes count extra). Shorten it a little." } };
  }
  const d = checked.draft;
  const view = (audience: number, invite: boolean, name: string) =>
    previewModal(preview, {
      programName: program!.name,
      timezone: program!.timezone,
      cohortNames: program!.cohorts.filter((c) => d.cohortIds.includes(c.id)).map((c) => c.name),
      audience,
      createdById: existing?.createdById ?? by.actor,
      inviteNeeded: invite,
      botName: name,
    });
  // A posted one only changes its words: no channel to check, no DMs to count.
  if (meta.posted) return { view: view(0, false, FALLBACK_BOT_NAME) };
  return {
    preparing: doneModal("Preview", "Preparing the preview…"),
    finish: async () => {
      const audience = d.alsoDm ? await audienceSize(db, by.workspaceId, d.programId, d.cohortIds) : 0;
      const invite = await inviteNeeded(i.client, d.channelId);
      return view(audience, invite, invite ? await botName(i.client, by.workspaceId) : FALLBACK_BOT_NAME);
    },
  };
}
