import { createHmac, timingSafeEqual } from "node:crypto";
import { HTTPModuleFunctions, type BufferedIncomingMessage } from "@slack/bolt";
import { claimedType, envelopeProblem } from "./envelope.js";

/** Slack's rule: a request stamped more than 5 minutes from now, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * What to do with a request to /slack/events: hand it to Bolt (with its parsed body, for a signed
 * request; Slack's unsigned ssl_check has none), or answer it here with a status and one log line.
 */
export type Verdict =
  | { pass: true; body?: unknown }
  | { pass: false; status: 200 | 400 | 401; level: "info" | "warn"; message: string; fields: Record<string, unknown> };

const refuse = (status: 200 | 400 | 401, level: "info" | "warn", message: string, fields: Record<string, unknown> = {}): Verdict => ({ pass: false, status, level, message, fields });

const header = (req: BufferedIncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * Checks a buffered request before Bolt sees it: its timestamp is within 5 minutes of now in either
 * direction (Bolt's own check refuses only the past), its signature is right, and its envelope is one
 * Rounds can read (see envelope.ts). Slack's ssl_check is left to Bolt, which answers it unsigned.
 */
export function checkSlackRequest(req: BufferedIncomingMessage, signingSecret: string, nowMs: number): Verdict {
  const text = req.rawBody.toString("utf8");
  const form = req.headers["content-type"] === "application/x-www-form-urlencoded";
  if (form && text.includes("ssl_check=") && new URLSearchParams(text).get("ssl_check") === "1") return { pass: true };

  const stamp = header(req, "x-slack-request-timestamp");
  if (!stamp || !/^\d{1,12}$/.test(stamp)) return refuse(401, "warn", "Slack request refused (401): no valid x-slack-request-timestamp");
  const skewSeconds = Number(stamp) - Math.floor(nowMs / 1000);
  if (Math.abs(skewSeconds) > MAX_CLOCK_SKEW_SECONDS) {
    return refuse(401, "warn", "Slack request refused (401): its timestamp is more than 5 minutes from now (a replay, or this server's clock is off)", { skewSeconds });
  }
  if (!signatureMatches(signingSecret, Number(stamp), text, header(req, "x-slack-signature"))) {
    return refuse(401, "warn", "Slack request refused (401): its signature does not match SLACK_SIGNING_SECRET");
  }

  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return refuse(400, "warn", "malformed Slack request answered 400: the body is not JSON", { form });
  }
  const problem = envelopeProblem(body);
  if (problem) return refuse(400, "warn", "malformed Slack request answered 400", { type: claimedType(body), problem });
  if ((body as { type?: unknown }).type === "app_rate_limited") {
    return refuse(200, "warn", "Slack is holding back this workspace's events: more than 30,000 in a minute", { team: (body as { team_id?: unknown }).team_id });
  }
  return { pass: true, body };
}

const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/**
 * Slack's signature: "v0=" and the hex HMAC-SHA256, keyed with the signing secret, of
 * "v0:<timestamp>:<body>". Compared in constant time (crypto.timingSafeEqual on the 32 bytes;
 * Bolt's verifySlackRequest, used before, paid for two more HMACs and random bytes per request).
 */
function signatureMatches(signingSecret: string, stamp: number, body: string, signature: string | undefined): boolean {
  if (!signature || !SIGNATURE.test(signature)) return false;
  const expected = createHmac("sha256", signingSecret).update(`v0:${stamp}:${body}`).digest();
  return timingSafeEqual(Buffer.from(signature.slice(3), "hex"), expected);
}
