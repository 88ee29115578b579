import { Gauge } from "prom-client";
import { registry } from "./registry.js";

let ping: (() => Promise<boolean>) | null = null;

/** The same check as GET /healthz, at scrape time: 1 while the database answers, 0 while /healthz answers 503. */
new Gauge({
  name: "rounds_database_up",
  help: "1 when the database answers a trivial query (GET /healthz answers 200), 0 when it does not (503)",
  registers: [registry],
  async collect() {
    this.set(ping && (await ping()) ? 1 : 0);
  },
});

/** The database check the gauge runs (Database.ping). */
export function watchDatabase(check: () => Promise<boolean>): void {
  ping = check;
}
