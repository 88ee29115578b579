import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { MentorSearch } from "../services/findMentor.js";
import { poolCache, type PoolCacheTally } from "../metrics/poolCache.js";

type Op = keyof MentorSearch;
export type SearchRequest = { [K in Op]: { id: number; op: K; args: Parameters<MentorSearch[K]> } }[Op];
/** `poolCache`: the worker's mentor-pool cache hits and misses since its last reply (for /metrics). */
export type SearchReply = ({ id: number; result: unknown } | { id: number; error: string }) & { poolCache?: PoolCacheTally };

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  startedAt: number;
  alive: boolean;
}

const WORKER_URL = new URL("./mentorSearchWorker.js", import.meta.url);

/**
 * Worker threads that run /findmentor searches (services/findMentor.ts searchMentors). Each search
 * goes to the least busy worker; a worker that dies fails its searches (the person sees the usual
 * error message) and is replaced.
 */
export class MentorSearchPool {
  private readonly slots: Slot[] = [];
  /** Restarts in a row of workers that died soon after starting: each waits longer (a bad database URL must not spin). */
  private quickDeaths = 0;
  private nextId = 1;
  private closing = false;

  constructor(
    private readonly databaseUrl: string,
    size: number,
    private readonly logger: Logger,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  readonly search: MentorSearch = {
    mentors: (...args) => this.ask({ id: this.nextId++, op: "mentors", args }),
    coMentors: (...args) => this.ask({ id: this.nextId++, op: "coMentors", args }),
  };

  private ask<T>(request: SearchRequest): Promise<T> {
    const alive = this.slots.filter((s) => s.alive);
    if (alive.length === 0) return Promise.reject(new Error("the mentor-search workers are restarting"));
    const slot = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(request.id, { resolve: resolve as (result: unknown) => void, reject });
      slot.worker.postMessage(request);
    });
  }

  /** Lets each worker finish what it is doing, close its database connection and exit. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map(async ({ worker }) => {
        // Hold the process open until the worker has exited (workers are unref'd while they serve).
        worker.ref();
        const exited = new Promise((resolve) => worker.once("exit", resolve));
        worker.postMessage("close");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
        await worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL, { workerData: { databaseUrl: this.databaseUrl } }), pending: new Map(), startedAt: Date.now(), alive: true };
    slot.worker.on("message", (reply: SearchReply) => {
      if (reply.poolCache) poolCache.add(reply.poolCache);
      const waiting = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    slot.worker.on("error", (error) => this.logger.error({ err: error }, "a mentor-search worker failed"));
    slot.worker.on("exit", (code) => {
      slot.alive = false;
      for (const waiting of slot.pending.values()) waiting.reject(new Error(`the mentor-search worker stopped (exit ${code})`));
      slot.pending.clear();
      if (this.closing) return;
      this.quickDeaths = Date.now() - slot.startedAt < 60_000 ? this.quickDeaths + 1 : 0;
      const delayMs = this.quickDeaths <= 1 ? 0 : Math.min(30_000, 250 * 2 ** this.quickDeaths);
      this.logger.warn({ code, delayMs }, "a mentor-search worker stopped; starting another");
      const restart = () => {
        const index = this.slots.indexOf(slot);
        if (index >= 0 && !this.closing) this.slots[index] = this.spawn();
      };
      if (delayMs === 0) restart();
      else setTimeout(restart, delayMs).unref();
    });
    slot.worker.unref();
    return slot;
  }
}
