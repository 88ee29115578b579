import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

/**
 * The driver adapters Prisma talks to the databases through: the stock ones, with two fixes to how
 * they run transactions (each explained below). Everything else is the stock adapter's.
 */

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type IsolationLevel = Parameters<Adapter["startTransaction"]>[0];

/** A queue of turns: `next()` waits for the turn before it to end and resolves with the function that ends this one. */
function turns(): { next(): Promise<() => void> } {
  let last: Promise<void> = Promise.resolve();
  return {
    next() {
      let end!: () => void;
      const ended = new Promise<void>((resolve) => (end = resolve));
      const ready = last.then(() => end);
      last = last.then(() => ended);
      return ready;
    },
  };
}

/** Runs `work` in its turn and ends the turn however `work` ends. */
async function inTurn<T>(queue: ReturnType<typeof turns>, work: () => Promise<T>): Promise<T> {
  const end = await queue.next();
  try {
    return await work();
  } finally {
    end();
  }
}

/** The adapter's own methods, passed through (the transaction method is each wrapper's). */
const passThrough = (connection: Adapter) => ({
  provider: connection.provider,
  adapterName: connection.adapterName,
  queryRaw: connection.queryRaw.bind(connection),
  executeRaw: connection.executeRaw.bind(connection),
  executeScript: connection.executeScript.bind(connection),
  ...(connection.getConnectionInfo ? { getConnectionInfo: connection.getConnectionInfo.bind(connection) } : {}),
  dispose: connection.dispose.bind(connection),
});

/**
 * SQLite: every transaction takes the write lock at BEGIN. The stock adapter begins with a plain
 * BEGIN, which SQLite runs DEFERRED: the transaction reads under a snapshot and asks for the write
 * lock only at its first write. If another process (the app beside `cli job run`) wrote since that
 * snapshot, or holds the lock then, the upgrade fails at once with "database is locked": the busy
 * timeout is not applied, because waiting could not make a stale snapshot writable. Rounds'
 * transactions all write, so they begin IMMEDIATE: the lock is taken at BEGIN, where the busy
 * timeout applies, and two writers wait their turn. better-sqlite3 is one connection per client, so
 * the transactions of one process take turns (as in the stock adapter); a BEGIN that fails (the lock
 * stayed busy past the timeout) ends its turn.
 */
export class SqliteAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly stock: PrismaBetterSQLite3;

  constructor(config: ConstructorParameters<typeof PrismaBetterSQLite3>[0]) {
    this.stock = new PrismaBetterSQLite3(config);
    this.adapterName = this.stock.adapterName;
  }

  async connect(): Promise<Adapter> {
    const connection = await this.stock.connect();
    const transactions = turns();
    return {
      ...passThrough(connection),
      async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
        // The stock adapter refuses any level but SERIALIZABLE (SQLite's only one) before it begins.
        if (isolationLevel && isolationLevel !== "SERIALIZABLE") return connection.startTransaction(isolationLevel);
        const endTurn = await transactions.next();
        try {
          await connection.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
        } catch (error) {
          endTurn();
          throw error;
        }
        // Prisma sends COMMIT or ROLLBACK through executeRaw, then calls commit() or rollback().
        return {
          provider: connection.provider,
          adapterName: connection.adapterName,
          options: { usePhantomQuery: false },
          queryRaw: (query) => connection.queryRaw(query),
          executeRaw: (query) => connection.executeRaw(query),
          commit: async () => endTurn(),
          rollback: async () => endTurn(),
        };
      },
    };
  }
}

/**
 * PostgreSQL: the queries of one transaction take turns. A transaction runs on one pooled
 * connection, and Prisma loads a record's relations side by side (its query plan's `join` runs the
 * child queries with Promise.all), so a transaction that reads or writes with two or more relations
 * included called client.query() while the connection was still busy. pg queues such a query, and
 * says that this is deprecated (a DeprecationWarning, an error in pg 9). Queries outside
 * transactions go to the pool, one connection each, and still run side by side.
 */
export class PostgresAdapter {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private readonly stock: PrismaPg;

  constructor(connectionString: string) {
    this.stock = new PrismaPg({ connectionString });
    this.adapterName = this.stock.adapterName;
  }

  async connect(): Promise<Adapter> {
    const connection: Adapter = await this.stock.connect();
    return {
      ...passThrough(connection),
      async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
        const tx = await connection.startTransaction(isolationLevel);
        const queries = turns();
        return {
          provider: tx.provider,
          adapterName: tx.adapterName,
          options: tx.options,
          queryRaw: (query) => inTurn(queries, () => tx.queryRaw(query)),
          executeRaw: (query) => inTurn(queries, () => tx.executeRaw(query)),
          commit: () => tx.commit(),
          rollback: () => tx.rollback(),
        };
      },
    };
  }
}
