import { afterAll, afterEach } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";

/**
 * Fails the test during which the fake Slack refused something Slack would refuse (an invalid view or
 * message, a stale or reused trigger, an invalid ack), unless the test declared it with
 * slack.expectRefusal(). Runs after every test of every file (vitest setupFiles), and once more after
 * the file, for what arrived between tests.
 */
function failOnRefusals(): void {
  const problems = FakeSlack.unreportedProblems();
  if (problems.length) throw new Error(`The fake Slack refused what real Slack would refuse:\n${problems.join("\n")}`);
}

afterEach(failOnRefusals);
afterAll(failOnRefusals);
