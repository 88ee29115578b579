import { ErrorCode, WebClient, WebClientEvent, type WebAPICallResult, type WebClientOptions } from "@slack/web-api";
import { Counter } from "prom-client";
import { registry } from "./registry.js";

const calls = new Counter({
  name: "rounds_slack_api_calls_total",
  help: "Slack Web API calls by client (outbox, jobs), method and how they ended (ok, error, rate_limited)",
  labelNames: ["client", "method", "outcome"] as const,
  registers: [registry],
});

const rateLimited = new Counter({
  name: "rounds_slack_api_rate_limited_total",
  help: "HTTP 429 answers from Slack by client and method, including those the client waited out and retried",
  labelNames: ["client", "method"] as const,
  registers: [registry],
});

/** `https://slack.com/api/chat.postMessage` → `chat.postMessage`. */
const methodOf = (url: string) => url.replace(/\/+$/, "").split("/").pop() ?? "unknown";

/**
 * A WebClient that counts its calls. Every Web API method of a WebClient goes through `apiCall`
 * (each method is bound to it when the client is built), so overriding it here sees them all.
 */
class MeteredWebClient extends WebClient {
  constructor(
    private readonly clientName: string,
    token: string,
    options: WebClientOptions,
  ) {
    super(token, options);
    // Emitted on every 429, also those a retrying client waits out (the outbox's rejects them instead).
    this.on(WebClientEvent.RATE_LIMITED, (_retryAfter: number, request: { url?: string }) => rateLimited.inc({ client: this.clientName, method: methodOf(String(request?.url ?? "")) }));
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    try {
      const result = await super.apiCall(method, options);
      calls.inc({ client: this.clientName, method, outcome: "ok" });
      return result;
    } catch (error) {
      const outcome = (error as { code?: string }).code === ErrorCode.RateLimitedError ? "rate_limited" : "error";
      calls.inc({ client: this.clientName, method, outcome });
      throw error;
    }
  }
}

/** A Slack Web API client whose calls show in /metrics under `client`. */
export function meteredWebClient(client: string, token: string, options: WebClientOptions): WebClient {
  return new MeteredWebClient(client, token, options);
}
