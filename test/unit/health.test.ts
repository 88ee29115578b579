import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { healthRoute } from "../../src/app.js";

let server: Server | null = null;

async function serve(ping: () => Promise<boolean>): Promise<string> {
  const route = healthRoute({ ping });
  server = createServer((req, res) => void route.handler(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

describe("GET /healthz", () => {
  it("is 200 with status ok while the database answers", async () => {
    const res = await fetch(await serve(async () => true));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("is 503 and says the database is unreachable when it does not answer", async () => {
    const res = await fetch(await serve(async () => false));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", db: "unreachable" });
  });
});
