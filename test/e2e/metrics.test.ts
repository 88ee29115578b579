import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack } from "../../src/slack/standin/server.js";
import type { TestDatabase } from "../support/databases.js";
import { freePort, projectRoot, type AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver } from "../support/slackDriver.js";
import { runJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import { periodByIndex } from "../../src/domain/cadence.js";

/**
 * What an operator's Prometheus sees: the app started with METRICS_PORT, a few signed slash
 * commands, a job run whose messages the outbox sends (one of them after a 429), and the app's own
 * scheduler ticking; then GET /metrics on the metrics port. The metrics are never on Slack's port.
 */

const TEAM = "T0METRICS";
const DAY = 86_400_000;

/** One sample's value from Prometheus' text format, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe("GET /metrics on METRICS_PORT", () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let metricsPort = 0;
  const REAL = new Date();
  const monthly = { startedAt: new Date(REAL.getTime() - DAY), cadence: "MONTHLY" as const };

  beforeAll(async () => {
    metricsPort = await freePort();
    ({ slack, database, app, db } = await startWorld("sqlite", { METRICS_PORT: String(metricsPort) }));
    const p = db.prisma;
    await p.workspace.create({ data: { id: TEAM, name: "Metrics General" } });
    const programId = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", timezone: "UTC" } })).id;
    const person = async (slackUserId: string, name: string, role: "TRAINEE" | "MENTOR") => {
      slack.addUser({ id: slackUserId, teamId: TEAM, name, tz: "UTC" });
      const m = await p.member.create({ data: { workspaceId: TEAM, slackUserId, name, tz: "UTC", refreshedAt: REAL } });
      await p.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: m.id, role } });
      const profile = role === "MENTOR" ? { careerStage: "senior_faculty", specialty: "hematology", rolesOffered: ["mentor"], capacity: 3 } : { careerStage: "fellow", specialty: "hematology" };
      await p.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: m.id, ...profile } });
      return m.id;
    };
    const tia = await person("U0TIA", "Tia Fellow", "TRAINEE");
    const mia = await person("U0MIA", "Dr. Mia", "MENTOR");
    await person("U0KIM", "Dr. Kim", "MENTOR");
    // Tia and Dr. Mia meet monthly: their first check-in is due a month from now.
    await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: tia, mentorId: mia, role: "mentor", introChannelId: "G-SEEDED", ...monthly } });
    // A message an instance claimed and then died with, ten minutes overdue; and one for tomorrow.
    await p.outboxMessage.create({
      data: { workspaceId: TEAM, key: "stuck:1", channel: "U0KIM", payload: { text: "stuck" }, status: "SENDING", claimedBy: "outbox-dead", claimedAt: new Date(), notBefore: new Date(Date.now() - 10 * 60_000) },
    });
    await p.outboxMessage.create({ data: { workspaceId: TEAM, key: "later:1", channel: "U0KIM", payload: { text: "later" }, notBefore: new Date(Date.now() + DAY) } });
  }, 60_000);

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver({ app: () => app, slack: () => slack });
  const scrape = async () => {
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    return res.text();
  };

  it("is not served on the port Slack reaches, and the metrics port serves nothing else", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/slack/events`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("serves every metric README → Metrics lists, with its help text", async () => {
    const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Metrics"), readme.indexOf("Alerts worth setting"));
    const listed = new Set([...table.matchAll(/`(rounds_\w+)/g)].map((m) => m[1]!));
    expect(listed.size).toBeGreaterThanOrEqual(15);
    const help = new Set([...(await scrape()).matchAll(/^# HELP (\w+) /gm)].map((m) => m[1]!));
    expect([...listed].filter((name) => !help.has(name))).toEqual([]);
    expect([...help].filter((name) => name.startsWith("rounds_") && !listed.has(name))).toEqual([]);
  });

  it("counts acks, searches, mentor-pool cache use, outbox sends and 429s per method, and the app's own job runs", async () => {
    const before = await scrape();
    expect(sample(before, "rounds_slack_ack_seconds_count") ?? 0).toBe(0);
    expect(sample(before, "rounds_slack_busy_answers_total", { queue: "after_ack" })).toBe(0);
    expect(sample(before, "rounds_slack_busy_answers_total", { queue: "search" })).toBe(0);
    expect(sample(before, "rounds_after_ack_queue_depth")).toBe(0);
    // The outbox as it stands: the dead instance's message is due and ten minutes late; tomorrow's is scheduled.
    expect(sample(before, "rounds_outbox_messages", { state: "due" })).toBe(1);
    expect(sample(before, "rounds_outbox_messages", { state: "scheduled" })).toBe(1);
    expect(sample(before, "rounds_outbox_oldest_due_age_seconds")).toBeGreaterThanOrEqual(600);
    expect(sample(before, "rounds_job_period_seconds", { job_name: "checkins" })).toBe(900);
    expect(sample(before, "rounds_job_period_seconds", { job_name: "prune-deliveries" })).toBe(86_400);
    expect(sample(before, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(sample(before, "rounds_database_up")).toBe(1);

    // Three slash commands: two searches (the second reuses the cached mentor pool) and the hub.
    const first = await drive.command({ id: "U0TIA", teamId: TEAM }, "/findmentor", "");
    expect(JSON.stringify(await drive.responseBody(first.responseId))).toContain("U0KIM");
    const second = await drive.command({ id: "U0TIA", teamId: TEAM }, "/findmentor", "hematology");
    expect(JSON.stringify(await drive.responseBody(second.responseId))).toContain("U0KIM");
    await drive.command({ id: "U0MIA", teamId: TEAM }, "/mentoring", "");

    // A job run queues Dr. Mia's check-in; Slack answers the first send 429, then takes it.
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const asOf = new Date(periodByIndex(monthly, 0).end.getTime() + 4 * DAY);
    const run = await runJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "checkins", asOf);
    expect(run.said).toContain("1 message queued");
    await slack.waitFor(() => slack.messagesIn("U0MIA").length > 0, 15_000);

    // The app's own scheduler runs the rounds job at second 30 of every minute.
    let after = await scrape();
    const deadline = Date.now() + 75_000;
    while ((sample(after, "rounds_job_runs_total", { job_name: "rounds" }) ?? 0) < 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      after = await scrape();
    }

    expect(sample(after, "rounds_slack_ack_seconds_count")).toBeGreaterThanOrEqual(3);
    expect(sample(after, "rounds_slack_ack_seconds_bucket", { le: "3" })).toBe(sample(after, "rounds_slack_ack_seconds_count"));
    expect(sample(after, "rounds_findmentor_search_seconds_count", { search: "mentors" })).toBe(2);
    expect(sample(after, "rounds_mentor_pool_cache_total", { outcome: "miss" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "rounds_mentor_pool_cache_total", { outcome: "hit" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "rounds_slack_api_calls_total", { client: "outbox", method: "chat.postMessage", outcome: "rate_limited" })).toBe(1);
    expect(sample(after, "rounds_slack_api_calls_total", { client: "outbox", method: "chat.postMessage", outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "rounds_slack_api_rate_limited_total", { client: "outbox", method: "chat.postMessage" })).toBe(1);
    expect(sample(after, "rounds_job_runs_total", { job_name: "rounds" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "rounds_job_failures_total", { job_name: "rounds" })).toBe(0);
    expect(sample(after, "rounds_job_duration_seconds_count", { job_name: "rounds" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "rounds_job_last_success_timestamp_seconds", { job_name: "rounds" })! * 1000).toBeGreaterThan(REAL.getTime());
  }, 150_000);

  it("stops cleanly on SIGTERM, with a scraper's connection still open, and the metrics port closes", async () => {
    await scrape(); // fetch keeps its connection alive
    const started = Date.now();
    expect(await app.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
  }, 30_000);
});
