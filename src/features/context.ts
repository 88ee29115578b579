import type { Db } from "../store/database.js";
import type { SlackDirectory } from "./ports.js";

/**
 * What every use case runs with: the database, the moment it runs at, and the workspace (tenant) it
 * is scoped to. One object instead of long positional lists, so a new need is one field. A use case
 * that asks Slack about people adds `directory`; one that sends messages adds their words as `messages`.
 */
export interface ServiceContext {
  db: Db;
  now: Date;
  workspaceId: string;
}

/** A use case's context with Slack's directory of people (users.info), for who is asking. */
export type WithDirectory = ServiceContext & { directory: SlackDirectory };

/** A use case's context with the words of the messages it sends. */
export type WithMessages<M> = ServiceContext & { messages: M };
