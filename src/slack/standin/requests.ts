import { createHmac, randomUUID } from "node:crypto";

/** Builds and sends requests the way Slack does: signed with the app's signing secret. */

/** How long Slack honours a trigger_id after the interaction that issued it. */
export const TRIGGER_LIFETIME_MS = 3_000;

let triggers = 0;

/**
 * A trigger_id as Slack issues one with an interaction, shaped like Slack's ("12345.98765.abcd…"):
 * its first part is the time of issue in ms, which the fake Slack reads to refuse it after 3 s.
 */
export function newTriggerId(tag = randomUUID().slice(0, 8)): string {
  triggers += 1;
  return `${Date.now()}.${triggers}.${tag}`;
}

/** When a trigger id from newTriggerId was issued (ms since the epoch); null for an id Slack never issued. */
export function triggerIssuedAt(triggerId: string): number | null {
  const match = /^(\d{13})\./.exec(triggerId);
  return match ? Number(match[1]) : null;
}

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
  /** A workspace of an Enterprise Grid org; `isEnterpriseInstall` when Rounds is installed org-wide. */
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
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
    ...(c.enterpriseId ? { enterprise_id: c.enterpriseId, enterprise_name: c.enterpriseId } : {}),
    is_enterprise_install: c.isEnterpriseInstall ? "true" : "false",
    response_url: c.responseUrl,
    trigger_id: c.triggerId ?? newTriggerId(),
  }).toString();
}

/** Interactivity (block_actions, view_submission, …): a form with one `payload` field. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ViewSubmission {
  teamId: string;
  userId: string;
  viewId: string;
  callbackId: string;
  privateMetadata?: string;
  /** state.values: block id → action id → element value. */
  values: Record<string, Record<string, unknown>>;
  triggerId: string;
  /** A workspace of an Enterprise Grid org; `isEnterpriseInstall` when Rounds is installed org-wide. */
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}

/**
 * What an interaction payload (block_actions, view_submission) says about where it came from: the
 * workspace, and on Enterprise Grid the org and whether the app is installed org-wide, as Slack sends them.
 */
export function interactionSource(teamId: string, userId: string, org?: { enterpriseId: string; isEnterpriseInstall?: boolean }): Record<string, unknown> {
  const enterprise = org ? { enterprise_id: org.enterpriseId, enterprise_name: org.enterpriseId } : {};
  return {
    team: { id: teamId, domain: "fake", ...enterprise },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    ...(org ? { enterprise: { id: org.enterpriseId, name: org.enterpriseId }, is_enterprise_install: Boolean(org.isEnterpriseInstall) } : {}),
  };
}

/** A view_submission payload shaped like Slack's. */
export function viewSubmissionPayload(v: ViewSubmission): Record<string, unknown> {
  return {
    type: "view_submission",
    ...interactionSource(v.teamId, v.userId, v.enterpriseId ? { enterpriseId: v.enterpriseId, isEnterpriseInstall: Boolean(v.isEnterpriseInstall) } : undefined),
    api_app_id: "A0ROUNDS",
    token: "deprecated-verification-token",
    trigger_id: v.triggerId,
    view: {
      id: v.viewId,
      team_id: v.teamId,
      type: "modal",
      callback_id: v.callbackId,
      private_metadata: v.privateMetadata ?? "",
      hash: "156772938.1827394",
      title: { type: "plain_text", text: "x" },
      blocks: [],
      state: { values: v.values },
      root_view_id: null,
      previous_view_id: null,
      app_id: "A0ROUNDS",
      bot_id: "BROUNDS",
      external_id: "",
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
  };
}

export function eventBody(
  teamId: string,
  event: Record<string, unknown>,
  eventId = `Ev${randomUUID().slice(0, 10)}`,
  /** A workspace of a Grid org; `install` when Rounds is installed org-wide. */
  org?: { enterpriseId: string; install?: boolean },
): string {
  if (org) {
    return JSON.stringify({
      token: "deprecated-verification-token",
      team_id: teamId,
      enterprise_id: org.enterpriseId,
      api_app_id: "A0ROUNDS",
      event,
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      is_ext_shared_channel: false,
      authorizations: [{ enterprise_id: org.enterpriseId, team_id: org.install ? null : teamId, user_id: "UROUNDSBOT", is_bot: true, is_enterprise_install: Boolean(org.install) }],
    });
  }
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
