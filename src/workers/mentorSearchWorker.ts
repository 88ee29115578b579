import { parentPort, workerData } from "node:worker_threads";
import { connect } from "../store/database.js";
import { searchHere } from "../services/findMentor.js";
import type { SearchReply, SearchRequest } from "./mentorSearchPool.js";
import { poolCache } from "../metrics/poolCache.js";

/**
 * A worker thread that answers /findmentor searches: its own database connection and its own
 * mentor-pool cache, so loading and ranking thousands of mentors never holds up the thread that
 * acknowledges Slack.
 */
const { databaseUrl } = workerData as { databaseUrl: string };
const db = connect(databaseUrl);
const port = parentPort!;
const search = searchHere(db.prisma);

port.on("message", (request: SearchRequest | "close") => {
  if (request === "close") {
    void db.close().finally(() => port.close());
    return;
  }
  const { id } = request;
  const work = request.op === "mentors" ? search.mentors(...request.args) : search.coMentors(...request.args);
  work.then(
    (result) => port.postMessage({ id, result, poolCache: poolCache.take() } satisfies SearchReply),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error), poolCache: poolCache.take() } satisfies SearchReply),
  );
});
