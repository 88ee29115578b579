import { Piscina } from "piscina";
import type { Logger } from "pino";
import type { MentorSearch } from "../features/findmentor/findMentor.js";
import { SearchBusy } from "../domain/errors.js";
import { revivedError, type SearchReply, type SearchRequest, type WarmedMessage } from "./searchMessages.js";
import { poolCache } from "../metrics/poolCache.js";
import { busyAnswers } from "../metrics/slack.js";

const WORKER_FILE = new URL("./mentorSearchWorker.js", import.meta.url).href;
/** Searches one worker runs at once: each mostly waits on its database, so a few overlap well. */
const SEARCHES_PER_WORKER = 8;
/** Searches that may wait for a worker, per worker; beyond that a search is refused as busy, not queued without end. */
const WAITING_PER_WORKER = 100;

/**
 * Worker threads (piscina) that run /findmentor searches (features/findmentor/findMentor.ts searchMentors),
 * each with its own database connection and mentor-pool cache, so ranking thousands of mentors
 * never holds up the thread that acknowledges Slack. The queue is bounded: a search beyond it is
 * refused with SearchBusy. A worker that dies fails its searches and piscina starts another. A
 * domain error thrown in a worker arrives here as the same class, with its fields.
 */
export class MentorSearchPool {
  private readonly pool: Piscina<SearchRequest, SearchReply>;
  private readonly allWarm: Promise<void>;

  constructor(databaseUrl: string, size: number, logger: Logger) {
    this.pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: size,
      maxThreads: size,
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: SEARCHES_PER_WORKER,
      maxQueue: size * WAITING_PER_WORKER,
      workerData: { databaseUrl },
      // Piscina's default ("sync") parks an idle worker in Atomics.wait, which stops its event loop:
      // its start-up pool load (and its database connections' own events) would wait for a first task.
      atomics: "disabled",
    });
    this.pool.on("error", (error: unknown) => logger.error({ err: error }, "a mentor-search worker failed"));
    let warm = 0;
    this.allWarm = new Promise((resolve) =>
      this.pool.on("message", (message: WarmedMessage) => {
        if (message.warmed) logger.info({ workspaces: message.workspaces, ms: Math.round(message.ms) }, "a mentor-search worker loaded the mentor pools");
        else logger.warn({ err: message.error, ms: Math.round(message.ms) }, "a mentor-search worker could not load the mentor pools at start; its first search will");
        if (++warm >= size) resolve();
      }),
    );
  }

  /**
   * Resolves once every worker started with the pool has loaded the mentor pools (or failed to, or
   * after `timeoutMs`), so the first search does not wait for a load. Resolves with whether all did in time.
   */
  async warmed(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.allWarm.then(() => true as const), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  readonly search: MentorSearch = {
    mentors: (...args) => this.ask({ op: "mentors", args }) as ReturnType<MentorSearch["mentors"]>,
    coMentors: (...args) => this.ask({ op: "coMentors", args }) as ReturnType<MentorSearch["coMentors"]>,
  };

  private async ask(request: SearchRequest): Promise<unknown> {
    if (this.pool.queueSize >= this.pool.options.maxQueue) {
      busyAnswers.inc({ queue: "search" });
      throw new SearchBusy();
    }
    const reply = await this.pool.run(request);
    if (reply.poolCache) poolCache.add(reply.poolCache);
    if ("error" in reply) throw revivedError(reply.error);
    return reply.result;
  }

  /** Lets running searches finish, then stops the workers. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /** The worker threads (for tests that kill one). */
  get threads() {
    return this.pool.threads;
  }
}
