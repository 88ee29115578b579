import { z } from "zod";
import type { StateValues } from "../../profiles/views/profileForm.js";
import { PRIVATE_NOTE_MAX, REQUEST_MESSAGE_MAX } from "../../../domain/requestRules.js";
import { MENTOR_ROLES } from "../../../domain/vocabulary.js";
import type { RequestInput } from "../requests.js";
import { REQUEST_BLOCKS, VALUE, type RequestMetadata } from "../ids.js";

const el = (values: StateValues, block: string) => values[block]?.[VALUE];
const text = (values: StateValues, block: string) => el(values, block)?.value?.trim() ?? "";

const requestFields = z.object({
  role: z.enum(MENTOR_ROLES.map((r) => r.key) as [string, ...string[]], { error: "Choose the kind of help you want." }),
  message: z.string().max(REQUEST_MESSAGE_MAX, `Keep the message to ${REQUEST_MESSAGE_MAX} characters.`),
  goal: z.string().nullable(),
});

/** The request modal's values, validated: the input, or errors keyed by block id. */
export function readRequestForm(values: StateValues, meta: RequestMetadata): { ok: true; input: RequestInput } | { ok: false; errors: Record<string, string> } {
  const goalIndex = el(values, REQUEST_BLOCKS.goal)?.selected_option?.value;
  const parsed = requestFields.safeParse({
    role: el(values, REQUEST_BLOCKS.role)?.selected_option?.value,
    message: text(values, REQUEST_BLOCKS.message),
    goal: goalIndex !== undefined ? (meta.goals[Number(goalIndex)] ?? null) : null,
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, errors };
  }
  return { ok: true, input: { mentorId: meta.mentorId, programId: meta.programId, ...parsed.data } };
}

/** An optional private note (decline reason, end feedback): trimmed text or null, or an error. */
export function readNote(values: StateValues, block: string): { ok: true; note: string | null } | { ok: false; errors: Record<string, string> } {
  const note = text(values, block);
  if (note.length > PRIVATE_NOTE_MAX) return { ok: false, errors: { [block]: `Keep it to ${PRIVATE_NOTE_MAX} characters.` } };
  return { ok: true, note: note || null };
}
