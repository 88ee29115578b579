import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobCommand } from "../../src/cli/job.js";
import { acquireLease, releaseLease } from "../../src/store/leases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

describe("npm run cli -- job run NAME while the app is running that job", () => {
  let database: MigratedTestDatabase;
  const saved = { url: process.env.DATABASE_URL, level: process.env.LOG_LEVEL };

  beforeAll(async () => {
    database = await createMigratedDatabase("sqlite");
    process.env.DATABASE_URL = database.url;
    process.env.LOG_LEVEL = "silent";
  });

  afterAll(async () => {
    for (const [key, value] of [["DATABASE_URL", saved.url], ["LOG_LEVEL", saved.level]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await database?.drop();
  });

  it("waits for the app's run to finish, then runs, instead of failing", async () => {
    expect(await acquireLease(database.prisma, "prune-deliveries", "app-instance", 60 * 60_000, new Date())).toBe(true);
    let out = "";
    let err = "";
    let finished = false;
    const command = runJobCommand(["run", "prune-deliveries"], (t) => (out += t), (t) => (err += t)).finally(() => (finished = true));

    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(finished).toBe(false); // still waiting: the app holds the lease
    await releaseLease(database.prisma, "prune-deliveries", "app-instance");

    expect(await command).toBe(0);
    expect(out).toMatch(/^prune-deliveries: 0 old Slack delivery keys pruned \(as of \w{3} \d+ \w{3} \d{4}, \d\d:\d\d UTC\)\.$/);
    expect(err).toBe("prune-deliveries is running elsewhere right now; waiting for it to finish (up to 15 s)…");
    expect(await database.prisma.jobLease.count({ where: { name: "prune-deliveries" } })).toBe(0); // and gave it back
  });
});
