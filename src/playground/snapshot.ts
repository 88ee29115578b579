import type { FakeSlack, RecordedCall } from "../slack/standin/server.js";
import type { OpenViews, ShownView } from "./views.js";
import { EVERYONE, DIRECTOR, MENTORS, TRAINEES } from "./demo/people.js";

/** A message as the page draws it (the renderer's MessageLike). */
export interface PageMessage {
  ts: string;
  text?: string;
  blocks?: unknown;
  user?: string;
  bot_id?: string;
  ephemeral?: boolean;
  edited?: boolean;
  files?: { id: string; name: string; title: string; mimetype: string; filetype: string; url_private_download: string }[];
}

export interface PageConversation {
  id: string;
  kind: "app" | "channel" | "group";
  name: string;
  messages: PageMessage[];
}

/** Everything one person sees right now: the page draws it as it is. */
export interface Snapshot {
  me: string;
  now: string;
  people: { id: string; name: string; title: string; tz: string; group: "Director" | "Trainees" | "Mentors" }[];
  conversations: PageConversation[];
  home: ShownView | null;
  modals: ShownView[];
  errors: Record<string, string>;
  /** What the Slack stand-in refused, newest last: Slack would not have shown it. */
  warnings: { method: string; error: string; messages: string[] }[];
}

const GENERAL = "C0GENERAL";

/** Files shared into conversations (files.getUploadURLExternal names them, files.completeUploadExternal shares them). */
export class SharedFiles {
  private readonly names = new Map<string, string>();
  readonly shared: { channel: string; ts: string; id: string; title: string; name: string }[] = [];

  constructor(slack: FakeSlack, nowMs: () => number) {
    slack.feed.on("call", ({ call, answer }: { call: RecordedCall; answer: { ok?: boolean; file_id?: string } }) => {
      if (!answer.ok) return;
      if (call.method === "files.getUploadURLExternal" && answer.file_id) this.names.set(answer.file_id, String(call.args.filename ?? "file"));
      if (call.method === "files.completeUploadExternal") {
        const channel = slack.conversationOf(String(call.args.channel_id ?? ""));
        for (const f of (call.args.files as { id: string; title?: string }[] | undefined) ?? []) {
          this.shared.push({ channel, ts: (nowMs() / 1000).toFixed(6), id: f.id, title: f.title ?? "", name: this.names.get(f.id) ?? f.id });
        }
      }
    });
  }

  clear(): void {
    this.names.clear();
    this.shared.length = 0;
  }
}

const people = () => [
  { ...DIRECTOR, group: "Director" as const },
  ...TRAINEES.map((p) => ({ ...p, group: "Trainees" as const })),
  ...MENTORS.map((p) => ({ ...p, group: "Mentors" as const })),
].map(({ id, name, title, tz, group }) => ({ id, name, title, tz, group }));

function mimeOf(name: string): { mimetype: string; filetype: string } {
  const ext = name.split(".").pop()?.toLowerCase() ?? "";
  if (ext === "png") return { mimetype: "image/png", filetype: "png" };
  if (ext === "csv") return { mimetype: "text/csv", filetype: "csv" };
  return { mimetype: "application/octet-stream", filetype: ext };
}

/** What `me` sees: the Rounds DM, the group DMs they are in, the channels, their Home and their modals. */
export function snapshot(slack: FakeSlack, views: OpenViews, files: SharedFiles, me: string, now: Date): Snapshot {
  const nameOf = (id: string) => EVERYONE.find((p) => p.id === id)?.name ?? id;
  const visible = new Set<string>([`D-${me}`, GENERAL, ...slack.conversations().filter((c) => c.startsWith("C") || (c.startsWith("G-") && c.slice(2).split("-").includes(me)))]);
  const conversations: PageConversation[] = [...visible].map((id) => {
    const posted: PageMessage[] = slack.messagesIn(id).map((m) => ({
      ts: m.ts,
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.blocks !== undefined ? { blocks: m.blocks } : {}),
      ...(m.user === slack.botUserId ? { bot_id: slack.botId } : { user: m.user }),
      ...(m.edited ? { edited: true } : {}),
    }));
    const ephemeral: PageMessage[] = slack
      .ephemeralsFor(me)
      .filter((e) => e.channel === id)
      .map((e) => ({ ts: e.ts, ephemeral: true, bot_id: slack.botId, ...(e.text !== undefined ? { text: e.text } : {}), ...(e.blocks !== undefined ? { blocks: e.blocks } : {}) }));
    const shared: PageMessage[] = files.shared
      .filter((f) => f.channel === id)
      .map((f) => ({ ts: f.ts, bot_id: slack.botId, text: "", files: [{ id: f.id, name: f.name, title: f.title || f.name, ...mimeOf(f.name), url_private_download: `/files/${f.id}/${encodeURIComponent(f.name)}` }] }));
    const messages = [...posted, ...ephemeral, ...shared].sort((a, b) => Number(a.ts) - Number(b.ts));
    const kind = id.startsWith("D-") ? "app" : id.startsWith("G-") ? "group" : "channel";
    const name =
      kind === "app" ? "Rounds" : kind === "group" ? id.slice(2).split("-").filter((u) => u !== me).map(nameOf).join(", ") : id === GENERAL ? "general" : id.toLowerCase().replace(/^c0?/, "");
    return { id, kind, name, messages };
  });
  return {
    me,
    now: now.toISOString(),
    people: people(),
    conversations,
    home: views.home(me),
    modals: views.stack(me),
    errors: views.errorsOf(me),
    warnings: slack.refused.map((r) => ({ method: r.method, error: r.error, messages: r.messages })),
  };
}
