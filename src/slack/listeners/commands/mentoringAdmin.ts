import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { memberStanding } from "../../../services/members.js";
import { adminHelp } from "../../views/help.js";
import type { ListenerDeps } from "../deps.js";

export function mentoringAdminCommand(deps: ListenerDeps) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const standing = await memberStanding(deps.db, deps.directory(client), command.team_id, command.user_id, deps.now());
    await respond({ response_type: "ephemeral", ...adminHelp(standing) });
  };
}
