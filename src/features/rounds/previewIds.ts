import { z } from "zod";
import type { ValueCodec } from "../../slack/interaction/ids.js";
import { action, idValue, idsOf, joinedValue, jsonValue, view } from "../../slack/interaction/ids.js";

/** A digit string is the version; anything else (never written by Rounds) matches no version. */
const version = z.string().transform((v) => (/^\d+$/.test(v) ? Number(v) : 0));
const runVersion = joinedValue(":", { runId: z.string().min(1), version });

/**
 * Approve carries "run id:proposal version" (RoundLabel.version), so only what was shown is approved.
 * A preview sent before versions were carried has only the run id: version 0, which never matches,
 * so that director is shown the current proposal.
 */
export const approveValue: ValueCodec<{ runId: string; version: number }> = {
  encode: runVersion.encode,
  decode: (raw) => runVersion.decode(raw) ?? (raw && !raw.includes(":") ? { value: { runId: raw, version: 0 } } : null),
};

/** What the swap and drop modals carry from open to submit: the run and the preview message to update. */
export const previewMetadata = z.object({ runId: z.string().min(1), channel: z.string().min(1), ts: z.string().min(1) });
export type PreviewMetadata = z.infer<typeof previewMetadata>;

/** The buttons on a pairing round's preview message (the director's); value = run id, Approve's above. */
export const PREVIEW = {
  swap: action("round_preview_swap", idValue),
  drop: action("round_preview_drop", idValue),
  rerun: action("round_preview_rerun", idValue),
  approve: action("round_preview_approve", approveValue),
  discard: action("round_preview_discard", idValue),
} as const;

/** The preview's Swap and Drop modals, with their metadata. */
export const PREVIEW_FORMS = {
  swap: view("round_preview_swap_submit", jsonValue(previewMetadata)),
  drop: view("round_preview_drop_submit", jsonValue(previewMetadata)),
} as const;

/** Block Kit ids of a pairing round's preview (the director's message and its modals). */
export const PREVIEW_ACTIONS = idsOf(PREVIEW);
export const PREVIEW_CALLBACKS = idsOf(PREVIEW_FORMS);

/** Block ids of the modal fields; every input uses action id VALUE. */
export const PREVIEW_BLOCKS = { pair: "pair", otherPair: "other_pair", mentor: "mentor", target: "target" } as const;
export const PREVIEW_VALUE = "value";
