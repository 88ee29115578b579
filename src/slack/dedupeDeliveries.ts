import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { claimKey } from "../store/jobRuns.js";
import type { ListenerDeps } from "./deps.js";

export const DELIVERY_JOB = "slack-delivery";

/**
 * True the first time a delivery is seen. Slack sends a retry (X-Slack-Retry-Num) with the same
 * event_id, or — for a slash command — the same trigger_id, so the key names the delivery.
 */
export async function isFirstDelivery(deps: ListenerDeps, key: string, workspaceId: string | null): Promise<boolean> {
  return claimKey(deps.db, { key, job: DELIVERY_JOB, workspaceId }, deps.now());
}

/**
 * Events run their side effects once even when Slack delivers them again. Bolt has already
 * acknowledged an event when middleware runs, so this check costs Slack no waiting. (Commands are
 * checked after their ack, in ackFirst.)
 */
export function dedupeEvents(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    const workspaceId = typeof context.teamId === "string" ? context.teamId : null;
    if (await isFirstDelivery(deps, `event:${eventId}`, workspaceId)) return next();
    deps.logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, "repeated Slack event ignored");
  };
}
