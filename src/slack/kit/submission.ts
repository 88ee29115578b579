import type { ViewSubmitAction } from "@slack/bolt";
import { submittedState as stateValues, type SubmittedState as StateValues } from "./submittedState.js";

/** Who submitted a modal, and its values checked against the shape Slack sends. */
export function submission(body: ViewSubmitAction): { teamId: string; userId: string; values: StateValues } {
  const parsed = stateValues.safeParse(body.view.state.values);
  return { teamId: body.team?.id ?? body.user.team_id ?? "", userId: body.user.id, values: parsed.success ? parsed.data : {} };
}
