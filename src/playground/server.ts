import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { FakeSlack } from "../slack/standin/server.js";
import { projectRoot } from "../paths.js";
import { CLOCK_STEPS, type ClockStep, type SimulatedClock } from "./clock.js";
import type { Interactions } from "./interactions.js";
import type { OpenViews } from "./views.js";
import { snapshot, type SharedFiles } from "./snapshot.js";
import { EVERYONE } from "./demo/people.js";
import { pageHtml } from "./page.js";

/** What the page server drives. */
export interface Playground {
  slack: FakeSlack;
  views: OpenViews;
  files: SharedFiles;
  clock: SimulatedClock;
  interactions: Interactions;
  advance(step: ClockStep | "now"): Promise<void>;
  reset(): Promise<void>;
}

const person = z.string().refine((id) => EVERYONE.some((p) => p.id === id), "not a person of the demo workspace");
const state = z.object({ values: z.record(z.string(), z.unknown()) });
const requests = {
  command: z.object({ as: person, channel: z.string(), command: z.enum(["/findmentor", "/mentoring", "/mentoring-admin"]), text: z.string().max(4000) }),
  message: z.object({ as: person, channel: z.string(), text: z.string().min(1).max(4000) }),
  action: z.object({
    as: person,
    where: z.discriminatedUnion("kind", [
      z.object({ kind: z.enum(["message", "ephemeral"]), channel: z.string(), ts: z.string() }),
      z.object({ kind: z.literal("home") }),
      z.object({ kind: z.literal("modal"), state }),
    ]),
    action: z.record(z.string(), z.unknown()),
  }),
  submit: z.object({ as: person, state }),
  close: z.object({ as: person, all: z.boolean() }),
  open: z.object({ as: person, tab: z.enum(["home", "messages"]) }),
  clock: z.object({ step: z.enum([...CLOCK_STEPS, "now"]) }),
};

/** Static files the page loads: its compiled modules and its stylesheets, from this checkout only. */
const STATIC: Record<string, { file: string; type: string }> = {
  "/page.css": { file: "src/playground/web/page/page.css", type: "text/css" },
  "/blockkit.css": { file: "src/playground/web/render/blockkit.css", type: "text/css" },
};

/**
 * The page's server, on 127.0.0.1 only: the page, its modules, a snapshot of what a person sees,
 * the person's interactions (sent to Rounds as Slack would send them), the clock, "Reset demo",
 * file downloads, and a server-sent event stream that says when something changed.
 */
export async function startPage(pg: Playground, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const streams = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | null = null;
  const changed = () => {
    pending ??= setTimeout(() => {
      pending = null;
      for (const res of streams) res.write(`data: ${JSON.stringify({ now: pg.clock.now().toISOString() })}\n\n`);
    }, 60);
  };
  for (const event of ["call", "response", "refusal", "message"]) pg.slack.feed.on(event, changed);
  let busy: Promise<unknown> = Promise.resolve();
  /** Clock jumps and resets one at a time. */
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = busy.then(work, work);
    busy = next.catch(() => undefined);
    return next;
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET") {
      if (url.pathname === "/") return send(res, 200, "text/html; charset=utf-8", pageHtml());
      if (url.pathname === "/favicon.ico") return void res.writeHead(204).end();
      if (url.pathname === "/api/events") {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        res.write(`data: ${JSON.stringify({ now: pg.clock.now().toISOString() })}\n\n`);
        streams.add(res);
        req.on("close", () => streams.delete(res));
        return;
      }
      if (url.pathname === "/api/state") {
        const me = person.safeParse(url.searchParams.get("as"));
        if (!me.success) return json(res, 400, { error: "as: pick a person" });
        return json(res, 200, snapshot(pg.slack, pg.views, pg.files, me.data, pg.clock.now()));
      }
      const file = /^\/files\/([A-Z0-9]+)\/([^/]+)$/.exec(url.pathname);
      if (file) {
        const bytes = await pg.slack.uploadedFile(file[1]!);
        if (!bytes) return json(res, 404, { error: "no such file" });
        const name = decodeURIComponent(file[2]!);
        const type = name.endsWith(".png") ? "image/png" : name.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/octet-stream";
        res.writeHead(200, { "content-type": type, ...(type.startsWith("image/") ? {} : { "content-disposition": `attachment; filename="${name.replace(/"/g, "")}"` }) });
        return void res.end(bytes);
      }
      if (STATIC[url.pathname]) return sendFile(res, STATIC[url.pathname]!.file, STATIC[url.pathname]!.type);
      const module = /^\/web\/([\w/]+\.js)$/.exec(url.pathname);
      if (module && !module[1]!.includes("..")) return sendFile(res, path.join("dist/src/playground/web", module[1]!), "text/javascript");
      return json(res, 404, { error: "not found" });
    }
    if (req.method !== "POST") return json(res, 405, { error: "method not allowed" });
    const body = JSON.parse((await readBody(req)) || "{}") as unknown;
    const it = pg.interactions;
    switch (url.pathname) {
      case "/api/command": {
        const r = requests.command.parse(body);
        return json(res, 200, await it.command(r.as, r.channel, r.command, r.text));
      }
      case "/api/message": {
        const r = requests.message.parse(body);
        if (r.channel === `D-${r.as}`) await it.directMessage(r.as, r.text);
        else pg.slack.postAs(r.as, r.channel, r.text);
        return json(res, 200, {});
      }
      case "/api/action": {
        const r = requests.action.parse(body);
        return json(res, 200, await it.action(r.as, r.where, r.action));
      }
      case "/api/submit": {
        const r = requests.submit.parse(body);
        const out = await it.submit(r.as, r.state);
        changed();
        return json(res, 200, out);
      }
      case "/api/close": {
        const r = requests.close.parse(body);
        await it.close(r.as, r.all);
        changed();
        return json(res, 200, {});
      }
      case "/api/open": {
        const r = requests.open.parse(body);
        await it.openApp(r.as, r.tab);
        return json(res, 200, {});
      }
      case "/api/clock": {
        const r = requests.clock.parse(body);
        await serially(() => pg.advance(r.step));
        changed();
        return json(res, 200, { now: pg.clock.now().toISOString() });
      }
      case "/api/reset": {
        await serially(() => pg.reset());
        changed();
        return json(res, 200, { now: pg.clock.now().toISOString() });
      }
      default:
        return json(res, 404, { error: "not found" });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is in use; set PORT to another one (PORT=3001 npm start)`) : error),
    );
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function sendFile(res: ServerResponse, file: string, type: string): Promise<void> {
  try {
    send(res, 200, type, await readFile(path.join(projectRoot, file)));
  } catch {
    json(res, 404, { error: "not found" });
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, "application/json", JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString()));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}
