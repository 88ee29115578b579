import { nudgePair } from "../dashboard.js";
import { dashboardMessages } from "../views/messages.js";
import { who } from "../views/dashboard.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { tell } from "../../programs/listeners/guard.js";
import { dashboardButton } from "./guard.js";

/** "Nudge both" on a pair at risk: one friendly DM to each, once per check-in period. */
export const nudgeClicked = (deps: ListenerDeps) =>
  dashboardButton(deps, "dashboard nudge", async (by, args, matchId) => {
    const { outcome, pair } = await nudgePair(deps.db, by, matchId, deps.now(), dashboardMessages);
    deps.kickOutbox();
    const names = `${who(pair.trainee)} and ${who(pair.mentor)}`;
    await tell(args, outcome === "sent" ? `I nudged ${names} with a friendly DM each.` : `${names} were already nudged this check-in period, so I sent nothing new.`);
  });
