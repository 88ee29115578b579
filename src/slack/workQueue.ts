import type { Logger } from "pino";
import { reportFailure } from "./failureReport.js";

/** What to do when a piece of work fails: who it was for (logged), and how to tell them. */
export interface AfterAckFailure {
  fields?: Record<string, unknown>;
  tell?: (text: string) => Promise<unknown>;
}

/** Waiting pieces of work beyond which new commands are turned away at once rather than queued. */
const MAX_WAITING = 100;

/**
 * Work that follows an ack(). Listeners acknowledge Slack at once and hand the slow part here; a
 * bounded number run at a time, so a burst of commands cannot starve the event loop that answers
 * the next ack. Shutdown waits for what is queued or running (bounded by the caller).
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => Promise<void>)[] = [];
  private idle: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {}

  /**
   * Queues `work`. If it throws, the failure is logged at the level it deserves (a refusal at info,
   * a fault at error; errorText.ts logFailure) with `onFailure.fields`, and `onFailure.tell` is
   * given the words for the person; telling them may fail, but never throws here.
   */
  run(label: string, work: () => Promise<void>, onFailure: AfterAckFailure = {}): void {
    this.waiting.push(async () => {
      try {
        await work();
      } catch (error) {
        await reportFailure(this.logger, error, { work: label, ...onFailure.fields }, label, onFailure.tell);
      }
    });
    this.pump();
  }

  /** True when so much is waiting that new work would only be done minutes from now. */
  get backlogged(): boolean {
    return this.waiting.length >= MAX_WAITING;
  }

  get pending(): number {
    return this.running + this.waiting.length;
  }

  /** Resolves when nothing is queued or running, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.pending === 0) return;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.push(resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.running += 1;
      // Start each piece in a macrotask of its own: with a synchronous driver (SQLite) a piece of
      // work may run to its end without yielding, so waiting requests get their turn first.
      void new Promise<void>((resolve) => setImmediate(resolve)).then(next).finally(() => {
        this.running -= 1;
        if (this.pending === 0) {
          const waiters = this.idle;
          this.idle = [];
          for (const resolve of waiters) resolve();
        }
        this.pump();
      });
    }
  }
}
