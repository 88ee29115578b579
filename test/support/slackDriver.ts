import { expect } from "vitest";
import { describeRefusal, type FakeSlack, type PostedMessage, type RecordedCall } from "../../src/slack/standin/server.js";
import { TEST_SIGNING_SECRET } from "./appProcess.js";
import { commandAckRefusal, viewSubmissionAckRefusal } from "./ackChecks.js";
import { eventBody, interactionBody, interactionSource, newTriggerId, postToApp, slashCommandBody, viewSubmissionPayload } from "../../src/slack/standin/requests.js";
import { WORKING_MODAL } from "../../src/slack/kit/workingModal.js";

/**
 * Drives the running app the way people do in Slack (button presses, modal submissions, slash commands,
 * opening the App Home) with signed requests, and waits for what it sends back through the fake Slack.
 * Created at describe level with getters, since the app and the fake Slack start in beforeAll.
 *
 * No side door: what the app answers in an ack (a view_submission's response_action, a slash command's
 * message) is checked as Slack checks it and refused into the fake Slack's `refused` list; opened(),
 * shown(), openHome() and responseBody() fail at once with Slack's error when Slack refused the view or
 * message they wait for; trigger ids carry their time of issue, so the fake refuses a stale or reused one.
 */

/** Someone in a workspace. */
export interface Person {
  id: string;
  teamId: string;
  /** In a workspace of an Enterprise Grid org; `orgInstall` when Rounds is installed org-wide. */
  enterpriseId?: string;
  orgInstall?: boolean;
}

/** The Grid org a person's requests name (with whether Rounds is installed org-wide), if any. */
const orgOf = (p: Person) => (p.enterpriseId ? { enterpriseId: p.enterpriseId, isEnterpriseInstall: Boolean(p.orgInstall) } : undefined);

/**
 * Where a button is pressed: a message (with a response_url), an ephemeral message (response_url only: there is no
 * message to update), the App Home, a modal, or a given view (a modal unless it says its type).
 */
export type Surface =
  | { channel: string; ts: string }
  | { ephemeral: { channel: string; ts: string } }
  | "home"
  | "modal"
  | { view: { id: string } & Record<string, unknown> };

export interface PressOptions {
  /** An overflow menu option instead of a button. */
  overflow?: boolean;
}

/** What a modal was opened with: the fields a submission sends back. */
export interface SubmittableView {
  callback_id: string;
  private_metadata?: string;
  /** The view's blocks, when the test has them (a view from opened() or an ack); else the driver finds the view shown last with this callback_id. */
  blocks?: readonly { type?: unknown; block_id?: unknown }[];
}

export interface SlackDriverOptions<K extends string> {
  app: () => { url: string };
  slack: () => FakeSlack;
  /** Who a key stands for; without it, pass Person objects. */
  user?: (who: K) => Person;
  /** Where press() clicks when no surface is given (default: the App Home). */
  pressOn?: Surface;
}

/** The part of a block_actions payload that says where the click happened. */
function surfaceOf(where: Surface, teamId: string, responseUrl: string): Record<string, unknown> {
  const inView = (view: Record<string, unknown> & { id: string }, type: string) => ({
    container: { type: "view", view_id: view.id },
    view: { blocks: [], ...view, type, team_id: teamId, state: { values: {} }, hash: "h" },
  });
  if (where === "home" || where === "modal") return inView({ id: `V0${where.toUpperCase()}` }, where);
  if ("view" in where) return inView(where.view, typeof where.view.type === "string" ? where.view.type : "modal");
  if ("ephemeral" in where) {
    const { channel, ts } = where.ephemeral;
    return { container: { type: "message", channel_id: channel, message_ts: ts, is_ephemeral: true }, channel: { id: channel }, response_url: responseUrl };
  }
  return {
    container: { type: "message", channel_id: where.channel, message_ts: where.ts },
    channel: { id: where.channel },
    message: { ts: where.ts, type: "message" },
    response_url: responseUrl,
  };
}

/** A message's text and blocks, as one string to search. */
export const textOf = (m: PostedMessage) => `${m.text ?? ""} ${JSON.stringify(m.blocks ?? [])}`;

export function slackDriver<K extends string = never>(o: SlackDriverOptions<K>) {
  let seq = 0;
  const person = (who: K | Person): Person => {
    if (typeof who === "object") return who;
    if (!o.user) throw new Error(`slackDriver: no user lookup for ${who}`);
    return o.user(who);
  };
  const post = (body: string, type: "form" | "json" = "form") => postToApp(o.app().url, body, type, { secret: TEST_SIGNING_SECRET });
  const views = (method: string) => o.slack().callsTo(method);
  /** Views the app showed by acking a submission with response_action update or push. */
  const ackViews: { at: number; view: SubmittableView }[] = [];
  /** The call, or an error saying how Slack refused it. */
  const acceptedOrThrow = (call: RecordedCall) => {
    if (call.refusal) throw new Error(describeRefusal(call.refusal));
    return call;
  };
  /**
   * The view a trigger showed: a modal that opened in its "working…" state first (a button that
   * opens its modal before any query) is followed to its latest update that is not that state.
   */
  const shownBy = async (call: RecordedCall): Promise<unknown> => {
    const view = acceptedOrThrow(call).args.view as { callback_id?: string } | undefined;
    if (view?.callback_id !== WORKING_MODAL) return view;
    const id = (call.answer?.view as { id?: string } | undefined)?.id;
    const slack = o.slack();
    const update = await slack.waitFor(() => slack.acceptedCallsTo("views.update").filter((u) => u.args.view_id === id && (u.args.view as { callback_id?: string }).callback_id !== WORKING_MODAL).at(-1));
    return update.args.view;
  };
  /** The modal last shown with this callback id (views.open/push/update or an ack), to check a submission's answer against. */
  const lastShown = (callbackId: string): SubmittableView | null => {
    const slack = o.slack();
    const shown = [
      ...["views.open", "views.push", "views.update"].flatMap((m) => slack.acceptedCallsTo(m)).map((c) => ({ at: c.at, view: c.args.view as SubmittableView })),
      ...ackViews,
    ].filter((s) => s.view?.callback_id === callbackId);
    return shown.sort((a, b) => a.at - b.at).at(-1)?.view ?? null;
  };

  const driver = {
    /** A block_actions click (value undefined: a button without one); resolves with the trigger id and the response_url id (message surfaces only answer there). */
    async press(who: K | Person, actionId: string, value: string | undefined, where: Surface = o.pressOn ?? "home", opts: PressOptions = {}) {
      seq += 1;
      const user = person(who);
      const responseId = `resp-${seq}`;
      const triggerId = newTriggerId(`press.${user.id}`);
      const surface = surfaceOf(where, user.teamId, o.slack().responseUrl(responseId));
      const action = opts.overflow
        ? { type: "overflow", action_id: actionId, block_id: "b", selected_option: { text: { type: "plain_text", text: "x" }, value }, action_ts: `${Date.now() / 1000}` }
        : { type: "button", action_id: actionId, block_id: "b", value, text: { type: "plain_text", text: "x" }, action_ts: `${Date.now() / 1000}` };
      const payload = {
        type: "block_actions",
        ...interactionSource(user.teamId, user.id, orgOf(user)),
        api_app_id: "A0ROUNDS",
        token: "deprecated-verification-token",
        trigger_id: triggerId,
        ...surface,
        actions: [action],
      };
      const res = await post(interactionBody(payload));
      expect(res.status).toBe(200);
      return { triggerId, responseId, status: res.status };
    },

    /** A view_submission of `view` with state values (block id → the element's value, under action id "value"). */
    async submission<A = Record<string, unknown>>(who: K | Person, view: SubmittableView, values: Record<string, unknown>, viewId = `V0VIEW${seq + 1}`) {
      seq += 1;
      const user = person(who);
      const payload = viewSubmissionPayload({
        teamId: user.teamId,
        userId: user.id,
        viewId,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata ?? "",
        values: Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { value: v }])),
        triggerId: newTriggerId(`submit.${user.id}`),
        ...orgOf(user),
      });
      const res = await post(interactionBody(payload));
      expect(res.status).toBe(200);
      /** The parsed answer (response_action …), or null when the app answered with an empty body (the modal closes). */
      const answer = res.body ? (JSON.parse(res.body) as A) : null;
      const submitted = view.blocks ? view : lastShown(view.callback_id);
      const refusal = viewSubmissionAckRefusal(answer, submitted?.blocks ?? null);
      if (refusal) o.slack().recordRefusal({ method: "view_submission ack", ...refusal, args: { callback_id: view.callback_id, answer } });
      const shownView = (answer as { response_action?: string; view?: SubmittableView } | null)?.view;
      if (!refusal && shownView) ackViews.push({ at: Date.now(), view: shownView });
      return { viewId, status: res.status, body: res.body, answer };
    },

    /** As submission(), resolving with the app's answer body as text ("" when the modal just closes). */
    async submit(who: K | Person, view: SubmittableView, values: Record<string, unknown>, viewId?: string) {
      return (await driver.submission(who, view, values, viewId)).body;
    },

    /** A slash command; resolves with its trigger id and response_url id. */
    async command(who: K | Person, command: string, text: string) {
      seq += 1;
      const user = person(who);
      const responseId = `cmd-${seq}`;
      const triggerId = newTriggerId(`cmd.${user.id}`);
      const org = user.enterpriseId ? { enterpriseId: user.enterpriseId, isEnterpriseInstall: Boolean(user.orgInstall) } : {};
      const res = await post(slashCommandBody({ command, text, userId: user.id, teamId: user.teamId, responseUrl: o.slack().responseUrl(responseId), triggerId, ...org }));
      expect(res.status).toBe(200);
      const ackBody = res.body ? (res.body.startsWith("{") ? (JSON.parse(res.body) as unknown) : { text: res.body }) : null;
      const refusal = commandAckRefusal(ackBody);
      if (refusal) o.slack().recordRefusal({ method: "slash command ack", ...refusal, args: { command, text, body: ackBody } });
      return { triggerId, responseId };
    },

    /**
     * The view views.open showed for a trigger (fails with Slack's error if Slack refused it). A modal
     * opened first in its "working…" state is followed to the view it was updated with.
     */
    opened<V = Record<string, unknown>>(triggerId: string) {
      const slack = o.slack();
      const working = (view: unknown) => (view as { callback_id?: unknown } | undefined)?.callback_id === "working";
      return slack
        .waitFor(() => views("views.open").find((c) => c.args.trigger_id === triggerId))
        .then((c) => {
          const open = acceptedOrThrow(c);
          if (!working(open.args.view)) return open.args.view as V;
          const viewId = (open.answer?.view as { id?: string } | undefined)?.id;
          return slack
            .waitFor(() => views("views.update").filter((u) => u.args.view_id === viewId && !working(u.args.view)).at(-1))
            .then((u) => acceptedOrThrow(u).args.view as V);
        });
    },

    /** The view views.open or views.push showed for a trigger (fails with Slack's error if Slack refused it). */
    shown<V = Record<string, unknown>>(triggerId: string) {
      const slack = o.slack();
      return slack
        .waitFor(() => slack.calls.find((c) => (c.method === "views.open" || c.method === "views.push") && c.args.trigger_id === triggerId))
        .then(async (c) => (await shownBy(c)) as V);
    },

    /** What the app POSTed to a response_url (fails with Slack's error if Slack refused it). */
    responseBody<B = Record<string, unknown>>(responseId: string, timeoutMs?: number) {
      const slack = o.slack();
      const refusedReply = () => slack.refused.find((r) => r.method === "response_url" && r.args.response_id === responseId);
      return slack
        .waitFor(() => slack.responses.find((r) => r.id === responseId) ?? refusedReply(), timeoutMs)
        .then((r) => {
          if ("method" in r) throw new Error(describeRefusal(r));
          return r.body as B;
        });
    },

    /** What the app POSTed to a response_url, as JSON text. */
    response(responseId: string, timeoutMs?: number) {
      return driver.responseBody(responseId, timeoutMs).then((b) => JSON.stringify(b));
    },

    /** Messages in a channel (a user id: their DM) whose text or blocks contain `contains`. */
    postsIn(channel: string, contains: string) {
      return o.slack().messagesIn(channel).filter((m) => textOf(m).includes(contains));
    },

    /** How many messages in a channel (a user id: their DM) contain `contains`. */
    countIn(channel: string, contains: string) {
      return driver.postsIn(channel, contains).length;
    },

    /** Waits for a DM to `who` containing `contains`. */
    dmTo(who: K | Person, contains: string, timeoutMs?: number) {
      return o.slack().waitFor(() => driver.postsIn(person(who).id, contains)[0], timeoutMs);
    },

    /** Opens the App Home (app_home_opened) and resolves with the newest view published to that person after it. */
    async openHome<V = Record<string, unknown>>(who: K | Person, timeoutMs?: number) {
      const user = person(who);
      const slack = o.slack();
      const before = views("views.publish").length;
      const org = user.enterpriseId ? { enterpriseId: user.enterpriseId, install: Boolean(user.orgInstall) } : undefined;
      const res = await post(eventBody(user.teamId, { type: "app_home_opened", user: user.id, channel: `D${user.id}`, tab: "home" }, undefined, org), "json");
      expect(res.status).toBe(200);
      return slack
        .waitFor(() => views("views.publish").slice(before).filter((c) => c.args.user_id === user.id).at(-1), timeoutMs)
        .then((c) => acceptedOrThrow(c).args.view as V);
    },
  };
  return driver;
}

/** Posts an Events API event for `who`'s workspace (and org), signed, as Slack does. */
export async function sendEvent(app: { url: string }, who: Person, event: Record<string, unknown>): Promise<number> {
  const org = who.enterpriseId ? { enterpriseId: who.enterpriseId, install: Boolean(who.orgInstall) } : undefined;
  return (await postToApp(app.url, eventBody(who.teamId, event, undefined, org), "json", { secret: TEST_SIGNING_SECRET })).status;
}

/** Element values for view submissions. */
export const input = {
  text: (value: string | null) => ({ type: "plain_text_input", value }),
  pick: (value: string) => ({ type: "static_select", selected_option: { text: { type: "plain_text", text: value }, value } }),
  radio: (value: string) => ({ type: "radio_buttons", selected_option: { text: { type: "plain_text", text: value }, value } }),
  date: (value: string) => ({ type: "datepicker", selected_date: value }),
};
