import { findMentors } from "../findMentor.js";
import { findMentorReply, profileFirstMessage } from "../views/cards.js";
import { openProfile } from "../../profiles/listeners/open.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { ackFirst } from "../../../slack/ackFirst.js";

/** `/findmentor [keywords]`: the first page of ranked mentor cards, or the profile modal when there is no profile yet. */
export function findmentorCommand(deps: ListenerDeps) {
  return ackFirst(deps, async ({ command, respond, client }) => {
    const input = { keywords: command.text ?? "", page: 0 };
    const result = await findMentors(deps.db, deps.directory(client), command.team_id, command.user_id, input, deps.now(), deps.searchMentors);
    if (result.kind !== "no_profile") return void (await respond({ response_type: "ephemeral", ...findMentorReply(result) }));
    const reply = async (m: { text: string; blocks: unknown[] }) => void (await respond({ response_type: "ephemeral", ...m }));
    await openProfile({ deps, client, teamId: command.team_id, userId: command.user_id, triggerId: command.trigger_id, reply });
    await reply(profileFirstMessage());
  });
}
