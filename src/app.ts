import type { IncomingMessage, ServerResponse } from "node:http";
import { App, type CustomRoute } from "@slack/bolt";
import type { InstallProvider } from "@slack/oauth";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Database } from "./store/database.js";
import { boltLogger } from "./logger.js";
import { registerListeners } from "./slack/listeners.js";
import { slackDirectory } from "./slack/directory.js";
import { WorkQueue } from "./slack/workQueue.js";
import { slackReceiver } from "./slack/receiver.js";
import { turnAwayWhenBusy } from "./slack/busy.js";
import { logFailure } from "./slack/errorText.js";
import { searchHere, type MentorSearch } from "./features/findmentor/findMentor.js";
import { watchWorkQueue } from "./metrics/slack.js";
import { timedSearch } from "./metrics/search.js";

export interface AppOptions {
  config: Config;
  db: Database;
  logger: Logger;
  now?: () => Date;
  /** Wakes the outbox worker after a listener queued messages. */
  kickOutbox?: () => void;
  /** How many pieces of after-ack work run at once (default AFTER_ACK_CONCURRENCY). */
  workConcurrency?: number;
  /** Where /findmentor searches run (default: on this thread). */
  searchMentors?: MentorSearch;
  /** Distributed mode: the OAuth installer that authorizes each request with its tenant's token, and its two routes. */
  installer?: { provider: InstallProvider; routes: CustomRoute[] };
}

/**
 * After-ack work running at once, by default. A piece mostly waits (on the database, on Slack, on a
 * search worker), so a handful at a time bounded throughput, not CPU: with four, a /findmentor
 * taking 40 ms capped the app at 100 a second, and at that rate the queue grew until commands were
 * turned away "very busy" while the search workers sat idle. Sixteen matches what the search
 * workers take at once (2 × 8); the queue's bound on waiting work still turns a flood away.
 */
export const AFTER_ACK_CONCURRENCY = 16;

export interface RoundsApp {
  app: App;
  /** After-ack work; drained on shutdown. */
  work: WorkQueue;
}

/** GET /healthz: 200 once the database answers, 503 while it does not. */
export function healthRoute(db: Pick<Database, "ping">): CustomRoute {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void db.ping().then((ok) => {
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(ok ? { status: "ok", db: "ok" } : { status: "unavailable", db: "unreachable" }));
      });
    },
  };
}

/**
 * The Bolt app: the HTTP receiver on POST /slack/events, or Socket Mode when SLACK_APP_TOKEN is
 * set (then /healthz is served on PORT by the Socket Mode receiver's own small HTTP server). Both
 * check each request before Bolt dispatches it (slack/receiver.ts).
 */
export function createApp({ config, db, logger, now = () => new Date(), workConcurrency = AFTER_ACK_CONCURRENCY, kickOutbox = () => undefined, searchMentors, installer }: AppOptions): RoundsApp {
  const clientOptions = config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {};
  const bolt = boltLogger(logger);
  // Set once the listeners are registered; until then every request goes to Bolt.
  let answerAtOnce: (body: unknown) => object | undefined = () => undefined;
  const receiver = slackReceiver({
    signingSecret: config.slackSigningSecret,
    appToken: config.slackAppToken,
    port: config.port,
    customRoutes: [healthRoute(db), ...(installer?.routes ?? [])],
    clientOptions,
    logger,
    boltLogger: bolt,
    answerAtOnce: (body) => answerAtOnce(body),
  });
  const app = new App({
    // One workspace: the bot token. Many: each request is authorized with its own tenant's installation.
    ...(installer ? { authorize: (source) => installer.provider.authorize(source) } : { token: config.slackBotToken }),
    logger: bolt,
    clientOptions,
    receiver,
    // Bolt's conversation store is unused here, and its lookup builds an Error for every request.
    convoStore: false,
  });

  const work = new WorkQueue(workConcurrency, logger.child({ component: "work" }));
  watchWorkQueue(work);
  const router = registerListeners(app, {
    db: db.prisma,
    logger,
    now,
    directory: slackDirectory,
    work,
    kickOutbox,
    searchMentors: timedSearch(searchMentors ?? searchHere(db.prisma)),
    ...(config.oauth ? { uninstallRetentionDays: config.oauth.retentionDays } : {}),
  });
  // A command turned away "very busy" is answered by the receiver, before Bolt's dispatch, when Bolt
  // would have answered it the same: with one bot token, authorize always passes. With many
  // workspaces Bolt's authorize decides first (an unknown team gets an empty ack), so Bolt answers.
  if (!installer) answerAtOnce = turnAwayWhenBusy(work, (name) => router.registrations("command", name) > 0);

  // What the router's handlers did not catch themselves (global middleware, Bolt's own steps).
  app.error(async (error) => logFailure(logger, error.original ?? error, { boltCode: error.code }, "Slack request"));
  return { app, work };
}
