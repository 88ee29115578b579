/**
 * Delivery from several instances: two Rounds processes on one PostgreSQL database deliver an
 * announcement with "also DM every member" through a fake Slack that takes 1–4 s per post and
 * answers about one post in 20 with 429 and one in 20 with internal_error (half of those posted
 * all the same). Measures the time to deliver the DMs, duplicates and losses, and after a kill -9
 * of one instance mid-way, how many conversations were read back and how soon what the killed
 * instance never attempted went out.
 *
 *   npm run bench:delivery -- --database-url postgresql://postgres@127.0.0.1:5432/rounds_dev [--members 200]
 */
import { parseArgs } from "node:util";
import { deliverAnnouncement, seedAnnouncement, startTwoInstances, stopDeliveryWorld, type DeliveryReport } from "../test/support/twoInstanceDelivery.js";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string", default: process.env.TEST_DATABASE_URL },
    members: { type: "string", default: "200" },
    rate: { type: "string", default: "4" },
    concurrency: { type: "string", default: "8" },
    reclaim: { type: "string", default: "60" },
  },
});
const adminUrl = values["database-url"];
if (!adminUrl?.startsWith("postgres")) {
  console.error("bench:delivery needs PostgreSQL: --database-url postgresql://USER@HOST:5432/DB (or TEST_DATABASE_URL)");
  process.exit(2);
}
const members = Number(values.members);
const env = { OUTBOX_RATE_PER_SECOND: values.rate, OUTBOX_CONCURRENCY: values.concurrency, OUTBOX_RECLAIM_AFTER_SECONDS: values.reclaim, LOG_LEVEL: "info" };
const flaky = { minMs: 1000, maxMs: 4000, rateLimitedOneIn: 20, internalErrorOneIn: 20 };

const summary = (name: string, r: DeliveryReport) => {
  const duplicates = r.dmsPerMember.filter((n) => n > 1).length;
  const missing = r.dmsPerMember.filter((n) => n === 0).length;
  const k = r.killed;
  return {
    run: name,
    "DMs": r.members,
    "delivered in": `${(r.deliveredMs / 1000).toFixed(1)} s`,
    "members with 2+": duplicates,
    "members with 0": missing,
    "channel posts": r.channelPosts,
    "429 / internal_error": `${r.rateLimited} / ${r.internalErrors}`,
    "in flight at kill": k ? k.inFlight : "—",
    "read-backs after kill": k ? k.readBacks : "—",
    "never attempted: first · all out after": k ? `${(k.neverAttemptedFirstMs / 1000).toFixed(1)} · ${(k.neverAttemptedDoneMs / 1000).toFixed(1)} s` : "—",
    "everything out after kill": k ? `${(k.allDoneMs / 1000).toFixed(1)} s` : "—",
  };
};

const rows = [];
for (const kill of [false, true]) {
  const w = await startTwoInstances(env, adminUrl);
  try {
    const id = await seedAnnouncement(w, members, kill ? "Journal club: new time" : "Grand rounds moved to Thursday");
    const report = await deliverAnnouncement(w, id, members, { flaky: { ...flaky, seed: kill ? 2 : 1 }, timeoutMs: 15 * 60_000, ...(kill ? { killAfterDms: Math.floor(members / 3) } : {}) });
    rows.push(summary(kill ? "kill -9 of one instance after a third" : "two instances", report));
  } finally {
    await stopDeliveryWorld(w);
  }
}
console.log(`two instances · ${members} members · OUTBOX_RATE_PER_SECOND=${env.OUTBOX_RATE_PER_SECOND} · OUTBOX_CONCURRENCY=${env.OUTBOX_CONCURRENCY} each · OUTBOX_RECLAIM_AFTER_SECONDS=${env.OUTBOX_RECLAIM_AFTER_SECONDS} · Slack 1–4 s a post, 1 in 20 429, 1 in 20 internal_error`);
console.table(rows);
process.exit(0);
