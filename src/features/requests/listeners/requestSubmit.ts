import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { offerCoMentors, submitRequest } from "../requests.js";
import { DomainError } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { readMetadata, readRequestForm, requestMetadata } from "../views/form.js";
import { REQUEST_BLOCKS } from "../ids.js";
import { requestMessages } from "../views/messages.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import { submission } from "../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { RequestRecord } from "../../../store/requests.js";

/** The request modal's Send: inline errors (bad input, already requested), or the request made and both told. */
export function requestSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const meta = readMetadata(requestMetadata, body.view.private_metadata);
    if (!meta) return ack({ response_action: "errors", errors: { [REQUEST_BLOCKS.role]: "This form is out of date; close it and run /findmentor again." } });
    const form = readRequestForm(values, meta);
    if (!form.ok) return ack({ response_action: "errors", errors: form.errors });
    try {
      const { request, coMentorHint } = await submitRequest(deps.db, deps.directory(client), teamId, userId, form.input, deps.now(), requestMessages);
      await ack();
      deps.kickOutbox();
      if (coMentorHint) deps.work.run("co-mentor offer", () => offerSeniors(deps, request));
      await refreshHomeQuietly(deps, client, teamId, userId);
      await refreshHomesSoon(deps, teamId, [request.mentor.slackUserId]);
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "request submit failed");
      await ack({ response_action: "errors", errors: { [REQUEST_BLOCKS.role]: errorText(error) } });
    }
  };
}

/** After asking a junior-faculty mentor, the trainee is offered senior co-mentors (ranked off this thread). */
async function offerSeniors(deps: ListenerDeps, request: RequestRecord): Promise<void> {
  const now = deps.now();
  const seniors = await deps.searchMentors.coMentors(request.workspaceId, request.trainee.memberId, request.mentor.memberId, now);
  await offerCoMentors(deps.db, request, seniors, now, requestMessages);
  deps.kickOutbox();
}
