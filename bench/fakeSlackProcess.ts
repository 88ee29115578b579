/**
 * The fake Slack in a process of its own, so a benchmark's load generator does not slow down the
 * Slack the app talks to. Prints its base URL on the first line of stdout; GET /_stats answers
 * counts of what it received. Users U000000…U{n-1} of team T0BENCH exist (n from argv[2]).
 */
import { FakeSlack } from "../src/slack/standin/server.js";

const users = Number(process.argv[2] ?? "1000");
const slack = new FakeSlack();
for (let i = 0; i < users; i++) slack.addUser({ id: `U${String(i).padStart(6, "0")}`, teamId: "T0BENCH", name: `Person ${i}` });
await slack.start();
process.stdout.write(`${slack.url}\n`);
process.on("SIGTERM", () => void slack.stop().then(() => process.exit(0)));
