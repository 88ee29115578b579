import { z } from "zod";
import type { ComposeFields } from "../../../domain/announcement.js";
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

export { composeMetadata, METADATA_MAX, readJson, readPreviewMetadata, writePreviewMetadata, type ComposeMetadata, type PreviewMetadata } from "../metadata.js";
