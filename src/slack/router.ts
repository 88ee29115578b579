import type {
  AllMiddlewareArgs,
  App,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";
import type { Logger } from "pino";
import { logFailure } from "./errorText.js";
import { respondVia, responseUrlOf } from "./responseUrl.js";

type Handler = (args: never) => Promise<void>;

/**
 * Handlers by exact id, then by pattern. One handler per id: an exact id that a pattern also matches
 * is refused at start-up (both would run and ack twice); between patterns the first registered wins.
 */
class Routes {
  private readonly exact = new Map<string, Handler>();
  private readonly patterns: [RegExp, Handler][] = [];

  constructor(private readonly kind: string) {}

  add(id: string | RegExp, handler: Handler): void {
    if (typeof id === "string") {
      if (this.exact.has(id)) throw new Error(`two listeners for the ${this.kind} "${id}"`);
      const pattern = this.patterns.find(([p]) => p.test(id));
      if (pattern) throw new Error(`the ${this.kind} "${id}" is also matched by ${pattern[0]}`);
      this.exact.set(id, handler);
      return;
    }
    // RegExp.test with g or y remembers where it stopped, and would miss every other click.
    if (id.global || id.sticky) throw new Error(`${id}: a ${this.kind} pattern cannot use the g or y flag`);
    const taken = [...this.exact.keys()].find((existing) => id.test(existing));
    if (taken) throw new Error(`${id} also matches the ${this.kind} "${taken}"`);
    this.patterns.push([id, handler]);
  }

  find(id: string): Handler | undefined {
    return this.exact.get(id) ?? this.patterns.find(([pattern]) => pattern.test(id))?.[1];
  }

  /** How many registrations match `id` (for tests: each id the app's views emit should have one). */
  count(id: string): number {
    return (this.exact.has(id) ? 1 : 0) + this.patterns.filter(([pattern]) => pattern.test(id)).length;
  }
}

/**
 * Where features register their commands, buttons, modal submissions and events. Bolt runs every incoming
 * request through every listener's middleware chain; with some sixty listeners that matching was
 * most of the cost of an ack. The router gives Bolt one listener per kind and finds the handler by
 * id in a map, so an ack costs the same however many buttons the app has.
 */
export class ListenerRouter {
  private readonly commands = new Routes("command");
  private readonly actions = new Routes("action");
  private readonly views = new Routes("view");
  private readonly events = new Routes("event");

  constructor(
    app: App,
    private readonly logger: Logger,
  ) {
    app.command(/.*/, (args) => this.dispatch(this.commands, args.command.command, args));
    app.action(/.*/, (args) => this.dispatch(this.actions, (args.payload as { action_id?: string }).action_id ?? "", args));
    app.view(/.*/, (args) => this.dispatch(this.views, args.view.callback_id, args));
    app.event(/.*/, (args) => this.dispatch(this.events, args.event.type, args));
    // No modal asks to be told when it closes (notify_on_close), and the manifest declares no
    // shortcuts or external selects; should Slack send one anyway, it is answered, not left to time out.
    app.view({ type: "view_closed" }, async ({ ack, view }) => {
      this.logger.info({ view: view.callback_id }, "a modal was closed");
      await ack();
    });
    app.shortcut(/.*/, async ({ ack, shortcut }) => {
      this.logger.warn({ id: shortcut.callback_id }, "no listener for this shortcut; acknowledged and ignored");
      await ack();
    });
    app.options(/.*/, async ({ ack }) => {
      this.logger.warn("no listener for this menu's options; answered with none");
      await ack({ options: [] });
    });
  }

  command(name: string, handler: Middleware<SlackCommandMiddlewareArgs>): void {
    this.commands.add(name, handler as Handler);
  }

  action<A extends SlackAction = SlackAction>(actionId: string | RegExp, handler: (args: SlackActionMiddlewareArgs<A> & AllMiddlewareArgs) => Promise<void>): void {
    this.actions.add(actionId, handler as Handler);
  }

  view<V extends SlackViewAction = SlackViewAction>(callbackId: string | RegExp, handler: (args: SlackViewMiddlewareArgs<V> & AllMiddlewareArgs) => Promise<void>): void {
    this.views.add(callbackId, handler as Handler);
  }

  event<E extends string>(type: E, handler: (args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs) => Promise<void>): void {
    this.events.add(type, handler as Handler);
  }

  /** How many handlers are registered for this id (see Routes.count). */
  registrations(kind: "command" | "action" | "view" | "event", id: string): number {
    return { command: this.commands, action: this.actions, view: this.views, event: this.events }[kind].count(id);
  }

  /**
   * Runs the handler for `id`. A handler that throws is logged at the level its error deserves
   * (errorText.ts logFailure) and, if it had not acknowledged yet, the request is acknowledged
   * here, so Slack gets its answer now instead of timing out.
   */
  private async dispatch(routes: Routes, id: string, bolts: AllMiddlewareArgs & { ack?: (response?: never) => Promise<void>; body?: unknown; respond?: unknown }): Promise<void> {
    const handler = routes.find(id);
    // respond() posts to the same response_url as Bolt's, with node:http instead of fetch (responseUrl.ts).
    const url = bolts.respond ? responseUrlOf(bolts.body) : undefined;
    const args = url ? { ...bolts, respond: respondVia(url) } : bolts;
    if (!handler) {
      // Events are acknowledged by Bolt before they get here, and the app does not ask for unlisted
      // ones. A button from a message an older version of the app posted still wants its ack.
      if (args.ack) this.logger.warn({ id }, "no listener for this Slack interaction; acknowledged and ignored");
      return args.ack?.();
    }
    const ack = args.ack;
    if (!ack) return handler(args as never).catch((error: unknown) => logFailure(this.logger, error, { id }, "Slack listener"));
    let acked = false;
    const tracked = async (response?: never) => {
      acked = true;
      return ack(response);
    };
    try {
      await handler({ ...args, ack: tracked } as never);
    } catch (error) {
      logFailure(this.logger, error, { id }, "Slack listener");
      if (!acked) await ack().catch(() => undefined);
    }
  }
}
