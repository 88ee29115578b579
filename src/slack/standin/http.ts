import type { IncomingMessage, ServerResponse } from "node:http";

/** Reading Web API requests and writing answers, as the Slack stand-in does. */

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The Web API takes form fields whose objects are JSON text, or a JSON body. */
export function parseArgs(contentType: string, raw: Buffer): Record<string, unknown> {
  const text = raw.toString("utf8");
  if (!text) return {};
  if (contentType.includes("application/json")) return JSON.parse(text) as Record<string, unknown>;
  if (!contentType.includes("application/x-www-form-urlencoded")) return {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    args[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  }
  return args;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
