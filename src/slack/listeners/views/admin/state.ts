import { z } from "zod";
import { ADMIN } from "../../../views/admin/ids.js";

/** One input's state in view_submission.view.state.values[block_id][action_id]. */
const inputState = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_conversation: z.string().nullish(),
  selected_channel: z.string().nullish(),
});
const stateSchema = z.record(z.string(), z.record(z.string(), inputState));
type InputState = z.infer<typeof inputState>;

/** The submitted values of a modal, read by block id (every admin input uses the same action id). */
export class ViewState {
  private readonly values: z.infer<typeof stateSchema>;
  constructor(raw: unknown) {
    this.values = stateSchema.parse(raw ?? {});
  }
  private input(blockId: string): InputState | undefined {
    return this.values[blockId]?.[ADMIN.input];
  }
  /** Text or number input; empty text is null. */
  text(blockId: string): string | null {
    const v = this.input(blockId)?.value;
    return v && v.trim() !== "" ? v : null;
  }
  option(blockId: string): string | null {
    return this.input(blockId)?.selected_option?.value ?? null;
  }
  date(blockId: string): string | null {
    return this.input(blockId)?.selected_date ?? null;
  }
  user(blockId: string): string | null {
    return this.input(blockId)?.selected_user ?? null;
  }
  users(blockId: string): string[] {
    return this.input(blockId)?.selected_users ?? [];
  }
  conversation(blockId: string): string | null {
    const i = this.input(blockId);
    return i?.selected_conversation ?? i?.selected_channel ?? null;
  }
}

/** zod issues → Slack's `errors` object (block id → message), the first message per block. */
export function blockErrors(error: z.ZodError, blockOf: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const block = blockOf[String(issue.path[0])];
    const target = block ?? Object.values(blockOf)[0]!;
    if (!errors[target]) errors[target] = issue.message;
  }
  return errors;
}
