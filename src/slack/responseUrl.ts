import http from "node:http";
import https from "node:https";
import type { RespondArguments, RespondFn } from "@slack/bolt";

/** Connections to Slack's response_url host, kept open between posts. */
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) } as const;

/**
 * Bolt's respond(), posting with node:http instead of fetch: the same request (POST, JSON body,
 * `Content-Type: application/json`), the same error when Slack does not answer 2xx (code
 * "slack_bolt_respond_error" with its status, see errorText.ts), for a fraction of fetch's CPU — a
 * /findmentor's cards are posted this way, on the thread that also answers every ack.
 */
export function respondVia(responseUrl: string): RespondFn {
  return (message: string | RespondArguments) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(typeof message === "string" ? { text: message } : message);
      const url = new URL(responseUrl);
      if (url.protocol !== "https:" && url.protocol !== "http:") return reject(new Error(`response_url is not http(s): ${url.protocol}`));
      const post = url.protocol === "https:" ? https.request : http.request;
      const req = post(url, { method: "POST", agent: agents[url.protocol], headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } }, (res) => {
        const status = res.statusCode ?? 0;
        res.on("error", reject);
        res.on("end", () => {
          if (status >= 200 && status < 300) resolve(new Response(null, { status, statusText: res.statusMessage ?? "" }));
          else reject(respondError(status, res.statusMessage ?? ""));
        });
        res.resume();
      });
      req.on("error", reject);
      req.end(body);
    });
}

/** What Bolt's respond() throws (its RespondError) when the response_url answers other than 2xx. */
function respondError(status: number, statusText: string): Error {
  return Object.assign(new Error(`Failed to respond to the response_url: ${status} ${statusText}`), { code: "slack_bolt_respond_error", statusCode: status });
}

/** The response_url Bolt would give respond() for this request body, if any. */
export function responseUrlOf(body: unknown): string | undefined {
  const b = body as { response_url?: unknown; response_urls?: { response_url?: unknown }[] } | null;
  const url = b?.response_url ?? b?.response_urls?.[0]?.response_url;
  return typeof url === "string" && url ? url : undefined;
}
