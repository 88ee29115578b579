import type { FakeSlack } from "../slack/standin/server.js";
import { eventBody, interactionBody, newTriggerId, postToApp, slashCommandBody } from "../slack/standin/requests.js";
import type { OpenViews, ShownView } from "./views.js";

/** Where a person clicked: a message, an ephemeral message, their Home, or their top modal. */
export type Where =
  | { kind: "message"; channel: string; ts: string }
  | { kind: "ephemeral"; channel: string; ts: string }
  | { kind: "home" }
  | { kind: "modal"; state: { values: Record<string, unknown> } };

export interface InteractionOptions {
  slack: FakeSlack;
  views: OpenViews;
  /** The app's base URL (its /slack/events) and its signing secret. */
  appUrl: () => string;
  signingSecret: string;
  teamId: string;
}

/**
 * What a person does in the Playground, sent to Rounds exactly as Slack sends it: a signed slash
 * command, block_actions, view_submission and view_closed payloads, and the app_home_opened and
 * message.im events. Each interaction issues a fresh trigger_id tied to the person.
 */
export class Interactions {
  private seq = 0;

  constructor(private readonly o: InteractionOptions) {}

  private async post(body: string, type: "form" | "json") {
    return postToApp(this.o.appUrl(), body, type, { secret: this.o.signingSecret });
  }

  private trigger(user: string): string {
    const id = newTriggerId(`pg.${user}`);
    this.o.views.issued(id, user);
    return id;
  }

  private person(user: string) {
    return { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: this.o.teamId };
  }

  /** A slash command typed in `channel`; the ack's message, if any, is shown to the person as Slack shows it. */
  async command(user: string, channel: string, command: string, text: string): Promise<{ status: number }> {
    const responseUrl = this.o.slack.responseUrl(`pg-cmd-${++this.seq}`, { user, channel });
    const res = await this.post(slashCommandBody({ command, text, userId: user, teamId: this.o.teamId, responseUrl, triggerId: this.trigger(user), channelId: channel }), "form");
    if (res.status === 200 && res.body) {
      const ack = res.body.startsWith("{") ? (JSON.parse(res.body) as Record<string, unknown>) : { text: res.body };
      await fetch(responseUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ack) });
    }
    return { status: res.status };
  }

  /** A block_actions payload for `action` (the renderer's actions[0]) where the person clicked. */
  async action(user: string, where: Where, action: Record<string, unknown>): Promise<{ status: number }> {
    const payload: Record<string, unknown> = {
      type: "block_actions",
      team: { id: this.o.teamId, domain: "playground" },
      user: this.person(user),
      api_app_id: "A0ROUNDS",
      token: "deprecated-verification-token",
      trigger_id: this.trigger(user),
      is_enterprise_install: false,
      actions: [action],
    };
    if (where.kind === "message" || where.kind === "ephemeral") {
      const responseUrl = this.o.slack.responseUrl(`pg-act-${++this.seq}`, { user, channel: where.channel, ts: where.ts, ephemeral: where.kind === "ephemeral" });
      const message = this.o.slack.messagesIn(where.channel).find((m) => m.ts === where.ts);
      Object.assign(payload, {
        container: { type: "message", channel_id: where.channel, message_ts: where.ts, is_ephemeral: where.kind === "ephemeral" },
        channel: { id: where.channel, name: where.channel },
        ...(where.kind === "message" && message ? { message: { type: "message", ts: message.ts, user: message.user, text: message.text, blocks: message.blocks, metadata: message.metadata } } : {}),
        response_url: responseUrl,
      });
    } else {
      const view = where.kind === "home" ? this.o.views.home(user) : this.o.views.stack(user).at(-1);
      if (!view) return { status: 404 };
      const state = where.kind === "modal" ? where.state : { values: {} };
      Object.assign(payload, { container: { type: "view", view_id: view.id }, view: this.viewPayload(view, state) });
    }
    const res = await this.post(interactionBody(payload), "form");
    return { status: res.status };
  }

  /** Submit on the person's top modal, with its state; the ack decides what happens to the stack. */
  async submit(user: string, state: { values: Record<string, unknown> }): Promise<{ status: number }> {
    const view = this.o.views.stack(user).at(-1);
    if (!view) return { status: 404 };
    const payload = {
      type: "view_submission",
      team: { id: this.o.teamId, domain: "playground" },
      user: this.person(user),
      api_app_id: "A0ROUNDS",
      token: "deprecated-verification-token",
      trigger_id: this.trigger(user),
      view: this.viewPayload(view, state),
      response_urls: [],
      is_enterprise_install: false,
    };
    const res = await this.post(interactionBody(payload), "form");
    const answer = res.status === 200 && res.body ? (JSON.parse(res.body) as Parameters<OpenViews["afterSubmission"]>[1]) : null;
    if (res.status === 200) this.o.views.afterSubmission(user, answer);
    return { status: res.status };
  }

  /** Cancel (one view back) or the close box (all); view_closed goes to the app when the view asked for it. */
  async close(user: string, all: boolean): Promise<void> {
    const closed = this.o.views.close(user, all);
    if (!closed?.notify_on_close) return;
    const payload = { type: "view_closed", team: { id: this.o.teamId, domain: "playground" }, user: this.person(user), api_app_id: "A0ROUNDS", token: "deprecated-verification-token", view: this.viewPayload(closed, { values: {} }), is_cleared: all, is_enterprise_install: false };
    await this.post(interactionBody(payload), "form");
  }

  /** The person opens Rounds' Home or Messages tab. */
  async openApp(user: string, tab: "home" | "messages"): Promise<void> {
    await this.post(eventBody(this.o.teamId, { type: "app_home_opened", user, channel: `D-${user}`, tab, event_ts: `${Date.now() / 1000}` }), "json");
  }

  /** The person types a message to Rounds in its Messages tab. */
  async directMessage(user: string, text: string): Promise<void> {
    const m = this.o.slack.postAs(user, user, text);
    await this.post(eventBody(this.o.teamId, { type: "message", channel: m.channel, channel_type: "im", user, text, ts: m.ts, event_ts: m.ts }), "json");
  }

  private viewPayload(view: ShownView, state: { values: Record<string, unknown> }): Record<string, unknown> {
    return {
      team_id: this.o.teamId,
      private_metadata: "",
      callback_id: "",
      hash: `${Date.now()}.pg`,
      root_view_id: view.id,
      previous_view_id: null,
      app_id: "A0ROUNDS",
      bot_id: "BROUNDS",
      external_id: "",
      clear_on_close: false,
      notify_on_close: false,
      ...view,
      state,
    };
  }
}
