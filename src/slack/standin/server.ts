import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { checkBlockKit, type BlockKitRefusal } from "./blockKit.js";
import { TRIGGER_LIFETIME_MS, triggerIssuedAt } from "./requests.js";
import type { EphemeralMessage, ExpectedRefusal, Failure, FakeChannel, FakeUser, Flaky, PostedMessage, RecordedCall, Refusal, ResponseOrigin } from "./records.js";
import { parseArgs, readBody, send } from "./http.js";
import { slackUser } from "./users.js";
import { StandinTenants } from "./tenants.js";

export type { EphemeralMessage, ExpectedRefusal, FakeUser, Flaky, PostedMessage, RecordedCall, Refusal, ResponseOrigin } from "./records.js";

/**
 * A stand-in for Slack's Web API, for tests and benchmarks: it answers the methods Rounds calls,
 * records every call, keeps posted messages per conversation (with metadata, for
 * conversations.history), and can be told to answer 429 with Retry-After, or fail, a number of times.
 *
 * It is as strict as Slack: every message and view (chat.postMessage, chat.postEphemeral, chat.update,
 * views.open/push/update/publish, replies to a response_url) goes through the Block Kit checks of
 * src/slack/standin/blockKit.ts, and views.open/views.push take a trigger_id only once and only within
 * 3 s of the click that issued it. What Slack would refuse is answered as Slack answers it and kept in
 * `refused`; test/support/refusalGuard.ts fails the test during which a refusal happened, unless the
 * test declared it with expectRefusal().
 */

export class FakeSlack {
  /** Every stand-in started in this process, until the refusal guard has seen it stopped. */
  static readonly started = new Set<FakeSlack>();

  readonly calls: RecordedCall[] = [];
  /** Everything refused as Slack would refuse it, in order. */
  readonly refused: Refusal[] = [];
  private readonly expectedRefusals: ExpectedRefusal[] = [];
  /** How many of `refused` the guard has already reported. */
  private reportedRefusals = 0;
  /** Trigger ids views.open/views.push have used up. */
  private readonly spentTriggers = new Set<string>();
  private stopped = false;
  /** What the app POSTed to response_url (respond()). */
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly uploads = new Map<string, Buffer>();
  /** Content type each upload was sent with (the Web API client sends multipart/form-data). */
  readonly uploadTypes = new Map<string, string>();
  readonly botUserId = "UROUNDSBOT";
  /** The bot user's name (auth.test `user`): unlike the app's display name, so a text that hard-codes "@Rounds" shows. */
  readonly botName = "mentoring-rounds";
  readonly botId = "BROUNDS";
  private readonly users = new Map<string, FakeUser>();
  private readonly messages = new Map<string, PostedMessage[]>();
  private readonly ephemerals: EphemeralMessage[] = [];
  private readonly responseOrigins = new Map<string, ResponseOrigin>();
  private readonly failures = new Map<string, Failure[]>();
  /** Channels the test declared (others answer as public channels the bot is in). */
  private readonly channels = new Map<string, FakeChannel>();
  private tsCounter = 0;
  private server: Server | null = null;
  private port = 0;
  /** Artificial latency per Web API call, in ms (benchmarks). */
  latencyMs = 0;
  /** When set, chat.postMessage answers slowly and now and then fails, as Slack under load does (see Flaky). */
  flaky: Flaky | null = null;
  /** How many flaky failures it has answered so far. */
  readonly flakyAnswers = { rateLimited: 0, internalError: 0 };
  private flakySeed = 1;
  /**
   * What happened, as it happens, for a live view of the workspace (the Playground): "call"
   * ({ call, answer }) for every Web API call answered, "response" ({ id, body }) for every
   * response_url reply taken, "refusal" (a Refusal) for everything refused as Slack would refuse it.
   */
  readonly feed = new EventEmitter();
  /** The clock message timestamps are taken from (ms since the epoch); Date.now unless a simulated clock is given. */
  private readonly nowMs: () => number;

  /** The workspace auth.test names (with no tenants set up). */
  readonly teamId: string;
  /** Many workspaces and Grid orgs, each with its own tokens (src/slack/standin/tenants.ts). */
  readonly tenants = new StandinTenants();

  constructor(o: { nowMs?: () => number; teamId?: string } = {}) {
    this.nowMs = o.nowMs ?? Date.now;
    this.teamId = o.teamId ?? "T-FAKE";
    this.feed.setMaxListeners(0);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The base URL to give the app as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url; with its origin, replies to it replace, delete or add messages as Slack's do. */
  responseUrl(id: string, origin?: ResponseOrigin): string {
    if (origin) this.responseOrigins.set(id, origin);
    return `${this.url}/response/${id}`;
  }

  /** Ephemeral messages `user` sees (chat.postEphemeral and response_url replies with a known origin). */
  ephemeralsFor(user: string): EphemeralMessage[] {
    return this.ephemerals.filter((e) => e.user === user);
  }

  /** A message a person posts (a stand-in for Slack's own client); returns it. */
  postAs(user: string, channel: string, text: string): PostedMessage {
    const message: PostedMessage = { channel: this.conversationOf(channel), ts: this.nextTs(), user, text };
    this.messages.set(message.channel, [...(this.messages.get(message.channel) ?? []), message]);
    this.feed.emit("message", message);
    return message;
  }

  /** Forgets every message, call, refusal, reply and upload (the Playground's "Reset demo"); people and channels stay. */
  reset(): void {
    for (const list of [this.calls, this.refused, this.responses, this.ephemerals]) list.length = 0;
    this.reportedRefusals = 0;
    for (const map of [this.messages, this.responseOrigins, this.uploads, this.uploadTypes]) map.clear();
    this.spentTriggers.clear();
  }

  /** Conversations that hold messages, by id. */
  conversations(): string[] {
    return [...this.messages.keys()];
  }

  /** Listens on 127.0.0.1, on `port` (default: any free one). */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    FakeSlack.started.add(this);
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** The next `times` calls to `method` get this failure instead of an answer. */
  failNext(method: string, failure: Omit<Failure, "times"> & { times?: number }): void {
    const list = this.failures.get(method) ?? [];
    list.push({ times: 1, ...failure });
    this.failures.set(method, list);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls to `method` that Slack would have taken (not refused). */
  acceptedCallsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && !c.refusal);
  }

  /**
   * Declares that the test provokes a refusal on purpose (say why in the test): the next refusal of
   * `method` (with `error`, when given) does not fail the test. One declaration covers one refusal.
   */
  expectRefusal(expected: ExpectedRefusal): void {
    this.expectedRefusals.push(expected);
  }

  /** Records a refusal found outside the Web API (the driver checks what the app answers in an ack). */
  recordRefusal(refusal: Omit<Refusal, "at" | "expected">): Refusal {
    const i = this.expectedRefusals.findIndex((e) => e.method === refusal.method && (e.error === undefined || e.error === refusal.error));
    if (i >= 0) this.expectedRefusals.splice(i, 1);
    const recorded: Refusal = { ...refusal, at: Date.now(), expected: i >= 0 };
    this.refused.push(recorded);
    this.feed.emit("refusal", recorded);
    return recorded;
  }

  /**
   * What the refusal guard reports after each test: refusals no test declared, since the last report,
   * and declared refusals that never came. Forgets a stand-in once it is stopped and reported.
   */
  static unreportedProblems(): string[] {
    const problems: string[] = [];
    for (const slack of FakeSlack.started) {
      const fresh = slack.refused.slice(slack.reportedRefusals);
      slack.reportedRefusals = slack.refused.length;
      for (const r of fresh.filter((x) => !x.expected)) problems.push(describeRefusal(r));
      for (const e of slack.expectedRefusals.splice(0)) problems.push(`a refusal of ${e.method}${e.error ? ` (${e.error})` : ""} was expected but never came`);
      if (slack.stopped) FakeSlack.started.delete(slack);
    }
    return problems;
  }

  /** Messages in a conversation; a DM to U123 is the conversation D-U123. */
  messagesIn(channel: string): PostedMessage[] {
    return this.messages.get(this.conversationOf(channel)) ?? [];
  }

  /** The bytes of an uploaded file: the file part of a multipart upload, else the raw body (null if never uploaded). */
  async uploadedFile(fileId: string): Promise<Buffer | null> {
    const raw = this.uploads.get(fileId);
    if (!raw) return null;
    const type = this.uploadTypes.get(fileId) ?? "";
    if (!type.startsWith("multipart/form-data")) return raw;
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    for (const value of form.values()) {
      if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
    }
    return null;
  }

  /** Files shared by files.completeUploadExternal into a channel (a DM to U123 is D-U123), with their titles and bytes. */
  async filesSharedIn(channel: string): Promise<{ id: string; title: string; initialComment: string; bytes: Buffer | null }[]> {
    const out: { id: string; title: string; initialComment: string; bytes: Buffer | null }[] = [];
    for (const call of this.callsTo("files.completeUploadExternal").filter((c) => c.args.channel_id === this.conversationOf(channel))) {
      for (const f of (call.args.files as { id: string; title?: string }[] | undefined) ?? []) {
        out.push({ id: f.id, title: f.title ?? "", initialComment: String(call.args.initial_comment ?? ""), bytes: await this.uploadedFile(f.id) });
      }
    }
    return out;
  }

  /** Declares a channel: posting to it needs the bot to be a member (private channels hide from the bot until it is invited). */
  addChannel(channel: { id: string; name: string; isPrivate?: boolean; botIsMember?: boolean; teamId?: string }): void {
    this.channels.set(channel.id, {
      id: channel.id,
      name: channel.name,
      isPrivate: Boolean(channel.isPrivate),
      botIsMember: Boolean(channel.botIsMember),
      ...(channel.teamId ? { teamId: channel.teamId } : {}),
    });
  }

  /** What a person's `/invite @mentoring-rounds` does: the bot becomes a member. */
  inviteBot(channelId: string): void {
    const c = this.channels.get(channelId);
    if (c) c.botIsMember = true;
  }

  botIsMemberOf(channelId: string): boolean {
    return this.channels.get(channelId)?.botIsMember ?? true;
  }

  allMessages(): PostedMessage[] {
    return [...this.messages.values()].flat();
  }

  /** Resolves once `predicate` holds, checking every 20 ms; rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`FakeSlack.waitFor timed out after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  conversationOf(channel: string): string {
    return /^[UW]/.test(channel) ? `D-${channel}` : channel;
  }

  /** A seeded PRNG (mulberry32) for the flaky answers. */
  private random(): number {
    if (this.flakySeed === 1 && this.flaky?.seed) this.flakySeed = this.flaky.seed;
    let t = (this.flakySeed = (this.flakySeed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(this.nowMs() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.url);
    if (url.pathname.startsWith("/response/")) {
      const id = url.pathname.slice("/response/".length);
      const body = JSON.parse(raw.toString() || "{}") as Record<string, unknown>;
      const refusal = checkBlockKit("response_url", body);
      if (refusal) {
        // A response_url answers a refused message with HTTP 400 and the error code as plain text.
        this.recordRefusal({ method: "response_url", ...refusal, args: { response_id: id, ...body } });
        res.writeHead(400, { "content-type": "text/plain" });
        return void res.end(refusal.error);
      }
      this.responses.push({ id, body });
      this.applyResponse(this.responseOrigins.get(id), body);
      this.feed.emit("response", { id, body });
      return send(res, 200, { ok: true });
    }
    if (url.pathname === "/_stats") {
      return send(res, 200, { responses: this.responses.length, calls: this.calls.length, messages: this.allMessages().length, refused: this.refused.length });
    }
    if (url.pathname.startsWith("/upload/")) {
      this.uploads.set(url.pathname.slice("/upload/".length), raw);
      this.uploadTypes.set(url.pathname.slice("/upload/".length), String(req.headers["content-type"] ?? ""));
      return send(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith("/api/")) return send(res, 404, { ok: false, error: "unknown_path" });
    const method = url.pathname.slice("/api/".length);
    const args = parseArgs(req.headers["content-type"] ?? "", raw);
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : typeof args.token === "string" ? args.token : null;
    const call: RecordedCall = { method, args, token, at: Date.now() };
    this.calls.push(call);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));

    if (method === "chat.postMessage" && this.flaky) {
      const f = this.flaky;
      await new Promise((r) => setTimeout(r, f.minMs + this.random() * (f.maxMs - f.minMs)));
      if (f.rateLimitedOneIn && this.random() * f.rateLimitedOneIn < 1) {
        this.flakyAnswers.rateLimited += 1;
        res.setHeader("Retry-After", "1");
        return send(res, 429, { ok: false, error: "ratelimited" });
      }
      if (f.internalErrorOneIn && this.random() * f.internalErrorOneIn < 1) {
        this.flakyAnswers.internalError += 1;
        if (this.random() < 0.5 && !this.refusalOf(method, args, call.at)) this.answer(method, args);
        return send(res, 200, { ok: false, error: "internal_error" });
      }
    }
    const failure = this.takeFailure(method);
    if (failure) {
      if (failure.status === 429) {
        res.setHeader("Retry-After", String(failure.retryAfter ?? 1));
        return send(res, 429, { ok: false, error: "ratelimited" });
      }
      if (failure.status && failure.status >= 500) return send(res, failure.status, { ok: false, error: "internal_error" });
      return send(res, 200, { ok: false, error: failure.error ?? "fatal_error" });
    }
    if (method === "oauth.v2.access") {
      const basic = auth?.startsWith("Basic ") ? auth.slice(6) : null;
      return send(res, 200, this.tenants.exchange(args, basic));
    }
    if (!token?.startsWith("xoxb-")) return send(res, 200, { ok: false, error: "not_authed" });
    if (this.tenants.active) {
      // A token reaches only its own tenant's people and channels, as in Slack.
      const error = this.tenants.refusal(token, method, args, (id) => this.users.get(id), (id) => this.channels.get(id));
      if (error) {
        call.refusal = this.recordRefusal({ method, error, messages: [`the token of another tenant (or a revoked one) was used for ${method}`], args });
        return send(res, 200, { ok: false, error });
      }
    }
    const refusal = this.refusalOf(method, args, call.at);
    if (refusal) {
      call.refusal = this.recordRefusal({ method, ...refusal, args });
      return send(res, 200, refusalAnswer(method, refusal));
    }
    if ((method === "views.open" || method === "views.push") && typeof args.trigger_id === "string") this.spentTriggers.add(args.trigger_id);
    const answer = this.answer(method, args, token);
    call.answer = answer as Record<string, unknown>;
    send(res, 200, answer);
    this.feed.emit("call", { call, answer });
  }

  /**
   * What a response_url reply does in the conversation it came from, as in Slack: delete_original
   * removes the message the button was on, replace_original replaces it, in_channel posts for
   * everyone, anything else is an ephemeral message to the person. Without a known origin, nothing.
   */
  private applyResponse(origin: ResponseOrigin | undefined, body: Record<string, unknown>): void {
    if (!origin) return;
    const content = { ...(body.text !== undefined ? { text: String(body.text) } : {}), ...(body.blocks !== undefined ? { blocks: body.blocks } : {}) };
    const list = origin.ephemeral ? this.ephemerals : (this.messages.get(origin.channel) ?? []);
    const i = origin.ts ? list.findIndex((m) => m.ts === origin.ts && m.channel === origin.channel) : -1;
    if ((body.delete_original === true || body.delete_original === "true") && i >= 0) {
      list.splice(i, 1);
      return;
    }
    if ((body.replace_original === true || body.replace_original === "true") && i >= 0) {
      const m = list[i]!;
      delete m.blocks;
      Object.assign(m, content, origin.ephemeral ? {} : { edited: true });
      return;
    }
    if (body.response_type === "in_channel") {
      const message: PostedMessage = { channel: origin.channel, ts: this.nextTs(), user: this.botUserId, ...content };
      this.messages.set(origin.channel, [...(this.messages.get(origin.channel) ?? []), message]);
      return;
    }
    this.ephemerals.push({ channel: origin.channel, user: origin.user, ts: this.nextTs(), ...content });
  }

  /** How Slack would refuse this call, or null: a spent or stale trigger, or a message or view Block Kit refuses. */
  private refusalOf(method: string, args: Record<string, unknown>, at: number): BlockKitRefusal | { error: string; messages: string[] } | null {
    switch (method) {
      case "chat.postMessage":
      case "chat.update":
        return checkBlockKit("message", args);
      case "chat.postEphemeral":
        return checkBlockKit("ephemeral", args);
      case "views.open":
      case "views.push":
        return this.triggerRefusal(args.trigger_id, at) ?? checkBlockKit("modal", args.view);
      case "views.update": {
        const view = args.view as { type?: unknown } | undefined;
        return checkBlockKit(view?.type === "home" ? "home" : "modal", args.view);
      }
      case "views.publish":
        return checkBlockKit("home", args.view);
      default:
        return null;
    }
  }

  /**
   * Slack lets one views.open or views.push use a trigger_id, within 3 seconds of the interaction that
   * issued it (docs.slack.dev/interactivity: "they expire in three seconds", "can be used only once").
   */
  private triggerRefusal(triggerId: unknown, at: number): { error: string; messages: string[] } | null {
    if (typeof triggerId !== "string" || triggerId === "") return { error: "invalid_arguments", messages: ["invalid `trigger_id`"] };
    const issuedAt = triggerIssuedAt(triggerId);
    if (issuedAt === null) return { error: "invalid_trigger_id", messages: [] };
    if (this.spentTriggers.has(triggerId)) return { error: "exchanged_trigger_id", messages: [] };
    if (at - issuedAt > TRIGGER_LIFETIME_MS) return { error: "expired_trigger_id", messages: [`the trigger was used ${at - issuedAt} ms after it was issued`] };
    return null;
  }

  private takeFailure(method: string): Failure | null {
    const list = this.failures.get(method);
    const first = list?.[0];
    if (!first) return null;
    first.times -= 1;
    if (first.times <= 0) list.shift();
    return first;
  }

  private answer(method: string, args: Record<string, unknown>, token: string | null = null): Record<string, unknown> {
    switch (method) {
      case "auth.test": {
        const tenant = token && this.tenants.active ? this.tenants.whoAmI(token) : null;
        return { ok: true, url: "https://fake.slack.test/", team: "Fake", user: this.botName, team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId, ...tenant };
      }
      case "users.info": {
        const user = this.users.get(String(args.user));
        return user ? { ok: true, user: slackUser(user, this.tenants.orgOf(user.teamId)) } : { ok: false, error: "user_not_found" };
      }
      case "users.lookupByEmail": {
        const email = String(args.email).toLowerCase();
        const user = [...this.users.values()].find((u) => u.email?.toLowerCase() === email && (!token || this.tenants.sees(token, u)));
        return user ? { ok: true, user: slackUser(user, this.tenants.orgOf(user.teamId)) } : { ok: false, error: "users_not_found" };
      }
      case "conversations.open": {
        const users = String(args.users ?? "").split(",").filter(Boolean);
        // As Slack: a group DM needs someone to open it with, and holds at most 8 people besides the bot.
        if (users.length === 0 && !args.channel) return { ok: false, error: "users_list_not_supplied" };
        if (users.length > 8) return { ok: false, error: "too_many_users" };
        const id = users.length === 1 ? `D-${users[0]}` : `G-${[...users].sort().join("-")}`;
        return { ok: true, channel: { id } };
      }
      case "conversations.history": {
        const list = this.messages.get(String(args.channel)) ?? [];
        const oldest = Number(args.oldest ?? 0);
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === "true";
        const messages = list
          .filter((m) => Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({ type: "message", user: m.user, text: m.text, ts: m.ts, ...(withMeta && m.metadata ? { metadata: m.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case "conversations.join": {
        const c = this.channels.get(String(args.channel));
        if (c?.isPrivate) return { ok: false, error: c.botIsMember ? "method_not_supported_for_channel_type" : "channel_not_found" };
        if (c) c.botIsMember = true;
        return { ok: true, channel: { id: args.channel } };
      }
      case "conversations.info": {
        const c = this.channels.get(String(args.channel));
        if (!c) return { ok: true, channel: { id: args.channel, name: String(args.channel).toLowerCase(), is_private: false, is_member: true } };
        if (c.isPrivate && !c.botIsMember) return { ok: false, error: "channel_not_found" };
        return { ok: true, channel: { id: c.id, name: c.name, is_private: c.isPrivate, is_member: c.botIsMember } };
      }
      case "chat.postMessage": {
        const channel = this.conversationOf(String(args.channel));
        if (!args.text && !args.blocks) return { ok: false, error: "no_text" };
        const declared = this.channels.get(channel);
        if (declared && !declared.botIsMember) return { ok: false, error: declared.isPrivate ? "channel_not_found" : "not_in_channel" };
        const message: PostedMessage = {
          channel,
          ts: this.nextTs(),
          user: this.botUserId,
          ...(args.text !== undefined ? { text: String(args.text) } : {}),
          ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
          ...(args.metadata ? { metadata: args.metadata as PostedMessage["metadata"] } : {}),
        };
        this.messages.set(channel, [...(this.messages.get(channel) ?? []), message]);
        return { ok: true, channel, ts: message.ts, message };
      }
      case "chat.postEphemeral": {
        const ts = this.nextTs();
        this.ephemerals.push({ channel: this.conversationOf(String(args.channel)), user: String(args.user), ts, ...(args.text !== undefined ? { text: String(args.text) } : {}), ...(args.blocks !== undefined ? { blocks: args.blocks } : {}) });
        return { ok: true, message_ts: ts };
      }
      case "chat.update": {
        const channel = String(args.channel);
        const list = this.messages.get(channel) ?? [];
        const m = list.find((x) => x.ts === args.ts);
        if (!m) return { ok: false, error: "message_not_found" };
        if (args.text !== undefined) m.text = String(args.text);
        if (args.blocks !== undefined) m.blocks = args.blocks;
        m.edited = true;
        return { ok: true, channel, ts: m.ts };
      }
      case "views.update":
        // The view keeps its id (Slack updates the view it names).
        return { ok: true, view: { id: typeof args.view_id === "string" && args.view_id ? args.view_id : `V${this.nextTs().replace(".", "")}`, ...(args.view as object) } };
      case "views.open":
      case "views.push":
      case "views.publish":
        return { ok: true, view: { id: `V${this.nextTs().replace(".", "")}`, ...(args.view as object) } };
      case "files.getUploadURLExternal": {
        const id = `F${this.nextTs().replace(".", "")}`;
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const files = (args.files as { id: string; title?: string }[] | undefined) ?? [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? "" })) };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}

/** Slack's answer to a refused call: chat.* methods also list the lines under `errors`. */
function refusalAnswer(method: string, refusal: { error: string; messages: string[] }): Record<string, unknown> {
  return {
    ok: false,
    error: refusal.error,
    ...(method.startsWith("chat.") && refusal.messages.length ? { errors: refusal.messages } : {}),
    ...(refusal.messages.length ? { response_metadata: { messages: refusal.messages.map((m) => `[ERROR] ${m}`) } } : {}),
  };
}

/** A refusal as a person reads it in a failed test: what was refused, Slack's error and its lines. */
export function describeRefusal(r: Refusal): string {
  const what = r.method === "views.open" || r.method === "views.push" || r.method === "views.update" || r.method === "views.publish"
    ? ` (callback_id ${JSON.stringify((r.args.view as { callback_id?: unknown } | undefined)?.callback_id ?? null)})`
    : "";
  return [`Slack would refuse ${r.method}${what}: ${r.error}`, ...r.messages.map((m) => `  ${m}`)].join("\n");
}
