import { memberStanding } from "../../../services/members.js";
import { findMentorHelp } from "../../views/help.js";
import type { ListenerDeps } from "../deps.js";
import { ackFirst } from "./ackFirst.js";

export function findmentorCommand(deps: ListenerDeps) {
  return ackFirst(deps, async ({ command, respond, client }) => {
    const standing = await memberStanding(deps.db, deps.directory(client), command.team_id, command.user_id, deps.now());
    await respond({ response_type: "ephemeral", ...findMentorHelp(standing) });
  });
}
