import { randomUUID } from "node:crypto";
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Db } from "../store/database.js";
import { claimDue, markFailed, markSent, reschedule, type OutboxRow } from "../store/outbox.js";
import { Pacer } from "./pacer.js";

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
]);

export const METADATA_EVENT_TYPE = "rounds_outbox";

export interface OutboxOptions {
  db: Db;
  /** A client that does not retry on its own (rejectRateLimitedCalls, retries: 0): the outbox retries. */
  client: WebClient;
  logger: Logger;
  ratePerSecond: number;
  /** A row claimed longer ago than this is taken to be from a crashed worker and is recovered. */
  reclaimAfterMs: number;
  now?: () => Date;
  maxAttempts?: number;
  batchSize?: number;
  /** Features that follow their own messages (e.g. announcements record where they were posted). */
  listeners?: OutboxListener[];
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

type Outcome = "sent" | "already-sent" | "deferred" | "retry" | "failed";

/**
 * Delivers queued Slack messages. Each row is claimed before it is sent and marked SENT after, so
 * it is posted once; the message carries the row's key in its metadata, so a row left mid-send by
 * a crash, or whose send ended without an answer (timeout, 5xx), is looked up in the channel's
 * history and only re-sent if it never arrived. 429s wait for Retry-After; 5xx and network errors
 * back off; permanent errors stop the row.
 */
export class OutboxWorker {
  readonly id = `outbox-${randomUUID().slice(0, 8)}`;
  private readonly pacer: Pacer;
  private readonly now: () => Date;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly dmChannels = new Map<string, string>();

  constructor(private readonly o: OutboxOptions) {
    this.now = o.now ?? (() => new Date());
    this.pacer = new Pacer(o.ratePerSecond, () => this.now().getTime());
    this.maxAttempts = o.maxAttempts ?? 8;
    this.batchSize = o.batchSize ?? 50;
  }

  /** Sends everything due now; returns how each row ended. */
  async drain(): Promise<Record<Outcome, number>> {
    const tally: Record<Outcome, number> = { sent: 0, "already-sent": 0, deferred: 0, retry: 0, failed: 0 };
    while (!this.stopping) {
      const now = this.now();
      const batch = await claimDue(this.o.db, this.id, now, new Date(now.getTime() - this.o.reclaimAfterMs), this.batchSize);
      if (batch.length === 0) break;
      for (const { row, wasInFlight } of batch) {
        tally[await this.deliver(row, wasInFlight)] += 1;
      }
    }
    return tally;
  }

  start(pollMs = 1000): void {
    if (this.loop) return;
    this.loop = (async () => {
      while (!this.stopping) {
        try {
          await this.drain();
        } catch (error) {
          this.o.logger.error({ err: error }, "outbox: delivery pass failed; will retry");
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    })();
  }

  /** Asks the loop to look for work now (after something was queued). */
  kick(): void {
    this.wake?.();
  }

  /** Stops taking new rows; resolves when the message being sent (if any) is done. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async deliver(row: OutboxRow, wasInFlight: boolean): Promise<Outcome> {
    const log = this.o.logger.child({ outbox: row.key, workspace: row.workspaceId });
    try {
      if (wasInFlight) {
        const found = await this.findPosted(row);
        if (found) {
          await markSent(this.o.db, row.id, found.channel, found.ts, this.now());
          await this.tellListeners(row, (l) => l.sent?.(row, found, this.o.client));
          log.info("outbox: message was already posted before a crash; not sending again");
          return "already-sent";
        }
      }
      // A conversation that just had a message waits its second without holding up the others:
      // the row goes back to the queue for that moment, uncounted, and the worker moves on.
      const busyMs = this.pacer.channelBusyFor(row.channel);
      if (busyMs > 0) {
        await reschedule(this.o.db, row.id, new Date(this.now().getTime() + busyMs), "paced: one message a second per conversation", { countAttempt: false });
        return "deferred";
      }
      await this.pacer.wait(row.channel);
      const result = await this.o.client.chat.postMessage({
        ...(row.payload as { text: string }),
        channel: row.channel,
        metadata: { event_type: METADATA_EVENT_TYPE, event_payload: { key: row.key } },
      });
      await markSent(this.o.db, row.id, String(result.channel), String(result.ts), this.now());
      await this.tellListeners(row, (l) => l.sent?.(row, { channel: String(result.channel), ts: String(result.ts) }, this.o.client));
      return "sent";
    } catch (error) {
      return this.handleFailure(row, error, log, wasInFlight);
    }
  }

  /**
   * `wasInFlight`: the row came from a crash or an unanswered send and the failure may have come
   * before the channel was checked, so it stays "maybe posted" whatever this failure was.
   */
  private async handleFailure(row: OutboxRow, error: unknown, log: Logger, wasInFlight: boolean): Promise<Outcome> {
    const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
    const now = this.now().getTime();
    const slackError = e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
    // A 429 or a plain refusal means Slack did not post; a timeout, a 5xx or a dropped connection does not say.
    const maybePosted =
      wasInFlight || !(e.code === ErrorCode.RateLimitedError || (slackError !== undefined && !MAYBE_DONE_ERRORS.has(slackError)));
    if (e.code === ErrorCode.RateLimitedError) {
      const waitMs = Math.max(1, e.retryAfter ?? 1) * 1000;
      log.warn({ retryAfterSeconds: waitMs / 1000 }, "outbox: rate limited by Slack; waiting as told");
      await reschedule(this.o.db, row.id, new Date(now + waitMs), "rate_limited", { countAttempt: false, maybePosted });
      return "retry";
    }
    if (slackError && PERMANENT_ERRORS.has(slackError)) {
      log.error({ slackError }, "outbox: Slack refused the message; it will not be retried");
      await markFailed(this.o.db, row.id, slackError);
      await this.tellListeners(row, (l) => l.refused?.(row, slackError, this.o.client));
      return "failed";
    }
    const reason = slackError ?? e.message ?? String(error);
    if (row.attempts >= this.maxAttempts) {
      log.error({ reason, attempts: row.attempts }, "outbox: giving up after repeated failures");
      await markFailed(this.o.db, row.id, reason);
      return "failed";
    }
    const backoffMs = Math.min(15 * 60_000, 2 ** row.attempts * 1000);
    log.warn({ reason, attempts: row.attempts, backoffMs }, "outbox: send failed; will retry");
    await reschedule(this.o.db, row.id, new Date(now + backoffMs), reason, { maybePosted });
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
  private async findPosted(row: OutboxRow): Promise<{ channel: string; ts: string } | null> {
    const channel = await this.conversationId(row.channel);
    const oldest = Math.floor((row.createdAt.getTime() - 60_000) / 1000);
    let cursor: string | undefined;
    do {
      const page = await this.o.client.conversations.history({
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
  private async conversationId(channel: string): Promise<string> {
    if (!/^[UW]/.test(channel)) return channel;
    const cached = this.dmChannels.get(channel);
    if (cached) return cached;
    const opened = await this.o.client.conversations.open({ users: channel });
    const id = opened.channel?.id;
    if (!id) throw new Error(`conversations.open gave no channel for ${channel}`);
    this.dmChannels.set(channel, id);
    return id;
  }
}
