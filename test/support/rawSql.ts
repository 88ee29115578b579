import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFilePath } from "../../src/store/provider.js";

/**
 * Plain SQL against a test database, below Prisma: for looking at what migrations built and what
 * the migrator recorded. Parameters are written `?` for both databases.
 */
export interface RawSql {
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export async function openRawSql(databaseUrl: string): Promise<RawSql> {
  if (providerOf(databaseUrl) === "sqlite") {
    const db = new Database(sqliteFilePath(databaseUrl), { timeout: 10_000 });
    return {
      async all<T>(sql: string, params: unknown[] = []) {
        return db.prepare(sql).all(...params) as T[];
      },
      async exec(sql: string, params: unknown[] = []) {
        if (params.length === 0) db.exec(sql);
        else db.prepare(sql).run(...params);
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let n = 0;
  const numbered = (sql: string) => sql.replace(/\?/g, () => `$${(n += 1)}`);
  return {
    async all<T>(sql: string, params: unknown[] = []) {
      n = 0;
      return (await client.query(numbered(sql), params)).rows as T[];
    },
    async exec(sql: string, params: unknown[] = []) {
      n = 0;
      await client.query(params.length ? numbered(sql) : sql, params);
    },
    async close() {
      await client.end();
    },
  };
}

/** Runs `fn` with a raw connection, closing it after. */
export async function withRawSql<T>(databaseUrl: string, fn: (sql: RawSql) => Promise<T>): Promise<T> {
  const sql = await openRawSql(databaseUrl);
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}

/** The user tables of a database (not Prisma's bookkeeping table), sorted. */
export async function tableNames(sql: RawSql, provider: "sqlite" | "postgresql"): Promise<string[]> {
  const rows =
    provider === "sqlite"
      ? await sql.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
        )
      : await sql.all<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
        );
  return rows.map((r) => r.name).sort();
}
