import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * The one registry Rounds' metrics live in (served by server.ts on METRICS_PORT). Metrics are
 * recorded whether or not the port is set: a counter is a number in memory.
 */
export const registry = new Registry();

let defaultsOn = false;

/** Node's own metrics (CPU, memory, event-loop lag, …) too; started with the metrics server, not at import. */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: registry });
}
