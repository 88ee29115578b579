/**
 * The fake Slack in a process of its own, so a benchmark's load generator does not slow down the
 * Slack the app talks to. Prints its base URL on the first line of stdout, and on the second the
 * URL of a small side server whose GET / answers every response_url reply taken so far, in
 * order: its id (the path after /response/), when it arrived (ms since the epoch, sub-millisecond,
 * this process's clock: the same wall clock as the benchmark's on one machine) and what it was
 * ("cards": mentor cards with a Request button; "busy": "Rounds is very busy…"; "other": any other
 * answer, such as "no mentor fits"). Users U000000…U{n-1} of team T0BENCH exist (n from argv[2]).
 */
import { createServer } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { FakeSlack } from "../src/slack/standin/server.js";

export interface ResponseSeen {
  id: string;
  at: number;
  kind: "cards" | "busy" | "other";
}

const users = Number(process.argv[2] ?? "1000");
const slack = new FakeSlack();
for (let i = 0; i < users; i++) slack.addUser({ id: `U${String(i).padStart(6, "0")}`, teamId: "T0BENCH", name: `Person ${i}` });
const seen: ResponseSeen[] = [];
slack.feed.on("response", ({ id, body }: { id: string; body: Record<string, unknown> }) => {
  const at = performance.timeOrigin + performance.now();
  const text = typeof body.text === "string" ? body.text : "";
  const kind = text.includes("very busy") ? "busy" : JSON.stringify(body.blocks ?? []).includes("findmentor_request") ? "cards" : "other";
  seen.push({ id, at, kind });
});
await slack.start();
const side = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(seen)));
side.listen(0, "127.0.0.1");
await once(side, "listening");
process.stdout.write(`${slack.url}\nhttp://127.0.0.1:${(side.address() as AddressInfo).port}\n`);
// Exits at once: waiting for slack.stop() could outlive the benchmark (its clients' keep-alive sockets), leaving the process behind.
process.on("SIGTERM", () => process.exit(0));
