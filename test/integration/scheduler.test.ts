import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Scheduler } from "../../src/jobs/scheduler.js";
import type { Job } from "../../src/jobs/job.js";
import type { Db } from "../../src/store/database.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { registry } from "../../src/metrics/registry.js";

/** A job metric's value for one job, as /metrics shows it (undefined when the series is absent). */
async function jobMetric(name: string, job: string): Promise<number | undefined> {
  const line = (await registry.getSingleMetricAsString(name)).split("\n").find((l) => l.startsWith(`${name}{job_name="${job}"}`));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

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

  it("leaves a job named in `off` (JOBS_OFF) off its schedule, and still runs it when asked", async () => {
    let runs = 0;
    const job: Job = { name: "calendar", schedule: "*/5 * * * *", run: async () => ((runs += 1), { queued: 0 }) };
    const scheduler = new Scheduler({ db: database.prisma, logger: capturingLogger().logger, jobs: [job], off: ["calendar"] });
    scheduler.start();
    try {
      expect(await jobMetric("rounds_job_period_seconds", "calendar")).toBeUndefined();
      expect(await scheduler.runNow("calendar")).toBe(true);
      expect(runs).toBe(1);
    } finally {
      await scheduler.stop();
    }
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

  it("counts each run in /metrics: a failed one as a failure, a good one as the job's last success", async () => {
    let fail = true;
    const job: Job = {
      name: "flaky",
      schedule: "*/10 * * * *",
      run: async () => {
        if (fail) throw new Error("Slack was down");
        return { queued: 0 };
      },
    };
    const scheduler = new Scheduler({ db: database.prisma, logger: capturingLogger().logger, jobs: [job] });
    scheduler.start();
    try {
      expect(await jobMetric("rounds_job_period_seconds", "flaky")).toBe(600);
      expect(await jobMetric("rounds_job_runs_total", "flaky")).toBe(0);
      expect(await scheduler.runNow("flaky")).toBe(true);
      expect(await jobMetric("rounds_job_runs_total", "flaky")).toBe(1);
      expect(await jobMetric("rounds_job_failures_total", "flaky")).toBe(1);
      expect(await jobMetric("rounds_job_last_success_timestamp_seconds", "flaky")).toBeUndefined();
      fail = false;
      const before = Date.now() / 1000;
      expect(await scheduler.runNow("flaky")).toBe(true);
      expect(await jobMetric("rounds_job_runs_total", "flaky")).toBe(2);
      expect(await jobMetric("rounds_job_failures_total", "flaky")).toBe(1);
      expect(await jobMetric("rounds_job_last_success_timestamp_seconds", "flaky")).toBeGreaterThanOrEqual(before);
    } finally {
      await scheduler.stop();
    }
  });
});
