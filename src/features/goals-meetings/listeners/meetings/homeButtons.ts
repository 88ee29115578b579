import { agendaMatch } from "../../meetings.js";
import { agendaModal } from "../../views/meetings/agendaPrompt.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { answering, buttonValue, teamOf, type ActionArgs } from "../../../requests/listeners/context.js";
import { openMeetingModal } from "./openMeetingModal.js";

/** "Log a meeting" on an App Home match card (value = match id). */
export function logMeetingAction(deps: ListenerDeps) {
  return async ({ ack, body, client }: ActionArgs) => {
    await ack();
    await openMeetingModal(deps, client, { teamId: teamOf(body), userId: body.user.id, triggerId: body.trigger_id, matchId: buttonValue(body) });
  };
}

/** "Set agenda" on the agenda-prompt DM or the App Home (value = match id): the agenda modal, prefilled. */
export function setAgendaAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    await answering(deps, args, async () => {
      const match = await agendaMatch(deps.db, deps.directory(client), teamOf(body), body.user.id, buttonValue(body), deps.now());
      await client.views.open({ trigger_id: body.trigger_id, view: agendaModal(match, match.trainee.slackUserId === body.user.id) });
    });
  };
}
