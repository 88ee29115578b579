import type { ListenerDeps } from "../../../slack/deps.js";
import { tell } from "../../programs/listeners/guard.js";
import { teamOf, type ActionArgs } from "../../requests/listeners/context.js";

export { buttonValue, messageRef, teamOf, type ActionArgs } from "../../requests/listeners/context.js";

/**
 * A check-in button: ack() at once, then the work in the work queue; a failure (not your
 * check-in, match ended, …) is told to the clicker only — an ephemeral message under the message they
 * clicked, which stays as it was (a DM when there is no message to answer under).
 */
export function afterAck(deps: ListenerDeps, label: string, work: (args: ActionArgs) => Promise<void>) {
  return async (args: ActionArgs) => {
    await args.ack();
    deps.work.run(
      label,
      () => work(args),
      {
        fields: { team: teamOf(args.body), user: args.body.user.id, action: args.body.actions[0]?.action_id },
        tell: (text) => tell(args, text),
      },
    );
  };
}
