import { parentPort, workerData } from "node:worker_threads";
import { connect } from "../store/database.js";
import { searchHere, warmSearches } from "../features/findmentor/findMentor.js";
import { sentError, type SearchReply, type SearchRequest, type WarmedMessage } from "./searchMessages.js";
import { poolCache } from "../metrics/poolCache.js";

/**
 * A piscina worker that answers /findmentor searches (see mentorSearchPool.ts): its own database
 * connection and its own mentor-pool cache, kept for the life of the thread. It loads every
 * workspace's mentor pool as it starts, and rehearses a search on it (searches that arrive
 * meanwhile wait for that load, not a second one), and tells the pool when it is done.
 */
const { databaseUrl } = workerData as { databaseUrl: string };
const db = connect(databaseUrl).prisma;
const search = searchHere(db);

const warmStarted = performance.now();
void warmSearches(db).then(
  (workspaces) => parentPort?.postMessage({ warmed: true, workspaces, ms: performance.now() - warmStarted } satisfies WarmedMessage),
  (error: unknown) => parentPort?.postMessage({ warmed: false, error: String(error), ms: performance.now() - warmStarted } satisfies WarmedMessage),
);

export default async function answer(request: SearchRequest): Promise<SearchReply> {
  try {
    const result = request.op === "mentors" ? await search.mentors(...request.args) : await search.coMentors(...request.args);
    return { result, poolCache: poolCache.take() };
  } catch (error) {
    return { error: sentError(error), poolCache: poolCache.take() };
  }
}
