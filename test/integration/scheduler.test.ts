import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Scheduler } from "../../src/jobs/scheduler.js";
import type { Job } from "../../src/jobs/job.js";
import type { Db } from "../../src/store/database.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  return { lines, logger: pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line)) }) };
}

describe("the scheduler runs a job under its lease", () => {
  let database: MigratedTestDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase("sqlite");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("holds the job's lease while it runs and gives it back after", async () => {
    let holderDuringRun: string | null = null;
    const job: Job = {
      name: "probe",
      schedule: "0 0 1 1 *",
      run: async ({ db }) => {
        holderDuringRun = (await db.jobLease.findUnique({ where: { name: "probe" } }))?.holder ?? null;
        return { queued: 0 };
      },
    };
    const scheduler = new Scheduler({ db: database.prisma, logger: capturingLogger().logger, jobs: [job] });
    expect(await scheduler.runNow("probe")).toBe(true);
    expect(holderDuringRun).toBe(scheduler.instance);
    expect(await database.prisma.jobLease.count({ where: { name: "probe" } })).toBe(0);
  });

  it("skips a tick, logging why, when the database cannot be reached (no unhandled rejection)", async () => {
    let ran = false;
    const job: Job = { name: "probe", schedule: "0 0 1 1 *", run: async () => ((ran = true), { queued: 0 }) };
    const unreachable = { jobLease: { create: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) } } as unknown as Db;
    const { lines, logger } = capturingLogger();
    const scheduler = new Scheduler({ db: unreachable, logger, jobs: [job] });
    expect(await scheduler.runNow("probe")).toBe(false);
    expect(ran).toBe(false);
    expect(lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual(["job: could not take its lease (database unreachable?); it will try at its next tick"]);
  });
});
