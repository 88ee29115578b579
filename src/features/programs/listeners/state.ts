import { z } from "zod";
import { ADMIN } from "../ids.js";
import { submittedState, type ElementState } from "../../../slack/kit/submittedState.js";

const stateSchema = submittedState;
type InputState = ElementState;

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
