import { nudgePair } from "../dashboard.js";
import { MatchNotFound } from "../../../domain/errors.js";
import { dashboardMessages } from "../views/messages.js";
import { who } from "../views/dashboard.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { DASHBOARD } from "../ids.js";

/** "Nudge both" on a pair at risk: one friendly DM to each, once per check-in period. */
export function nudgeButton(on: Interactions): void {
  on.button(
    { action: DASHBOARD.nudge, who: "director", when: "queued", errors: whereClicked, label: "dashboard nudge", invalid: (raw) => new MatchNotFound(raw) },
    async (i) => {
      const { outcome, pair } = await nudgePair({ ...i.ctx, messages: dashboardMessages }, i.by, i.value);
      i.deps.kickOutbox();
      const names = `${who(pair.trainee)} and ${who(pair.mentor)}`;
      await i.tell(outcome === "sent" ? `I nudged ${names} with a friendly DM each.` : `${names} were already nudged this check-in period, so I sent nothing new.`);
    },
  );
}
