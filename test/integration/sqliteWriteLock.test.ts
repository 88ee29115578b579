import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../src/generated/sqlite/client.js";
import { SqliteAdapter } from "../../src/store/driverAdapters.js";
import { sqliteFilePath } from "../../src/store/provider.js";
import { projectRoot } from "../support/appProcess.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

/**
 * The check-in job's batch (src/store/checkinsBatch.ts) reads which run keys are taken, then
 * inserts run keys and outbox messages, in one transaction: the shape that failed with "database
 * is locked" when `cli job run checkins` ran beside the app. Each writer process does it many times.
 */
const WRITER = (databaseUrl: string, tag: string, batches: number) => `
  import { connect } from ${JSON.stringify(path.join(projectRoot, "dist/src/store/database.js"))};
  import { runBatchOnce } from ${JSON.stringify(path.join(projectRoot, "dist/src/store/checkinsBatch.js"))};
  const { prisma, close } = connect(${JSON.stringify(databaseUrl)});
  for (let b = 0; b < ${batches}; b++) {
    const items = [0, 1, 2].map((i) => {
      const key = "${tag}:" + b + ":" + i;
      return { runKey: key, messages: [{ workspaceId: "T0LOCK", key, channel: "U0ANY", payload: { text: key }, notBefore: new Date() }] };
    });
    const done = await runBatchOnce(prisma, "lock-test", "T0LOCK", items, new Date());
    if (done?.length !== 3) throw new Error("batch " + b + " did " + JSON.stringify(done));
  }
  await close();
`;

/** A node process running `script` (ES module); resolves with its exit code and everything it printed. */
function writer(script: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: projectRoot, env: { PATH: process.env.PATH ?? "" } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("two processes writing to one SQLite file at once", () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase("sqlite");
    await database.prisma.workspace.create({ data: { id: "T0LOCK" } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("never fail with 'database is locked': every transaction waits for the write lock at its start", async () => {
    const batches = 100;
    const writers = await Promise.all([writer(WRITER(database.url, "a", batches)), writer(WRITER(database.url, "b", batches))]);
    for (const w of writers) {
      const problem = w.out.split("\n").filter((line) => /error|locked|busy/i.test(line) && line.length < 300).join("\n");
      expect(w.code, problem).toBe(0);
      expect(w.out, problem).toBe("");
    }
    expect(await database.prisma.jobRun.count({ where: { job: "lock-test" } })).toBe(2 * batches * 3);
    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: "T0LOCK" } })).toBe(2 * batches * 3);
  });

  it("a transaction that cannot get the lock in time fails alone; the next one runs once the lock is free", async () => {
    const holder = new Database(sqliteFilePath(database.url));
    const client = new PrismaClient({ adapter: new SqliteAdapter({ url: sqliteFilePath(database.url), timeout: 100 }) });
    const write = (key: string) => client.$transaction(async (tx) => void (await tx.jobRun.create({ data: { key, job: "lock-test", status: "DONE", startedAt: new Date(), finishedAt: new Date() } })));
    try {
      holder.exec("BEGIN IMMEDIATE"); // another process's write transaction, held past the busy timeout
      await expect(write("blocked")).rejects.toThrow();
      holder.exec("COMMIT");
      await write("after");
      expect(await database.prisma.jobRun.count({ where: { key: { in: ["blocked", "after"] } } })).toBe(1);
    } finally {
      if (holder.inTransaction) holder.exec("ROLLBACK");
      holder.close();
      await client.$disconnect();
    }
  });
});
