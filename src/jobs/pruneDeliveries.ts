import { pruneRuns } from "../store/jobRuns.js";
import { DELIVERY_JOB } from "../slack/dedupeDeliveries.js";
import type { Job } from "./job.js";

/** Slack retries a delivery within minutes; its dedupe key is kept two days, then dropped. */
export const pruneDeliveries: Job = {
  name: "prune-deliveries",
  schedule: "17 3 * * *",
  async run({ db, now, log }) {
    const removed = await pruneRuns(db, DELIVERY_JOB, new Date(now.getTime() - 2 * 24 * 60 * 60_000));
    log.info({ removed }, "pruned Slack delivery keys");
    return { prunedDeliveryKeys: removed };
  },
};
