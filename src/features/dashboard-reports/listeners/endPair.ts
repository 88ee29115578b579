import { endPairAsDirector } from "../dashboard.js";
import { MatchNotFound } from "../../../domain/errors.js";
import { dashboardMessages } from "../views/messages.js";
import { who } from "../views/dashboard.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { DASHBOARD } from "../ids.js";

/** "End match" (Slack asked the director to confirm first): ends the mentorship, tells both, refreshes the Homes. */
export function endPairButton(on: Interactions): void {
  on.button(
    { action: DASHBOARD.end, who: "director", when: "queued", errors: whereClicked, label: "dashboard end match", invalid: (raw) => new MatchNotFound(raw) },
    async (i) => {
      const { by } = i;
      const pair = await endPairAsDirector({ ...i.ctx, messages: dashboardMessages }, by, i.value);
      i.deps.kickOutbox();
      await i.tell(`I ended the mentorship of ${who(pair.trainee)} with ${who(pair.mentor)} and told them both.`);
      const people = [by.actor, ...[pair.trainee, pair.mentor].filter((p) => !p.erased).map((p) => p.slackUserId)];
      await refreshHomeQuietly(i.deps, i.client, by.workspaceId, by.actor);
      await refreshHomesSoon(i.deps, by.workspaceId, people.slice(1));
    },
  );
}
