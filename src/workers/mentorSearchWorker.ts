import { workerData } from "node:worker_threads";
import { connect } from "../store/database.js";
import { searchHere } from "../features/findmentor/findMentor.js";
import { sentError, type SearchReply, type SearchRequest } from "./searchMessages.js";
import { poolCache } from "../metrics/poolCache.js";

/**
 * A piscina worker that answers /findmentor searches (see mentorSearchPool.ts): its own database
 * connection and its own mentor-pool cache, kept for the life of the thread.
 */
const { databaseUrl } = workerData as { databaseUrl: string };
const search = searchHere(connect(databaseUrl).prisma);

export default async function answer(request: SearchRequest): Promise<SearchReply> {
  try {
    const result = request.op === "mentors" ? await search.mentors(...request.args) : await search.coMentors(...request.args);
    return { result, poolCache: poolCache.take() };
  } catch (error) {
    return { error: sentError(error), poolCache: poolCache.take() };
  }
}
