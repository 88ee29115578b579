import { performance } from "node:perf_hooks";
import { Counter, Gauge, Histogram } from "prom-client";
import { registry } from "./registry.js";

const runs = new Counter({ name: "rounds_job_runs_total", help: "Scheduled job runs by this instance (those it took the lease for)", labelNames: ["job_name"] as const, registers: [registry] });
const failures = new Counter({ name: "rounds_job_failures_total", help: "Scheduled job runs that failed", labelNames: ["job_name"] as const, registers: [registry] });
const duration = new Histogram({
  name: "rounds_job_duration_seconds",
  help: "How long scheduled job runs took",
  labelNames: ["job_name"] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
  registers: [registry],
});
const lastSuccess = new Gauge({
  name: "rounds_job_last_success_timestamp_seconds",
  help: "When a run of the job last succeeded on this instance (Unix time)",
  labelNames: ["job_name"] as const,
  registers: [registry],
});
const period = new Gauge({
  name: "rounds_job_period_seconds",
  help: "The longest time between two scheduled ticks of the job (from its cron schedule)",
  labelNames: ["job_name"] as const,
  registers: [registry],
});

/** A job is scheduled: its period shows, and its counters start at 0. */
export function jobScheduled(job: string, periodSeconds: number): void {
  period.set({ job_name: job }, periodSeconds);
  runs.inc({ job_name: job }, 0);
  failures.inc({ job_name: job }, 0);
}

/** Starts timing a run; call the result with whether it succeeded. */
export function jobRunTimer(job: string): (succeeded: boolean) => void {
  const started = performance.now();
  return (succeeded) => {
    runs.inc({ job_name: job });
    duration.observe({ job_name: job }, (performance.now() - started) / 1000);
    if (succeeded) lastSuccess.set({ job_name: job }, Date.now() / 1000);
    else failures.inc({ job_name: job });
  };
}
