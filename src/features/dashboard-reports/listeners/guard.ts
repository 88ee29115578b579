import { requireDirector, type DirectorActor } from "../../programs/directors.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { tell, type ButtonArgs } from "../../programs/listeners/guard.js";

/**
 * A dashboard button: ack() at once, then, in the work queue, check the presser is a director of
 * this workspace and do the work. A refusal or failure is told to the presser; nothing changes.
 */
export function dashboardButton(deps: ListenerDeps, label: string, work: (by: DirectorActor, args: ButtonArgs, value: string) => Promise<void>) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const { body, client } = args;
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    deps.work.run(
      label,
      async () => {
        const by = await requireDirector(deps.db, deps.directory(client), teamId, body.user.id, deps.now());
        await work(by, args, args.action.value ?? "");
      },
      { fields: { team: teamId, user: body.user.id, action: label }, tell: (text) => tell(args, text) },
    );
  };
}
