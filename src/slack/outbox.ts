import { randomUUID } from "node:crypto";
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Db } from "../store/database.js";
import { claim, confirmClaim, defer, dueCandidates, holdClaimed, markFailed, markSent, reschedule, type Candidate, type Claim, type OutboxRow } from "../store/outbox.js";
import { conversationBusy, reserveConversation, reserveWorkspaceMoment, workspacesBookedBeyond } from "../store/outboxPace.js";
import { openIntroduction } from "./outboxIntro.js";
import { messageOf } from "./outboxRender.js";
import type { SlackClients } from "./tenancy/clients.js";
import { NotInstalled } from "./tenancy/installationStore.js";

/** Answers that mean the workspace's token is dead (uninstalled, revoked): in distributed mode the row is held for a re-install. */
const DEAD_TOKEN_ERRORS = new Set(["token_revoked", "invalid_auth", "account_inactive", "not_authed", "team_not_found"]);

/** Slack answers (ok: false) after which the message may still have been posted, per Slack's docs. */
const MAYBE_DONE_ERRORS = new Set(["fatal_error", "internal_error", "request_timeout", "service_unavailable"]);

/** Slack answers that no retry can fix: the row is marked FAILED and logged. */
const PERMANENT_ERRORS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "user_disabled",
  "account_inactive",
  "cannot_dm_bot",
  "invalid_blocks",
  "invalid_blocks_format",
  "invalid_metadata_format",
  "msg_too_long",
  "no_text",
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "missing_scope",
  // conversations.open, for an introduction's group DM
  "users_list_not_supplied",
  "not_enough_users",
  "too_many_users",
]);

export const METADATA_EVENT_TYPE = "rounds_outbox";

export interface OutboxOptions {
  db: Db;
  /** Each workspace's client; one that does not retry on its own (rejectRateLimitedCalls, retries: 0): the outbox retries. */
  clients: SlackClients;
  logger: Logger;
  /** Sends a second per workspace, across every instance sharing the database. */
  ratePerSecond: number;
  /**
   * A row claimed longer ago than this is taken to be from a stopped worker and is recovered. A
   * claim is taken when its send starts, so this only has to outlast one Slack call (the client's
   * timeout must be shorter), never a batch.
   */
  reclaimAfterMs: number;
  now?: () => Date;
  maxAttempts?: number;
  /** Due rows read per look. */
  batchSize?: number;
  /** Sends this instance has in flight at once, each at its own paced moment (Slack may take seconds to answer one). */
  concurrency?: number;
  /** Renders the App Home of a person, for the HOME rows (Home refreshes); rendered at send time. */
  renderHome?: (workspaceId: string, slackUserId: string) => Promise<Record<string, unknown>>;
  /** Features that follow their own messages (e.g. announcements record where they were posted). */
  listeners?: OutboxListener[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Told what became of the rows whose key starts with `prefix`, after the row is marked. A listener
 * that throws is logged; the row's outcome stands.
 */
export interface OutboxListener {
  prefix: string;
  sent?(row: OutboxRow, posted: { channel: string; ts: string }, client: WebClient): Promise<void>;
  /** Slack refused the row for good (a PERMANENT_ERRORS answer such as not_in_channel). */
  refused?(row: OutboxRow, slackError: string, client: WebClient): Promise<void>;
}

type Outcome = "sent" | "already-sent" | "deferred" | "retry" | "failed" | "held";
type Tally = Record<Outcome, number>;

/** The pacing lane of a row: its conversation (for an introduction, its people), or for a Home refresh the person's Home. */
const laneOf = (row: OutboxRow) => (row.kind === "HOME" ? `home:${row.channel}` : row.channel);

/**
 * Delivers queued Slack messages, introductions (a group DM opened, then a message posted in it)
 * and Home refreshes, from any number of instances sharing one database. Each row is claimed,
 * atomically, at the moment its send starts (never in batches), and only the holder of a claim
 * records the outcome; after slow work (opening a group DM, looking in a conversation, rendering a
 * Home) the holder confirms its claim is still its own before sending. A row is
 * marked SENT after, so it is posted once; the message carries the row's key in its metadata, so a
 * row left mid-send by a crash, or whose send ended without an answer (timeout, 5xx), is looked up
 * in the conversation's history and only re-sent if it never arrived. Rows merely waiting their
 * turn are never claimed, so after a crash they go out at once from any instance.
 *
 * Pacing is shared through the database (src/store/outboxPace.ts): each send reserves the
 * workspace's next moment (the rate) and its conversation's next second. 429s wait for
 * Retry-After; 5xx and network errors back off; permanent errors stop the row.
 */
export class OutboxWorker {
  readonly id = `outbox-${randomUUID().slice(0, 8)}`;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private readonly idleSenders = new Set<() => void>();
  private readonly dmChannels = new Map<string, string>();
  /** Rows this instance's senders are working on (so two of its own senders never reach for one). */
  private readonly working = new Set<string>();

  constructor(private readonly o: OutboxOptions) {
    this.now = o.now ?? (() => new Date());
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.maxAttempts = o.maxAttempts ?? 8;
    this.batchSize = o.batchSize ?? 20;
    this.concurrency = Math.max(1, o.concurrency ?? 1);
  }

  /** Sends everything due now (with `concurrency` sends in flight); returns how each row ended. */
  async drain(): Promise<Tally> {
    const tally: Tally = { sent: 0, "already-sent": 0, deferred: 0, retry: 0, failed: 0, held: 0 };
    const sender = async () => {
      while (!this.stopping && (await this.step(tally)));
    };
    await Promise.all(Array.from({ length: this.concurrency }, sender));
    return tally;
  }

  /**
   * Runs `concurrency` senders until stop(): each sends whatever it can take, and when there is
   * nothing waits for a kick() (something was queued) or `pollMs`.
   */
  start(pollMs = 1000): void {
    if (this.loop) return;
    const tally: Tally = { sent: 0, "already-sent": 0, deferred: 0, retry: 0, failed: 0, held: 0 };
    const sender = async () => {
      while (!this.stopping) {
        let worked = false;
        try {
          worked = await this.step(tally);
        } catch (error) {
          this.o.logger.error({ err: error }, "outbox: delivery pass failed; will retry");
        }
        if (!worked && !this.stopping) await this.idle(pollMs);
      }
    };
    this.loop = Promise.all(Array.from({ length: this.concurrency }, sender)).then(() => undefined);
  }

  /** Asks the idle senders to look for work now (after something was queued). */
  kick(): void {
    for (const wake of [...this.idleSenders]) wake();
  }

  /** Stops taking new rows; resolves when the sends in flight are done. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.kick();
    await this.loop;
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.idleSenders.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.idleSenders.add(wake);
    });
  }

  /**
   * One sender's turn: finds a due row whose conversation is free, reserves the paced moment for
   * it, waits for that moment, then claims and sends it. False when there is nothing to do now.
   */
  private async step(tally: Tally): Promise<boolean> {
    const now = this.now();
    // Workspaces already booked more than two sends ahead are left to the senders waiting on them:
    // this sender takes another workspace's rows, so one busy workspace never starves the others.
    // With nothing else to send, it waits its turn in a booked workspace after all.
    const booked = await workspacesBookedBeyond(this.o.db, new Date(now.getTime() + 2000 / this.o.ratePerSecond));
    const staleBefore = new Date(now.getTime() - this.o.reclaimAfterMs);
    let due = await dueCandidates(this.o.db, now, staleBefore, this.batchSize, booked);
    if (due.length === 0 && booked.length > 0) due = await dueCandidates(this.o.db, now, staleBefore, this.batchSize);
    const candidates = due.filter(
      (c) => !this.working.has(c.row.id),
    );
    const moments = new Map<string, Date>();
    let moved = false;
    for (const c of candidates) {
      if (this.stopping) return false;
      if (this.working.has(c.row.id)) continue;
      const ws = c.row.workspaceId;
      // A busy conversation is seen before a workspace moment is spent on it.
      const busy = await conversationBusy(this.o.db, ws, laneOf(c.row), this.now());
      const lane = busy
        ? ({ ok: false, ...busy } as const)
        : await (async () => {
            const at = moments.get(ws) ?? (await reserveWorkspaceMoment(this.o.db, ws, this.now(), 1000 / this.o.ratePerSecond));
            moments.set(ws, at);
            return reserveConversation(this.o.db, ws, laneOf(c.row), at, c.row.id);
          })();
      if (!lane.ok) {
        // Held for this very row: another sender is about to send it. Otherwise the row waits for
        // its conversation's next second without holding up the others (uncounted).
        if (lane.heldFor !== c.row.id && (await defer(this.o.db, c, lane.freeAt))) {
          tally.deferred += 1;
          moved = true;
        }
        continue;
      }
      const at = moments.get(ws)!;
      moments.delete(ws);
      this.working.add(c.row.id);
      try {
        const wait = at.getTime() - this.now().getTime();
        if (wait > 0) await this.sleep(wait);
        const outcome = await this.deliver(c);
        if (outcome) tally[outcome] += 1;
      } finally {
        this.working.delete(c.row.id);
      }
      return true;
    }
    return moved;
  }

  private async deliver(c: Candidate): Promise<Outcome | null> {
    const held = await claim(this.o.db, c, this.id, this.now());
    if (!held) return null; // another worker took it first
    const { row } = held;
    const log = this.o.logger.child({ outbox: row.key, workspace: row.workspaceId });
    let client: WebClient;
    try {
      client = await this.o.clients.forTenant(row.workspaceId);
    } catch (error) {
      if (!(error instanceof NotInstalled)) return this.handleFailure(held, error, log, null);
      log.info("outbox: the workspace has no live installation; the message is held until Rounds is installed again");
      await holdClaimed(this.o.db, held, this.id, this.now(), "not_installed");
      return "held";
    }
    try {
      if (row.kind === "HOME") return await this.publishHome(held, client, log);
      // An introduction first opens its group DM (the same one every time) and records it; then it is a message like any other.
      const channel = row.kind === "INTRO" ? await openIntroduction(this.o.db, client, row) : row.channel;
      if (row.kind === "INTRO" && !held.wasInFlight && !(await confirmClaim(this.o.db, held, this.id, this.now()))) {
        log.info("outbox: another worker took this introduction over while its group DM was opened; leaving it to them");
        return null;
      }
      if (held.wasInFlight) {
        const found = await this.findPosted(client, row, channel);
        if (found) {
          if (await markSent(this.o.db, held, this.id, found, this.now())) {
            await this.tellListeners(row, (l) => l.sent?.(row, found, client));
            log.info("outbox: message was already posted before a crash; not sending again");
          }
          return "already-sent";
        }
        if (!(await confirmClaim(this.o.db, held, this.id, this.now()))) {
          log.info("outbox: another worker took this message over while its conversation was checked; leaving it to them");
          return null;
        }
      }
      const result = await client.chat.postMessage({
        ...(messageOf(row) as { text: string }),
        channel,
        metadata: { event_type: METADATA_EVENT_TYPE, event_payload: { key: row.key } },
      });
      const posted = { channel: String(result.channel), ts: String(result.ts) };
      if (await markSent(this.o.db, held, this.id, posted, this.now())) {
        await this.tellListeners(row, (l) => l.sent?.(row, posted, client));
      } else {
        // Slack took longer than the reclaim window: the new holder finds this post in the conversation.
        log.warn("outbox: posted, but another worker had taken the message over; it will find the post and not send it again");
      }
      return "sent";
    } catch (error) {
      return this.handleFailure(held, error, log, client);
    }
  }

  /** A Home refresh: rendered now (the state of this moment), published if the claim is still ours. views.publish is idempotent. */
  private async publishHome(held: Claim, client: WebClient, log: Logger): Promise<Outcome | null> {
    const { row } = held;
    if (!this.o.renderHome) {
      await markFailed(this.o.db, held, this.id, "no Home renderer in this worker");
      return "failed";
    }
    const view = await this.o.renderHome(row.workspaceId, row.channel);
    if (!(await confirmClaim(this.o.db, held, this.id, this.now()))) {
      log.info("outbox: a newer Home refresh or another worker took this one over");
      return null;
    }
    await client.views.publish({ user_id: row.channel, view: view as never });
    await markSent(this.o.db, held, this.id, null, this.now()); // false: re-armed meanwhile, so it goes out again
    return "sent";
  }

  /**
   * A message that came from a crash or an unanswered send and failed before it was checked stays
   * "maybe posted" whatever this failure was. A Home refresh is never "maybe posted": publishing
   * it again is harmless.
   */
  private async handleFailure(held: Claim, error: unknown, log: Logger, client: WebClient | null): Promise<Outcome> {
    const { row } = held;
    const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
    const now = this.now().getTime();
    const slackError = e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
    // A 429 or a plain refusal means Slack did not post; a timeout, a 5xx or a dropped connection does not say.
    const maybePosted =
      row.kind !== "HOME" &&
      (held.wasInFlight || !(e.code === ErrorCode.RateLimitedError || (slackError !== undefined && !MAYBE_DONE_ERRORS.has(slackError))));
    if (e.code === ErrorCode.RateLimitedError) {
      const waitMs = Math.max(1, e.retryAfter ?? 1) * 1000;
      log.warn({ retryAfterSeconds: waitMs / 1000 }, "outbox: rate limited by Slack; waiting as told");
      await reschedule(this.o.db, held, this.id, new Date(now + waitMs), "rate_limited", { countAttempt: false, maybePosted });
      return "retry";
    }
    if (slackError && DEAD_TOKEN_ERRORS.has(slackError) && this.o.clients.distributed) {
      log.info({ slackError }, "outbox: the workspace's token no longer works (uninstalled?); the message is held until Rounds is installed again");
      await holdClaimed(this.o.db, held, this.id, this.now(), slackError);
      return "held";
    }
    if (slackError && PERMANENT_ERRORS.has(slackError)) {
      log.error({ slackError }, "outbox: Slack refused the message; it will not be retried");
      if ((await markFailed(this.o.db, held, this.id, slackError)) && client) await this.tellListeners(row, (l) => l.refused?.(row, slackError, client));
      return "failed";
    }
    const reason = slackError ?? e.message ?? String(error);
    if (row.attempts >= this.maxAttempts) {
      log.error({ reason, attempts: row.attempts }, "outbox: giving up after repeated failures");
      await markFailed(this.o.db, held, this.id, reason);
      return "failed";
    }
    const backoffMs = Math.min(15 * 60_000, 2 ** row.attempts * 1000);
    log.warn({ reason, attempts: row.attempts, backoffMs }, "outbox: send failed; will retry");
    await reschedule(this.o.db, held, this.id, new Date(now + backoffMs), reason, { maybePosted });
    return "retry";
  }

  private async tellListeners(row: OutboxRow, call: (l: OutboxListener) => Promise<void> | undefined): Promise<void> {
    for (const l of this.o.listeners ?? []) {
      if (!row.key.startsWith(l.prefix)) continue;
      try {
        await call(l);
      } catch (error) {
        this.o.logger.error({ err: error, outbox: row.key }, "outbox: a listener failed; the message's outcome stands");
      }
    }
  }

  /**
   * Looks for this row's message in the channel, by the key in its metadata, from a minute before
   * the row was queued (nothing can have been posted earlier; the minute allows for clock skew).
   */
  private async findPosted(client: WebClient, row: OutboxRow, to: string): Promise<{ channel: string; ts: string } | null> {
    const channel = await this.conversationId(client, row.workspaceId, to);
    const oldest = Math.floor((row.createdAt.getTime() - 60_000) / 1000);
    let cursor: string | undefined;
    do {
      const page = await client.conversations.history({
        channel,
        oldest: String(Math.max(0, oldest)),
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const m of page.messages ?? []) {
        const meta = m.metadata as { event_type?: string; event_payload?: { key?: string } } | undefined;
        if (meta?.event_type === METADATA_EVENT_TYPE && meta.event_payload?.key === row.key && m.ts) {
          return { channel, ts: m.ts };
        }
      }
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return null;
  }

  /** A DM addressed to a user id lives in a D… conversation; history needs that id. */
  private async conversationId(client: WebClient, workspaceId: string, channel: string): Promise<string> {
    if (!/^[UW]/.test(channel)) return channel;
    const cached = this.dmChannels.get(`${workspaceId}:${channel}`);
    if (cached) return cached;
    const opened = await client.conversations.open({ users: channel });
    const id = opened.channel?.id;
    if (!id) throw new Error(`conversations.open gave no channel for ${channel}`);
    this.dmChannels.set(`${workspaceId}:${channel}`, id);
    return id;
  }
}
