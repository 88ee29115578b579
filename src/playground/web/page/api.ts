/** The page's calls to the Playground server, and the shapes it answers with (see src/playground/snapshot.ts). */

export interface Person {
  id: string;
  name: string;
  title: string;
  tz: string;
  group: "Director" | "Trainees" | "Mentors";
}

export interface Message {
  ts: string;
  text?: string;
  blocks?: unknown[];
  user?: string;
  bot_id?: string;
  ephemeral?: boolean;
  edited?: boolean;
  files?: { id: string; name: string; title: string; mimetype: string; filetype: string; url_private_download: string }[];
}

export interface Conversation {
  id: string;
  kind: "app" | "channel" | "group";
  name: string;
  messages: Message[];
}

export interface View {
  id: string;
  type: "modal" | "home";
  blocks: unknown[];
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  callback_id?: string;
}

export interface Snapshot {
  me: string;
  now: string;
  people: Person[];
  conversations: Conversation[];
  home: View | null;
  modals: View[];
  errors: Record<string, string>;
  warnings: { method: string; error: string; messages: string[] }[];
}

export async function getState(as: string): Promise<Snapshot> {
  const res = await fetch(`/api/state?as=${encodeURIComponent(as)}`);
  if (!res.ok) throw new Error(`the Playground answered ${res.status}`);
  return (await res.json()) as Snapshot;
}

export async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(String(answer.error ?? res.status));
  return answer;
}
