import { memberStanding } from "../../profiles/members.js";
import { mentoringHelp } from "../views/help.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { Asker } from "../../profiles/listeners/context.js";
import { openExclusions, openPause, openPrivacy, openProfile, pauseUntilDate, resumeNow } from "../../profiles/listeners/open.js";
import { answering } from "../../profiles/listeners/context.js";
import { openGoals } from "../../goals-meetings/listeners/goals/open.js";
import { openLog } from "../../goals-meetings/listeners/meetings/openLog.js";
import { thanksCommand } from "../../thanks/listeners/command.js";
import { ackFirst } from "../../../slack/ackFirst.js";

/** `/mentoring [profile | pause [YYYY-MM-DD] | resume | exclusions | privacy | help]`; anything else shows the help. */
export function mentoringCommand(deps: ListenerDeps) {
  return ackFirst(deps, async ({ command, respond, client }) => {
    const [sub = "", arg] = command.text.trim().split(/\s+/);
    const a: Asker = {
      deps,
      client,
      teamId: command.team_id,
      userId: command.user_id,
      triggerId: command.trigger_id,
      reply: async (m) => void (await respond({ response_type: "ephemeral", ...m })),
    };
    const asking = { deps, client, userId: command.user_id, ctx: { db: deps.db, now: deps.now(), directory: deps.directory(client), workspaceId: command.team_id } };
    switch (sub.toLowerCase()) {
      case "profile":
        return openProfile(a);
      case "pause":
        return arg ? pauseUntilDate(a, arg) : openPause(a);
      case "resume":
        return resumeNow(a);
      case "exclusions":
        return openExclusions(a);
      case "privacy":
        return openPrivacy(a);
      case "goals":
        return answering(a, () => openGoals(asking, command.trigger_id));
      case "log":
        return answering(a, () => openLog(asking, command.trigger_id, a.reply));
      case "thanks":
        return answering(a, () => thanksCommand(asking, command.trigger_id, a.reply, command.text));
    }
    const standing = await memberStanding(deps.db, deps.directory(client), command.team_id, command.user_id, deps.now());
    await respond({ response_type: "ephemeral", ...mentoringHelp(standing) });
  });
}
