import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPModuleFunctions, HTTPReceiver, SocketModeReceiver, type App, type CustomRoute, type Logger as BoltLogger, type Receiver, type ReceiverEvent } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { Logger } from "pino";
import { claimedType, envelopeProblem } from "./envelope.js";
import { checkSlackRequest } from "./requestCheck.js";
import { ackTimer } from "../metrics/slack.js";

export interface ReceiverOptions {
  /** HTTP mode: requests are signed with it. */
  signingSecret: string | undefined;
  /** Socket Mode when set. */
  appToken: string | undefined;
  port: number;
  customRoutes: CustomRoute[];
  clientOptions: WebClientOptions;
  logger: Logger;
  boltLogger: BoltLogger;
  /** The clock request timestamps are checked against (tests). */
  nowMs?: () => number;
  /**
   * HTTP mode: an answer for a verified, well-formed request that Bolt need not dispatch (a slash
   * command turned away "very busy", busy.ts), or undefined to hand it to Bolt.
   */
  answerAtOnce?: (body: unknown) => object | undefined;
}

const EVENTS_PATH = "/slack/events";

/**
 * How Slack's requests reach Bolt. Over HTTP, a gate in front of Bolt's receiver answers at once
 * what Bolt should never dispatch (requestCheck.ts): a timestamp more than 5 minutes from now either
 * way or a bad signature (401), a malformed envelope (400); and, once a request has passed those,
 * what `answerAtOnce` answers for it (a command turned away "very busy"). In Socket Mode requests come over
 * Slack's own authenticated socket, unsigned; a malformed envelope is acknowledged and dropped.
 */
export function slackReceiver(o: ReceiverOptions): Receiver {
  const log = o.logger.child({ component: "slack-requests" });
  if (o.appToken) {
    return new CheckedSocketModeReceiver(
      { appToken: o.appToken, logger: o.boltLogger, customRoutes: o.customRoutes, installerOptions: { port: o.port, clientOptions: o.clientOptions } },
      log,
    );
  }
  if (!o.signingSecret) throw new Error("SLACK_SIGNING_SECRET is required in HTTP mode");
  const receiver = new HTTPReceiver({ signingSecret: o.signingSecret, port: o.port, customRoutes: o.customRoutes, logger: o.boltLogger });
  const toBolt = receiver.requestListener;
  const signingSecret = o.signingSecret;
  const nowMs = o.nowMs ?? Date.now;
  const answerAtOnce = o.answerAtOnce ?? (() => undefined);
  receiver.requestListener = (req, res) => {
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://localhost").pathname !== EVENTS_PATH) return toBolt(req, res);
    gate(req, res, ackTimer()).catch((error: unknown) => {
      log.error({ err: error }, "checking a Slack request failed");
      if (!res.headersSent) answer(res, 500);
    });
  };
  return receiver;

  /** `acked` records the ack latency of a request Bolt gets: the response is its ack. */
  async function gate(req: IncomingMessage, res: ServerResponse, acked: () => void): Promise<void> {
    let buffered;
    try {
      // Bolt reads the body it finds buffered here instead of the stream.
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, tooLarge ? "Slack request refused (413): body too large" : "Slack request body could not be read");
      // The rest of the body is not read, so this connection cannot carry another request.
      res.setHeader("connection", "close");
      return answer(res, tooLarge ? 413 : 400);
    }
    const verdict = checkSlackRequest(buffered, signingSecret, nowMs());
    if (verdict.pass) {
      res.once("finish", acked);
      const early = verdict.body === undefined ? undefined : answerAtOnce(verdict.body);
      // Written as Bolt writes an ack with a body (HTTPResponseAck), so Slack sees the same answer.
      if (early) return HTTPModuleFunctions.buildContentResponse(res, early);
      return void toBolt(buffered, res);
    }
    log[verdict.level]({ status: verdict.status, retryNum: req.headers["x-slack-retry-num"], ...verdict.fields }, verdict.message);
    answer(res, verdict.status);
  }
}

function answer(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/** Socket Mode's receiver, with the envelope checked before Bolt dispatches. */
class CheckedSocketModeReceiver extends SocketModeReceiver {
  constructor(
    options: ConstructorParameters<typeof SocketModeReceiver>[0],
    private readonly log: Logger,
  ) {
    super(options);
  }

  override init(app: App): void {
    // The receiver calls only processEvent; the rest of the app is reached through the prototype.
    const checked = Object.create(app) as App;
    checked.processEvent = async (event: ReceiverEvent) => {
      const acked = ackTimer();
      const ack = event.ack;
      event.ack = async (response) => {
        try {
          return await ack(response);
        } finally {
          acked();
        }
      };
      const problem = envelopeProblem(event.body);
      if (!problem) return app.processEvent(event);
      this.log.warn({ type: claimedType(event.body), problem }, "malformed Slack request acknowledged and dropped");
      await event.ack();
    };
    super.init(checked);
  }
}
