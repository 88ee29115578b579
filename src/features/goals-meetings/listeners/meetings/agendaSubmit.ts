import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { setMatchAgenda } from "../../meetings.js";
import { DomainError } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { readAgenda } from "../../views/meetings/form.js";
import { MEETING_BLOCKS } from "../../meetingIds.js";
import { agendaMessages } from "../../views/meetings/agendaPrompt.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import { submission } from "../../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

/** The agenda modal's Save: Match.agenda set (or cleared), the other person told, both Homes refreshed. */
export function agendaSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const agenda = readAgenda(values);
    if (!agenda.ok) return ack({ response_action: "errors", errors: agenda.errors });
    try {
      const match = await setMatchAgenda(deps.db, deps.directory(client), teamId, userId, body.view.private_metadata, agenda.value, deps.now(), agendaMessages);
      await ack();
      deps.kickOutbox();
      await refreshHomeQuietly(deps, client, teamId, match.trainee.slackUserId);
      await refreshHomeQuietly(deps, client, teamId, match.mentor.slackUserId);
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "setting an agenda failed");
      await ack({ response_action: "errors", errors: { [MEETING_BLOCKS.agenda]: errorText(error) } });
    }
  };
}
