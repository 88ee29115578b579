import { openDatabase, type Db } from "../../src/store/database.js";
import { createTestDatabase, type TestDatabase, type TestProvider } from "./databases.js";

export interface MigratedTestDatabase {
  url: string;
  prisma: Db;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** A new database of `provider`, migrated the way the app does at start-up, with a connected client. */
export async function createMigratedDatabase(provider: TestProvider): Promise<MigratedTestDatabase> {
  const test: TestDatabase = await createTestDatabase(provider);
  const { db } = await openDatabase(test.url);
  return {
    url: test.url,
    prisma: db.prisma,
    async drop() {
      await db.close();
      await test.drop();
    },
  };
}
