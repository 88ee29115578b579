import { pino, type Logger } from "pino";
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";

export type { Logger };

/** JSON log lines on stdout (the app), or on stderr (a CLI command whose stdout is for the person). */
export function createLogger(level: string, to: "stdout" | "stderr" = "stdout"): Logger {
  const options = {
    level,
    base: { app: "rounds" },
    // Tokens and secrets never belong in a log line, even inside an error object.
    redact: { paths: ["token", "*.token", "headers.authorization", "*.headers.authorization"], censor: "[redacted]" },
  };
  return to === "stderr" ? pino(options, pino.destination(2)) : pino(options);
}

const toPino: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

/** pino behind Bolt's Logger interface, so Bolt's own messages land in the same JSON stream. */
export function boltLogger(base: Logger): BoltLogger {
  let log = base.child({ component: "bolt" });
  const message = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  return {
    debug: (...msg) => log.debug(message(msg)),
    info: (...msg) => log.info(message(msg)),
    warn: (...msg) => log.warn(message(msg)),
    error: (...msg) => log.error(message(msg)),
    setLevel: (level) => {
      log.level = toPino[level] ?? "info";
    },
    getLevel: () => (Object.entries(toPino).find(([, v]) => v === log.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (name) => {
      log = base.child({ component: name });
    },
  };
}
