import { jsonValue } from "../../slack/interaction/ids.js";
import { z } from "zod";
import type { AnnouncementDraft } from "../../domain/announcement.js";

/** What a compose modal carries: the announcement being edited (if any) and whether it is already posted. */
export const composeMetadata = z.object({ id: z.string().nullable(), posted: z.boolean() });
export type ComposeMetadata = z.infer<typeof composeMetadata>;

/** What the preview carries to its Post button: the validated draft (and the announcement edited, if any). */
const previewMetadata = z.object({
  id: z.string().nullable(),
  posted: z.boolean(),
  programId: z.string(),
  cohortIds: z.array(z.string()),
  channelId: z.string(),
  text: z.string(),
  notifyEveryone: z.boolean(),
  alsoDm: z.boolean(),
  postAt: z.string().nullable(),
});
export type PreviewMetadata = { id: string | null; posted: boolean; draft: AnnouncementDraft };

/** Slack's limit on private_metadata. */
export const METADATA_MAX = 3000;

export function writePreviewMetadata(m: PreviewMetadata): string {
  return JSON.stringify({ id: m.id, posted: m.posted, ...m.draft, postAt: m.draft.postAt?.toISOString() ?? null });
}

/** `raw` read as JSON through `schema`, or null when it is not that (the codec every id's value uses). */
export function readJson<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  return jsonValue(schema).decode(raw ?? "")?.value ?? null;
}

export function readPreviewMetadata(raw: string | undefined): PreviewMetadata | null {
  const m = readJson(previewMetadata, raw);
  if (!m) return null;
  const { id, posted, postAt, ...rest } = m;
  return { id, posted, draft: { ...rest, postAt: postAt ? new Date(postAt) : null } };
}
