import { describe, expect, it } from "vitest";
import { runJobCommand } from "../../src/cli/job.js";

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
