import type { ViewSubmitAction } from "@slack/bolt";
import { submittedState, type SubmittedState } from "./submittedState.js";

/** A modal's submitted values, checked against the shape Slack sends (none when they are not that shape). */
export function submittedValues(body: ViewSubmitAction): SubmittedState {
  const parsed = submittedState.safeParse(body.view.state.values);
  return parsed.success ? parsed.data : {};
}
