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

type Handler = (args: never) => Promise<void>;

/** Handlers by exact id, then by pattern; every match runs (as with one Bolt listener each). */
class Routes {
  private readonly exact = new Map<string, Handler>();
  private readonly patterns: [RegExp, Handler][] = [];

  constructor(private readonly kind: string) {}

  add(id: string | RegExp, handler: Handler): void {
    if (typeof id !== "string") return void this.patterns.push([id, handler]);
    if (this.exact.has(id)) throw new Error(`two listeners for the ${this.kind} "${id}"`);
    this.exact.set(id, handler);
  }

  matching(id: string): Handler[] {
    const exact = this.exact.get(id);
    const byPattern = this.patterns.filter(([pattern]) => pattern.test(id)).map(([, handler]) => handler);
    return exact ? [exact, ...byPattern] : byPattern;
  }
}

/**
 * Where features register their commands, buttons and modal submissions. Bolt runs every incoming
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

  private async dispatch(routes: Routes, id: string, args: AllMiddlewareArgs & { ack?: (response?: never) => Promise<void> }): Promise<void> {
    const handlers = routes.matching(id);
    if (handlers.length === 0) {
      // Events are acknowledged by Bolt before they get here, and the app does not ask for
      // unlisted ones. A link button or a message from an older version of the app still wants its ack.
      if (args.ack) this.logger.warn({ id }, "no listener for this Slack interaction; acknowledged and ignored");
      return args.ack?.();
    }
    const results = await Promise.allSettled(handlers.map((handler) => handler(args as never)));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed.length === 1) throw failed[0]!.reason;
    if (failed.length > 1) throw new AggregateError(failed.map((f) => f.reason), `${failed.length} listeners failed for "${id}"`);
  }
}
