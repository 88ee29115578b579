import * as errors from "../domain/errors.js";
import { DomainError } from "../domain/errors.js";
import type { MentorSearch } from "../features/findmentor/findMentor.js";
import type { PoolCacheTally } from "../metrics/poolCache.js";

type Op = keyof MentorSearch;
export type SearchRequest = { [K in Op]: { op: K; args: Parameters<MentorSearch[K]> } }[Op];

/** An error as it crosses from a worker: a domain error keeps its class name and fields. */
export type SentError = { domain: string; fields: Record<string, unknown>; message: string } | { message: string };
/** `poolCache`: the worker's mentor-pool cache hits and misses since its last reply (for /metrics). */
export type SearchReply = ({ result: unknown } | { error: SentError }) & { poolCache?: PoolCacheTally };

/** What a worker posts once it has loaded the mentor pools as it starts (or failed to). */
export type WarmedMessage = { warmed: true; workspaces: number; ms: number } | { warmed: false; error: string; ms: number };

export function sentError(error: unknown): SentError {
  if (error instanceof DomainError) return { domain: error.constructor.name, fields: { ...error }, message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}

const domainClasses = new Map(
  (Object.values(errors) as unknown[])
    .filter((v): v is abstract new (...a: never[]) => DomainError => typeof v === "function" && v.prototype instanceof DomainError)
    .map((c) => [c.name, c]),
);

/** The error a worker sent, as the same domain error class (fields and all) when it was one. */
export function revivedError(sent: SentError): Error {
  const Class = "domain" in sent ? domainClasses.get(sent.domain) : undefined;
  if (!Class || !("domain" in sent)) return new Error(sent.message);
  const error = Object.create(Class.prototype) as DomainError;
  Object.assign(error, sent.fields);
  Object.defineProperty(error, "message", { value: sent.message, writable: true, configurable: true });
  return error;
}
