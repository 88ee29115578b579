import { z } from "zod";
import type { AnnouncementDraft, ComposeFields } from "../../../domain/announcement.js";
import { ANNOUNCE, VALUE } from "../ids.js";
import { submittedState } from "../../../slack/kit/submittedState.js";

export const formState = submittedState;
export type FormState = z.infer<typeof formState>;

const B = ANNOUNCE.blocks;

/** The compose form's values as Slack sent them (absent blocks read as empty). */
export function readCompose(raw: unknown, fixed: { programId?: string } = {}): ComposeFields {
  const parsed = formState.safeParse(raw ?? {});
  const values = parsed.success ? parsed.data : {};
  const el = (block: string) => values[block]?.[VALUE];
  const options = (el(B.options)?.selected_options ?? []).map((o) => o.value);
  return {
    programId: fixed.programId ?? el(B.program)?.selected_option?.value ?? null,
    cohortIds: (el(B.cohorts)?.selected_options ?? []).map((o) => o.value),
    channelId: el(B.channel)?.selected_conversation ?? null,
    text: el(B.text)?.value ?? "",
    notifyEveryone: options.includes(ANNOUNCE.options.notifyEveryone),
    alsoDm: options.includes(ANNOUNCE.options.alsoDm),
    when: el(B.when)?.selected_option?.value ?? "now",
    date: el(B.date)?.selected_date ?? null,
    time: el(B.time)?.selected_time ?? null,
  };
}

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

export function readJson<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readPreviewMetadata(raw: string | undefined): PreviewMetadata | null {
  const m = readJson(previewMetadata, raw);
  if (!m) return null;
  const { id, posted, postAt, ...rest } = m;
  return { id, posted, draft: { ...rest, postAt: postAt ? new Date(postAt) : null } };
}
