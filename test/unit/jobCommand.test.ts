import { describe, expect, it } from "vitest";
import { runJobCommand, summaryLine } from "../../src/cli/job.js";

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await runJobCommand(argv, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

describe("npm run cli -- job … with the wrong words", () => {
  it.each([
    [["run"], "name the job to run"],
    [[], "the only job command is `job run NAME`"],
    [["start", "checkins"], "the only job command is `job run NAME`"],
    [["foo"], "the only job command is `job run NAME`"],
    [["run", "nope"], "no job named nope"],
    [["run", "checkins", "--now", "tomorrow"], "--now must be an ISO date-time"],
  ])("job %j says what is wrong, shows the usage and exits 2", async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n")[0]).toContain(message);
    expect(err).toContain("Usage: npm run cli -- job run NAME");
  });
});

describe("job run's closing line", () => {
  const at = new Date("2027-01-15T16:00:00Z");
  it.each([
    [{ queued: 12 }, "checkins: 12 messages queued (as of Fri 15 Jan 2027, 16:00 UTC); the running app sends them."],
    [{ queued: 1 }, "checkins: 1 message queued (as of Fri 15 Jan 2027, 16:00 UTC); the running app sends them."],
    [{ queued: 0 }, "checkins: nothing to send (as of Fri 15 Jan 2027, 16:00 UTC)."],
  ])("says how many messages %j queued, in the right plural, and who sends them", (result, line) => {
    expect(summaryLine("checkins", result, at)).toBe(line);
  });

  it("says what a job that sends nothing did, and nothing about messages", () => {
    expect(summaryLine("prune-deliveries", { prunedDeliveryKeys: 1 }, at)).toBe("prune-deliveries: 1 old Slack delivery key pruned (as of Fri 15 Jan 2027, 16:00 UTC).");
  });
});
