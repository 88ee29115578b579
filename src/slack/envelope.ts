import { z } from "zod";

/**
 * The envelope of everything Slack sends to /slack/events (or over Socket Mode), checked before Bolt
 * dispatches it: the kind of request and the fields every listener relies on (who, which workspace,
 * which button or modal). Listeners then read these without guarding; a request without them is
 * answered 400 at once instead of failing somewhere inside Bolt after Slack has given up waiting.
 * Only the envelope is checked here; what a button or a form carries is each feature's zod codec.
 */

const id = z.string().min(1);
/** Slack sends more fields than these; they pass through unchecked. */
const user = z.looseObject({ id, team_id: id.optional() });
/** null for an app installed org-wide on Enterprise Grid (the workspace is then user.team_id). */
const team = z.looseObject({ id }).nullish();

const view = z.looseObject({
  id,
  callback_id: z.string(),
  private_metadata: z.string().optional(),
});
const submittedView = view.extend({
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({ type: z.string() }))) }),
});

const interaction = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) => z.looseObject({ type: z.literal(type), user, team, ...shape });

const interactionSchema = z
  .discriminatedUnion("type", [
    interaction("block_actions", {
      trigger_id: id,
      actions: z.array(z.looseObject({ action_id: z.string(), block_id: z.string().optional() })).min(1),
      view: view.partial({ callback_id: true }).optional(),
      response_url: z.string().optional(),
    }),
    interaction("view_submission", { trigger_id: id, view: submittedView }),
    interaction("view_closed", { view }),
    interaction("shortcut", { trigger_id: id, callback_id: z.string() }),
    interaction("message_action", { trigger_id: id, callback_id: z.string() }),
    interaction("block_suggestion", { action_id: z.string(), block_id: z.string(), value: z.string() }),
  ])
  .refine((body) => Boolean(body.team?.id ?? body.user.team_id), { message: "no workspace (neither team.id nor user.team_id)", path: ["team"] });

const slashCommandSchema = z.looseObject({
  command: z.string().startsWith("/"),
  text: z.string(),
  team_id: id,
  user_id: id,
  channel_id: id,
  trigger_id: id,
  response_url: id,
});

const eventSchemas = {
  event_callback: z
    .looseObject({ event_id: id.optional(), team_id: id.optional(), authorizations: z.array(z.looseObject({ team_id: id.nullish() })).optional(), event: z.looseObject({ type: id }) })
    .refine((body) => Boolean(body.team_id ?? body.authorizations?.[0]?.team_id), { message: "no workspace (neither team_id nor authorizations)", path: ["team_id"] }),
  url_verification: z.looseObject({ challenge: z.string() }),
  app_rate_limited: z.looseObject({ team_id: id, minute_rate_limited: z.number() }),
} as const;

/** What kind of request a parsed body is, by the field Bolt tells them apart by. */
export type EnvelopeKind = "command" | "event" | "interaction";

function kindOf(body: Record<string, unknown>): EnvelopeKind {
  if ("command" in body) return "command";
  if (typeof body.type === "string" && body.type in eventSchemas) return "event";
  return "interaction";
}

/** The type the body claims, short enough to log ("" when none). */
export function claimedType(body: unknown): string {
  if (!body || typeof body !== "object") return "";
  const b = body as Record<string, unknown>;
  const type = typeof b.type === "string" ? b.type : typeof b.command === "string" ? b.command : "";
  return type.slice(0, 40);
}

/**
 * Null when the body is a well-formed Slack request, else a one-line description of what is wrong
 * (field paths and zod's words, never the values: a payload may hold private notes).
 */
export function envelopeProblem(body: unknown): string | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "the body is not an object";
  const b = body as Record<string, unknown>;
  const kind = kindOf(b);
  const schema = kind === "command" ? slashCommandSchema : kind === "event" ? eventSchemas[b.type as keyof typeof eventSchemas] : interactionSchema;
  const result = schema.safeParse(b);
  if (result.success) return null;
  return result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || kind}: ${issue.message}`)
    .join("; ");
}
