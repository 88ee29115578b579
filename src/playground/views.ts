import type { FakeSlack, RecordedCall } from "../slack/standin/server.js";

/** A Slack view as the stand-in answered it: its id and what the app sent. */
export interface ShownView extends Record<string, unknown> {
  id: string;
  type: string;
  callback_id?: string;
  private_metadata?: string;
  blocks: unknown[];
}

/**
 * What each person has open, as Slack keeps it: their stack of modals (views.open, views.push,
 * views.update, and what a submission's ack asks for) and their published Home. Modals are tied to a
 * person by the trigger_id the Playground issued for that person's click or command.
 */
export class OpenViews {
  private readonly stacks = new Map<string, ShownView[]>();
  private readonly homes = new Map<string, ShownView>();
  private readonly triggers = new Map<string, string>();
  /** Inline errors of the top modal, by person (response_action "errors"). */
  private readonly errors = new Map<string, Record<string, string>>();

  constructor(slack: FakeSlack) {
    slack.feed.on("call", ({ call, answer }: { call: RecordedCall; answer: { ok?: boolean; view?: ShownView } }) => {
      if (answer.ok && answer.view) this.onView(call, answer.view);
    });
  }

  /** Remembers whose interaction issued a trigger id. */
  issued(triggerId: string, user: string): void {
    this.triggers.set(triggerId, user);
  }

  stack(user: string): ShownView[] {
    return this.stacks.get(user) ?? [];
  }

  home(user: string): ShownView | null {
    return this.homes.get(user) ?? null;
  }

  errorsOf(user: string): Record<string, string> {
    return this.errors.get(user) ?? {};
  }

  /** The view with this id, wherever it is open. */
  find(viewId: string): { user: string; view: ShownView } | null {
    for (const [user, stack] of this.stacks) {
      const view = stack.find((v) => v.id === viewId);
      if (view) return { user, view };
    }
    for (const [user, view] of this.homes) if (view.id === viewId) return { user, view };
    return null;
  }

  /** What a view_submission's ack does to the person's stack. */
  afterSubmission(user: string, answer: { response_action?: string; view?: Record<string, unknown>; errors?: Record<string, string> } | null): void {
    const stack = [...this.stack(user)];
    this.errors.delete(user);
    switch (answer?.response_action) {
      case "errors":
        this.errors.set(user, answer.errors ?? {});
        return;
      case "update":
        stack.splice(-1, 1, { ...(answer.view as ShownView), id: stack.at(-1)?.id ?? newViewId() });
        break;
      case "push":
        stack.push({ ...(answer.view as ShownView), id: newViewId() });
        break;
      case "clear":
        stack.length = 0;
        break;
      default:
        stack.pop();
    }
    this.stacks.set(user, stack);
  }

  /** Cancel goes back one view; the close box closes them all. */
  close(user: string, all: boolean): ShownView | undefined {
    const stack = [...this.stack(user)];
    const top = stack.at(-1);
    if (all) stack.length = 0;
    else stack.pop();
    this.stacks.set(user, stack);
    this.errors.delete(user);
    return top;
  }

  clear(): void {
    this.stacks.clear();
    this.homes.clear();
    this.triggers.clear();
    this.errors.clear();
  }

  private onView(call: RecordedCall, view: ShownView): void {
    if (call.method === "views.publish") {
      this.homes.set(String(call.args.user_id), view);
      return;
    }
    if (call.method === "views.update") {
      const found = this.find(view.id);
      if (!found) return;
      if (view.type === "home") return void this.homes.set(found.user, view);
      const stack = this.stack(found.user).map((v) => (v.id === view.id ? view : v));
      this.stacks.set(found.user, stack);
      this.errors.delete(found.user);
      return;
    }
    const user = this.triggers.get(String(call.args.trigger_id));
    if (!user) return;
    const stack = call.method === "views.open" ? [] : [...this.stack(user)];
    stack.push(view);
    this.stacks.set(user, stack);
    this.errors.delete(user);
  }
}

let views = 0;
function newViewId(): string {
  views += 1;
  return `VPG${String(views).padStart(6, "0")}`;
}
