import { advanceRounds } from "../features/rounds/rounds.js";
import { roundPorts } from "../features/rounds/roundPorts.js";
import type { Job } from "./job.js";

/**
 * Every minute: pairing rounds move on — runs due within a day are created and their people told,
 * stable rounds collect rankings, runs at their time get a proposal and the director a preview,
 * recurring rounds move to their next occurrence. Each step runs once (run keys + the outbox).
 */
export const rounds: Job = {
  name: "rounds",
  schedule: "30 * * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const done = await advanceRounds(db, { now, sendFrom }, roundPorts, (err, where) => log.error({ err, ...where }, "rounds: a step failed; it is retried next pass"));
    if (done.messages) kickOutbox();
    log.info(done, "rounds");
    return { queued: done.messages };
  },
};
