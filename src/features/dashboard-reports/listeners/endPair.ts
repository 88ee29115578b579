import { endPairAsDirector } from "../dashboard.js";
import { dashboardMessages } from "../views/messages.js";
import { who } from "../views/dashboard.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { tell } from "../../programs/listeners/guard.js";
import { dashboardButton } from "./guard.js";

/** "End match" (Slack asked the director to confirm first): ends the mentorship, tells both, refreshes the Homes. */
export const endPairClicked = (deps: ListenerDeps) =>
  dashboardButton(deps, "dashboard end match", async (by, args, matchId) => {
    const pair = await endPairAsDirector(deps.db, by, matchId, deps.now(), dashboardMessages);
    deps.kickOutbox();
    await tell(args, `I ended the mentorship of ${who(pair.trainee)} with ${who(pair.mentor)} and told them both.`);
    const people = [by.actor, ...[pair.trainee, pair.mentor].filter((p) => !p.erased).map((p) => p.slackUserId)];
    await refreshHomeQuietly(deps, args.client, by.workspaceId, by.actor);
    await refreshHomesSoon(deps, by.workspaceId, people.slice(1));
  });
