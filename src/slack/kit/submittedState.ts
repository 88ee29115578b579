import { z } from "zod";

/**
 * What Slack sends for one input in view_submission.view.state.values[block_id][action_id]: the
 * field that holds the value depends on the element type. Every modal reads its inputs through this.
 */
export const elementState = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_conversation: z.string().nullish(),
  selected_channel: z.string().nullish(),
});
export type ElementState = z.infer<typeof elementState>;

/** A modal's submitted values, by block id and then action id. */
export const submittedState = z.record(z.string(), z.record(z.string(), elementState));
export type SubmittedState = z.infer<typeof submittedState>;
