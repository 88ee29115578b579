import type { z } from "zod";

/**
 * Turns zod issues into the lines Slack writes in response_metadata.messages: a sentence and where,
 * as a JSON pointer into what was sent, e.g. "must be less than 25 characters [json-pointer:/view/title/text]".
 * The sentences follow the ones Slack is seen to send ("must be less than 3001 characters",
 * "no more than 10 items allowed", "invalid additional property: style", "unsupported type: …",
 * "failed to match all allowed schemas").
 */

export type Path = readonly PropertyKey[];

export const pointer = (base: string, path: Path) => `${base}${path.map((p) => `/${String(p)}`).join("")}`;

export const located = (message: string, base: string, path: Path) => `${message} [json-pointer:${pointer(base, path)}]`;

/** The value at `path` inside `root` (undefined when any step is missing). */
export function valueAt(root: unknown, path: Path): unknown {
  let here: unknown = root;
  for (const step of path) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<PropertyKey, unknown>)[step as string];
  }
  return here;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** Slack's lines for one zod issue found in `root` (what was checked), pointers starting at `base`. */
export function slackLines(issue: z.core.$ZodIssue, root: unknown, base: string): string[] {
  const path = issue.path;
  switch (issue.code) {
    case "invalid_type": {
      const field = path.at(-1);
      if (valueAt(root, path) === undefined && field !== undefined) return [located(`${String(field)} is required`, base, path)];
      return [located(`must provide ${article(issue.expected === "number" ? "number" : issue.expected)}`, base, path)];
    }
    case "too_big":
      if (issue.origin === "string") return [located(`must be less than ${Number(issue.maximum) + 1} characters`, base, path)];
      if (issue.origin === "array") return [located(`no more than ${String(issue.maximum)} items allowed`, base, path)];
      return [located(`must be at most ${String(issue.maximum)}`, base, path)];
    case "too_small":
      if (issue.origin === "string") return [located(`must be more than ${Number(issue.minimum) - 1} characters`, base, path)];
      if (issue.origin === "array") return [located(`must provide at least ${String(issue.minimum)} items`, base, path)];
      return [located(`must be at least ${String(issue.minimum)}`, base, path)];
    case "unrecognized_keys":
      return issue.keys.map((key) => located(`invalid additional property: ${key}`, base, path));
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const value = valueAt(root, path);
        return [located(value === undefined ? `${issue.discriminator} is required` : `unsupported type: ${String(value)}`, base, path)];
      }
      return [located("failed to match all allowed schemas", base, path)];
    }
    case "invalid_value":
      return [located(`must be one of: ${issue.values.map(String).join(", ")}`, base, path)];
    default:
      // custom refinements and formats carry Slack's sentence as their message
      return [located(issue.message, base, path)];
  }
}
