import { listGrantedDirectors, requireDirector } from "../directors.js";
import { listCohorts, programOverviews } from "../programs.js";
import { NotADirector } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { adminMenu, noProgramYet } from "../views/menu.js";
import { plainMessage } from "../../../slack/kit/message.js";
import { programModal } from "../views/programModal.js";
import { peopleModal } from "../views/peopleModal.js";
import { directorsModal } from "../views/directorsModal.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { dashboardCommand } from "../../dashboard-reports/listeners/command.js";
import { appreciationAdminCommand } from "../../announcements/listeners/command.js";
import { roundsAdminCommand } from "../../rounds/listeners/command.js";
import { surveysAdminCommand } from "../../surveys/listeners/command.js";
import { closeYearCommand } from "../../year/listeners/close.js";
import { roundTablesAdminCommand } from "../../roundtables/listeners/admin.js";

/**
 * /mentoring-admin: the director's menu; `program`, `people`, `directors` open those modals directly.
 * Anyone else gets a polite refusal and nothing changes. (Declared for "anyone": the refusal is the
 * command's own, naming /mentoring-admin, rather than the pipeline's.)
 */
export function mentoringAdminCommand(on: Interactions): void {
  on.command({ command: "/mentoring-admin", who: "anyone" }, async (i) => {
    const { client, deps, teamId, userId } = i;
    const { respond, command } = i.args;
    const triggerId = command.trigger_id;
    const sub = i.text.toLowerCase().split(/\s+/)[0] ?? "";
    let by;
    try {
      by = await requireDirector(i.ctx.db, i.ctx.directory, teamId, userId, i.ctx.now);
    } catch (error) {
      if (!(error instanceof NotADirector)) throw error;
      i.logger.info({ err: error }, "refused: not a director");
      await respond({ response_type: "ephemeral", ...plainMessage(errorText(error)), text: "Only program directors can use /mentoring-admin." });
      return;
    }
    // The forms that need no list of programs open before it is read (Slack takes a trigger for 3 s).
    if (sub === "program") return void (await client.views.open({ trigger_id: triggerId, view: programModal(null, { timezone: by.tz }) }));
    if (sub === "directors") return void (await client.views.open({ trigger_id: triggerId, view: directorsModal(await listGrantedDirectors(i.ctx.db, teamId)) }));
    const programs = await programOverviews(i.ctx.db, by.workspaceId);
    if (sub === "people" && programs.length === 1) {
      const program = programs[0]!;
      await client.views.open({ trigger_id: triggerId, view: peopleModal(program, await listCohorts(i.ctx.db, teamId, program.id)) });
    } else if (sub === "chart" || sub === "report") {
      await respond({ response_type: "ephemeral", text: await dashboardCommand(deps, client, by, sub, i.text.slice(sub.length)) }); // dashboard: chart PNG / CSV reports to the director's DM
    } else if (sub === "announce" || sub === "announcements" || sub === "thanks") {
      const reply = await appreciationAdminCommand(deps, client, by, sub, triggerId); // announcements (compose, list) and thank-you counts
      if (reply) await respond({ response_type: "ephemeral", ...reply });
    } else if (sub === "round" || sub === "rounds") {
      const reply = await roundsAdminCommand(i.ctx, client, by, sub, triggerId, programs); // pairing rounds: set-up modal, list with cancel
      if (reply) await respond({ response_type: "ephemeral", ...reply });
    } else if (sub === "surveys" || sub === "survey") {
      const reply = await surveysAdminCommand(deps, client, by, i.text, triggerId); // evaluation surveys: settings modal, results to the DM
      if (reply) await respond({ response_type: "ephemeral", text: reply });
    } else if (sub === "close-year") {
      await respond({ response_type: "ephemeral", ...(await closeYearCommand(i.ctx, by, programs, i.text.slice(sub.length))) }); // the year's close: preview, then Approve
    } else if (sub === "roundtables") {
      const reply = await roundTablesAdminCommand(i.ctx, client, by, i.text, triggerId); // career round tables: set-up modal, or `list`
      if (reply) await respond({ response_type: "ephemeral", ...reply });
    } else if (sub === "people" && programs.length === 0) {
      await respond({ response_type: "ephemeral", ...noProgramYet("add people to") });
    } else {
      await respond({ response_type: "ephemeral", ...adminMenu(programs) });
    }
  });
}
