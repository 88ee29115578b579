import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { runCli } from "../support/jobRunner.js";

/** An operator scripting Rounds from cron or a shell: exit codes, stdout for people, stderr for logs, team ids. */
describe("npm run cli, scripted", () => {
  let one: MigratedTestDatabase;
  let two: MigratedTestDatabase;
  const now = new Date();
  const cli = (db: MigratedTestDatabase, ...args: string[]) => runCli(args, { DATABASE_URL: db.url, LOG_LEVEL: "info" });

  beforeAll(async () => {
    one = await createMigratedDatabase("sqlite");
    await one.prisma.workspace.create({ data: { id: "T0ONLY" } });
    const heme = await one.prisma.program.create({ data: { workspaceId: "T0ONLY", name: "Heme fellowship" } });
    await one.prisma.cohort.create({ data: { workspaceId: "T0ONLY", programId: heme.id, name: "2026–27" } });
    // Slack delivery keys: one three days old (pruned), one from now (kept).
    await one.prisma.jobRun.createMany({
      data: [
        { key: "delivery:old", job: "slack-delivery", status: "DONE", startedAt: new Date(now.getTime() - 3 * 86_400_000), finishedAt: new Date(now.getTime() - 3 * 86_400_000) },
        { key: "delivery:new", job: "slack-delivery", status: "DONE", startedAt: now, finishedAt: now },
      ],
    });

    two = await createMigratedDatabase("sqlite");
    for (const [team, program] of [["T0AAA", "Cardiology"], ["T0BBB", "Surgery"]] as const) {
      await two.prisma.workspace.create({ data: { id: team } });
      await two.prisma.program.create({ data: { workspaceId: team, name: program } });
    }
  });

  afterAll(async () => {
    await one?.drop();
    await two?.drop();
  });

  it("without a command prints the usage on stderr and exits 2; help prints it on stdout and exits 0", async () => {
    const bare = await cli(one);
    expect(bare.code).toBe(2);
    expect(bare.out).toBe("");
    expect(bare.err).toContain("name a command");
    expect(bare.err).toContain("Usage: npm run cli -- COMMAND");

    const help = await cli(one, "help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage: npm run cli -- COMMAND");
    expect(help.err).toBe("");
  });

  it("job run prints one line for a person on stdout and its JSON log lines on stderr", async () => {
    const r = await cli(one, "job", "run", "request-reminders");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^request-reminders: nothing to send \(as of \w{3} \d+ \w{3} \d{4}, \d\d:\d\d UTC\)\.\n$/);
    for (const line of r.err.split("\n").filter(Boolean)) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it("job run prune-deliveries says how many delivery keys it pruned, not that it queued messages", async () => {
    const r = await cli(one, "job", "run", "prune-deliveries");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^prune-deliveries: 1 old Slack delivery key pruned \(as of [^)]+\)\.\n$/);
    expect(r.out).not.toMatch(/queued|messages?/);
    const log = r.err.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { msg: string; removed?: number });
    expect(log).toContainEqual(expect.objectContaining({ msg: "pruned Slack delivery keys", removed: 1 }));
    expect(await one.prisma.jobRun.findMany({ where: { job: "slack-delivery" }, select: { key: true } })).toEqual([{ key: "delivery:new" }]);
  });

  it("program list shows each program under its workspace's team id, without a Slack token", async () => {
    const r = await cli(two, "program", "list");
    expect(r.code, r.err).toBe(0);
    expect(r.out.split("\n")).toEqual([
      "Workspace T0AAA",
      "  Cardiology — 0 people, check-ins every month (mentor only), 0 breaks, UTC, default capacity 3",
      "Workspace T0BBB",
      "  Surgery — 0 people, check-ins every month (mentor only), 0 breaks, UTC, default capacity 3",
      "",
    ]);
    const only = await cli(two, "program", "list", "--team", "T0BBB");
    expect(only.out).toContain("Workspace T0BBB");
    expect(only.out).not.toContain("T0AAA");
  });

  it("ranking, report and program settings need no --team when the database holds one workspace", async () => {
    const ranking = await cli(one, "ranking", "--program", "Heme fellowship");
    expect(ranking.code, ranking.err).toBe(0);
    expect(ranking.out).toContain("Ranking for Heme fellowship");

    const settings = await cli(one, "program", "settings", "--program", "Heme fellowship");
    expect(settings.code, settings.err).toBe(0);
    expect(settings.out).toContain("Heme fellowship");

    const dir = mkdtempSync(path.join(tmpdir(), "rounds-report-"));
    const report = await cli(one, "report", "--out", dir);
    expect(report.code, report.err).toBe(0);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
  });

  it("asks for --team when the database holds several workspaces, naming them", async () => {
    const r = await cli(two, "ranking", "--program", "Surgery");
    expect(r.code).toBe(2);
    expect(r.err).toContain("This database holds 2 workspaces (T0AAA, T0BBB): name one with --team.");
    const named = await cli(two, "ranking", "--team", "T0BBB", "--program", "Surgery");
    expect(named.code, named.err).toBe(0);
  });

  it("a --team that names no workspace says the workspace is unknown, not that the program is missing", async () => {
    for (const args of [
      ["ranking", "--team", "T0WRONG", "--program", "Heme fellowship"],
      ["report", "--team", "T0WRONG", "--out", mkdtempSync(path.join(tmpdir(), "rounds-report-"))],
      ["program", "settings", "--team", "T0WRONG", "--program", "Heme fellowship"],
      ["program", "list", "--team", "T0WRONG"],
    ]) {
      const r = await cli(one, ...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.err).toContain("There is no workspace T0WRONG in this database. The workspaces here: T0ONLY.");
      expect(r.err).not.toContain("no program named");
      expect(r.out).toBe("");
    }
  });
});
