import { createHmac, randomUUID } from "node:crypto";

/** Builds and sends requests the way Slack does: signed with the app's signing secret. */

export interface SignOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Sets X-Slack-Retry-Num (and a retry reason), as Slack does when it repeats a delivery. */
  retryNum?: number;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return "v0=" + createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
}

export function signedHeaders(body: string, contentType: string, o: SignOptions): Record<string, string> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signature(o.secret, timestamp, body),
    ...(o.retryNum !== undefined ? { "x-slack-retry-num": String(o.retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
  };
}

export interface SlashCommand {
  command: string;
  text?: string;
  userId: string;
  teamId: string;
  responseUrl: string;
  triggerId?: string;
  channelId?: string;
}

export function slashCommandBody(c: SlashCommand): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: c.teamId,
    team_domain: "fake",
    channel_id: c.channelId ?? "C0GENERAL",
    channel_name: "general",
    user_id: c.userId,
    user_name: c.userId.toLowerCase(),
    command: c.command,
    text: c.text ?? "",
    api_app_id: "A0ROUNDS",
    is_enterprise_install: "false",
    response_url: c.responseUrl,
    trigger_id: c.triggerId ?? `${Date.now()}.${randomUUID()}`,
  }).toString();
}

/** Interactivity (block_actions, view_submission, …): a form with one `payload` field. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventBody(teamId: string, event: Record<string, unknown>, eventId = `Ev${randomUUID().slice(0, 10)}`): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: teamId,
    api_app_id: "A0ROUNDS",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: "UROUNDSBOT", is_bot: true }],
  });
}

export interface SlackPostResult {
  status: number;
  body: string;
  ms: number;
}

/** POSTs a body to the app's /slack/events, signed. */
export async function postToApp(
  appUrl: string,
  body: string,
  contentType: "form" | "json",
  o: SignOptions,
): Promise<SlackPostResult> {
  const type = contentType === "form" ? "application/x-www-form-urlencoded" : "application/json";
  const started = performance.now();
  const res = await fetch(`${appUrl}/slack/events`, { method: "POST", headers: signedHeaders(body, type, o), body });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}
