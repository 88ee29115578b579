import { createServer, type Server } from "node:http";
import type { Logger } from "pino";
import { collectProcessMetrics, registry } from "./registry.js";

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /metrics in Prometheus' text format, on a port of its own (METRICS_PORT): never on the port
 * Slack reaches, so putting Rounds on the internet does not publish its metrics. Anything else is 404.
 */
export async function startMetricsServer(port: number, logger: Logger): Promise<MetricsServer> {
  collectProcessMetrics();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found. Metrics are at GET /metrics.\n");
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(req.method === "HEAD" ? undefined : text),
      (error: unknown) => {
        logger.error({ err: error }, "metrics: collecting failed");
        res.writeHead(500, { "content-type": "text/plain" }).end("collecting metrics failed\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  logger.info({ port }, "metrics served at GET /metrics");
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
