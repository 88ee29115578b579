import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Db } from "../store/database.js";
import type { SlackDirectory } from "../features/ports.js";
import type { MentorSearch } from "../features/findmentor/findMentor.js";
import type { WorkQueue } from "./workQueue.js";

/** What every listener may use. Built once in app.ts. */
export interface ListenerDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** Slack's directory of people as seen from a tenant (a workspace, or an org installed org-wide). */
  directory: (client: WebClient, tenantId: string) => SlackDirectory;
  /** Where listeners put the slow part of their work, after ack(). */
  work: WorkQueue;
  /** Call after queueing outbox messages so they go out now, not at the next poll. */
  kickOutbox: () => void;
  /** /findmentor's database-and-ranking part: on worker threads in the app, in-process in tests of parts. */
  searchMentors: MentorSearch;
  /** Distributed mode: days a tenant's data is kept after an uninstall. Undefined with one bot token. */
  uninstallRetentionDays?: number;
}
