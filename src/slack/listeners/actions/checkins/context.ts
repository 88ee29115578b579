import { errorText } from "../../../errorText.js";
import { note } from "../../../views/requests/messages.js";
import type { ListenerDeps } from "../../deps.js";
import type { ActionArgs } from "../requests/context.js";

export { buttonValue, messageRef, teamOf, type ActionArgs } from "../requests/context.js";

/**
 * A check-in button: ack() at once, then the work in the work queue; a failure (not your
 * check-in, match ended, …) is told to the clicker only, as an ephemeral message, and the message
 * they clicked stays as it was.
 */
export function afterAck(deps: ListenerDeps, label: string, work: (args: ActionArgs) => Promise<void>) {
  return async (args: ActionArgs) => {
    await args.ack();
    deps.work.run(
      label,
      () => work(args),
      async (error) => {
        await args.respond({ response_type: "ephemeral", replace_original: false, ...note(errorText(error)) });
      },
    );
  };
}
