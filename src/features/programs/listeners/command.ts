import { listGrantedDirectors, requireDirector } from "../directors.js";
import { listCohorts, programOverviews } from "../programs.js";
import { NotADirector } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { adminMenu, noProgramYet } from "../views/menu.js";
import { plainMessage } from "../../../slack/kit/message.js";
import { programModal } from "../views/programModal.js";
import { peopleModal } from "../views/peopleModal.js";
import { directorsModal } from "../views/directorsModal.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { ackFirst } from "../../../slack/ackFirst.js";
import { dashboardCommand } from "../../dashboard-reports/listeners/command.js";
import { appreciationAdminCommand } from "../../announcements/listeners/command.js";
import { roundsAdminCommand } from "../../rounds/listeners/command.js";

/**
 * /mentoring-admin: the director's menu; `program`, `people`, `directors` open those modals directly.
 * Anyone else gets a polite refusal and nothing changes.
 */
export function mentoringAdminCommand(deps: ListenerDeps) {
  return ackFirst(deps, async ({ command, respond, client }) => {
    const { team_id: teamId, user_id: userId, trigger_id: triggerId } = command;
    const sub = command.text.trim().toLowerCase().split(/\s+/)[0] ?? "";
    try {
      const by = await requireDirector(deps.db, deps.directory(client), teamId, userId, deps.now());
      const programs = await programOverviews(deps.db, by.workspaceId);
      if (sub === "program") {
        await client.views.open({ trigger_id: triggerId, view: programModal(null, { timezone: by.tz }) });
      } else if (sub === "directors") {
        await client.views.open({ trigger_id: triggerId, view: directorsModal(await listGrantedDirectors(deps.db, teamId)) });
      } else if (sub === "people" && programs.length === 1) {
        const program = programs[0]!;
        await client.views.open({ trigger_id: triggerId, view: peopleModal(program, await listCohorts(deps.db, teamId, program.id)) });
      } else if (sub === "chart" || sub === "report") {
        await respond({ response_type: "ephemeral", text: await dashboardCommand(deps, client, by, sub, command.text.trim().slice(sub.length)) }); // dashboard: chart PNG / CSV reports to the director's DM
      } else if (sub === "announce" || sub === "announcements" || sub === "thanks") {
        const reply = await appreciationAdminCommand(deps, client, by, sub, triggerId); // announcements (compose, list) and thank-you counts
        if (reply) await respond({ response_type: "ephemeral", ...reply });
      } else if (sub === "round" || sub === "rounds") {
        const reply = await roundsAdminCommand(deps, client, by, sub, triggerId, programs); // pairing rounds: set-up modal, list with cancel
        if (reply) await respond({ response_type: "ephemeral", ...reply });
      } else if (sub === "people" && programs.length === 0) {
        await respond({ response_type: "ephemeral", ...noProgramYet("add people to") });
      } else {
        await respond({ response_type: "ephemeral", ...adminMenu(programs) });
      }
    } catch (error) {
      if (!(error instanceof NotADirector)) throw error;
      await respond({ response_type: "ephemeral", ...plainMessage(errorText(error)), text: "Only program directors can use /mentoring-admin." });
    }
  });
}
