import { PrismaClient as SqliteClient } from "../generated/sqlite/client.js";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.js";
import { migrate, type MigrateResult } from "./migrator.js";
import { PostgresAdapter, SqliteAdapter } from "./driverAdapters.js";
import { providerOf, sqliteFilePath, type Provider } from "./provider.js";

/**
 * The Prisma client the rest of store/ uses. Both generated clients come from one datamodel, so
 * they expose the same API; the SQLite client's type stands for both.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface Database {
  readonly prisma: Db;
  readonly provider: Provider;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const PROVIDER = Symbol("rounds.provider");

/**
 * Which database a client, or a transaction opened on it, talks to: for the few queries written
 * per database (row locks on PostgreSQL, say). connect() tags each client; a transaction client
 * forwards the tag to its own.
 */
export function providerOfClient(db: Db | Tx): Provider {
  const provider = (db as unknown as Record<symbol, Provider | undefined>)[PROVIDER];
  if (!provider) throw new Error("this Prisma client was not made by connect(), so its database is unknown");
  return provider;
}

/** Tags a client made by hand (a bench's logging client, say) with its database, as connect() does. */
export function withProvider<T extends object>(prisma: T, provider: Provider): T {
  Object.defineProperty(prisma, PROVIDER, { value: provider });
  return prisma;
}

/** How long a SQLite writer waits for another's lock before giving up (busy timeout; transactions wait at BEGIN, see driverAdapters.ts). */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function connect(databaseUrl: string): Database {
  const provider = providerOf(databaseUrl);
  const prisma =
    provider === "sqlite"
      ? new SqliteClient({ adapter: new SqliteAdapter({ url: sqliteFilePath(databaseUrl), timeout: SQLITE_BUSY_TIMEOUT_MS }) })
      : (new PostgresClient({ adapter: new PostgresAdapter(databaseUrl) }) as unknown as Db);
  withProvider(prisma, provider);
  return {
    prisma,
    provider,
    async ping() {
      try {
        await prisma.$queryRawUnsafe("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
    },
  };
}

/** Migrates, then connects: what the app does at start-up. */
export async function openDatabase(databaseUrl: string): Promise<{ db: Database; migrations: MigrateResult }> {
  const migrations = await migrate(databaseUrl);
  return { db: connect(databaseUrl), migrations };
}
