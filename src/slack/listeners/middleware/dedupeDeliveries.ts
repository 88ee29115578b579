import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { runOnce } from "../../../store/jobRuns.js";
import type { ListenerDeps } from "../deps.js";

export const DELIVERY_JOB = "slack-delivery";

/** A delivery's identity: Slack sends a retry (X-Slack-Retry-Num) with the same one. */
function deliveryKey(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === "string") return `event:${body.event_id}`;
  if (typeof body.command === "string" && typeof body.trigger_id === "string") return `command:${body.trigger_id}`;
  return null;
}

/**
 * Events and slash commands run their side effects once even when Slack delivers them again: the
 * first delivery claims its key, a repeat finds it taken, is acknowledged and goes no further.
 */
export function dedupeDeliveries(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, next, context } = args;
    const key = deliveryKey(body as Record<string, unknown>);
    if (!key) return next();
    const workspaceId = typeof context.teamId === "string" ? context.teamId : null;
    const fresh = await runOnce(deps.db, { key, job: DELIVERY_JOB, workspaceId }, deps.now(), async () => undefined);
    if (fresh) return next();
    deps.logger.info({ key, retryNum: context.retryNum, retryReason: context.retryReason }, "repeated Slack delivery ignored");
    if ("ack" in args && typeof args.ack === "function") await (args.ack as () => Promise<void>)();
  };
}
