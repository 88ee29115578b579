/** What the Slack stand-in keeps: its people, the calls it received, what it refused, the messages it holds. */

export interface FakeUser {
  id: string;
  teamId: string;
  name: string;
  realName?: string;
  email?: string;
  tz?: string;
  /** A workspace admin or owner (users.info `is_admin`, `is_owner`). */
  isAdmin?: boolean;
  isOwner?: boolean;
  /** An admin or owner of the Grid org the workspace belongs to (users.info `enterprise_user`). */
  orgAdmin?: boolean;
  orgOwner?: boolean;
  deleted?: boolean;
}

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  at: number;
  /** Set when the stand-in refused the call as Slack would (an invalid view or message, a spent trigger). */
  refusal?: Refusal;
  /** What the stand-in answered an accepted call (e.g. views.open's view, with its id). */
  answer?: Record<string, unknown>;
}

/** Something Slack would have refused: a Web API call, a response_url reply, or an answer the app gave in an ack. */
export interface Refusal {
  /** The Web API method, "response_url", or what the driver checked ("view_submission ack", "slash command ack"). */
  method: string;
  error: string;
  /** Slack's response_metadata.messages lines, without the "[ERROR] " prefix. */
  messages: string[];
  args: Record<string, unknown>;
  at: number;
  /** The test said it would happen (expectRefusal). */
  expected: boolean;
}

/** A refusal a test says it provokes on purpose: by method, and optionally by error code. */
export interface ExpectedRefusal {
  method: string;
  error?: string;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  user: string;
  /** chat.update or a response_url reply replaced it. */
  edited?: boolean;
}

/** A message only one person sees (chat.postEphemeral, or a response_url reply not sent in_channel). */
export interface EphemeralMessage {
  channel: string;
  /** Who sees it. */
  user: string;
  ts: string;
  text?: string;
  blocks?: unknown;
}

/**
 * Where a response_url came from, when the caller says (as Slack knows): who clicked or typed, in
 * which conversation, and on which message (a message or an ephemeral one), so replies can replace
 * or delete it as Slack does.
 */
export interface ResponseOrigin {
  user: string;
  channel: string;
  /** The message the button was on. */
  ts?: string;
  ephemeral?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  botIsMember: boolean;
  /** The workspace the channel is in, when many are served (tenants.ts). */
  teamId?: string;
}

/**
 * A slow, sometimes failing chat.postMessage: each post waits between minMs and maxMs; about one in
 * `rateLimitedOneIn` is answered 429 (Retry-After 1, nothing posted); about one in
 * `internalErrorOneIn` is answered internal_error, and half of those were posted all the same (as
 * Slack warns), so only a look in the conversation tells. Seeded, so a run repeats.
 */
export interface Flaky {
  minMs: number;
  maxMs: number;
  rateLimitedOneIn?: number;
  internalErrorOneIn?: number;
  seed?: number;
}

export interface Failure {
  status?: number;
  retryAfter?: number;
  error?: string;
  times: number;
}
