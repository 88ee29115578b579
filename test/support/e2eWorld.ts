import { connect, type Database } from "../../src/store/database.js";
import { startApp, type AppProcess } from "./appProcess.js";
import { createTestDatabase, type TestDatabase, type TestProvider } from "./databases.js";
import { FakeSlack } from "../../src/slack/standin/server.js";

/** What an end-to-end test runs against: a fake Slack, a fresh database, the app, and a client on that database. */
export interface E2eWorld {
  slack: FakeSlack;
  database: TestDatabase;
  app: AppProcess;
  db: Database;
}

/** Starts the fake Slack, creates a fresh database of `provider`, starts the app against both and connects. */
export async function startWorld(provider: TestProvider, env?: Record<string, string>): Promise<E2eWorld> {
  const slack = await new FakeSlack().start();
  const database = await createTestDatabase(provider);
  const app = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, ...(env ? { env } : {}) });
  return { slack, database, app, db: connect(database.url) };
}

/** Stops whatever of a world was started (also after a failed start), dropping its database last. */
export async function stopWorld(world: Partial<E2eWorld>): Promise<void> {
  await world.db?.close();
  await world.app?.stop();
  await world.slack?.stop();
  await world.database?.drop();
}
