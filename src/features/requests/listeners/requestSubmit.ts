import { offerCoMentors, submitRequest } from "../requests.js";
import { readRequestForm } from "../views/form.js";
import { REQUEST_BLOCKS, REQUEST_VIEWS } from "../ids.js";
import { requestMessages } from "../views/messages.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { RequestRecord } from "../../../store/requests.js";
import type { ServiceContext } from "../../context.js";

/** The request modal's Send: inline errors (bad input, already requested), or the request made and both told. */
export function requestSubmit(on: Interactions): void {
  const stale = "This form is out of date; close it and run /findmentor again.";
  on.submit({ view: REQUEST_VIEWS.request, who: "anyone", errors: REQUEST_BLOCKS.role, stale, label: "request submit" }, async (i) => {
    const form = readRequestForm(i.values, i.metadata);
    if (!form.ok) return { errors: form.errors };
    const { request, coMentorHint } = await submitRequest({ ...i.ctx, messages: requestMessages }, i.userId, form.input);
    i.afterwards(async () => {
      i.deps.kickOutbox();
      if (coMentorHint) i.deps.work.run("co-mentor offer", () => offerSeniors(i.deps, i.ctx, request));
      await refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId);
      await refreshHomesSoon(i.deps, i.teamId, [request.mentor.slackUserId]);
    });
  });
}

/** After asking a junior-faculty mentor, the trainee is offered senior co-mentors (ranked off this thread). */
async function offerSeniors(deps: ListenerDeps, ctx: ServiceContext, request: RequestRecord): Promise<void> {
  const now = deps.now();
  const seniors = await deps.searchMentors.coMentors(request.workspaceId, request.trainee.memberId, request.mentor.memberId, now);
  await offerCoMentors({ ...ctx, now, messages: requestMessages }, request, seniors);
  deps.kickOutbox();
}
