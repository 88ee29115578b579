import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";

/** Databases a test runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export type TestProvider = "sqlite" | "postgresql";

export const testProviders: TestProvider[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database: a temporary SQLite file, or a fresh PostgreSQL database. */
export async function createTestDatabase(provider: TestProvider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rounds-test-"));
    return { url: `file:${path.join(dir, "rounds.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `rounds_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
