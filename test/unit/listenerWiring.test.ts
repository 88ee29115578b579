import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { App } from "@slack/bolt";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { registerListeners } from "../../src/slack/listeners.js";
import type { ListenerDeps } from "../../src/slack/deps.js";
import { projectRoot } from "../../src/paths.js";
import { BOT_SCOPES } from "../../src/slack/tenancy/installer.js";

/**
 * The ids the features declare in their ids files: every ActionId / ViewId (an id with its codec),
 * and, for ids not yet declared with a codec, every string under an `…ACTIONS` / `actions` key
 * (button ids) or `…CALLBACKS` / `views` key (modal callback ids).
 */
async function declaredIds(): Promise<{ actions: string[]; views: string[]; declared: { kind: "action" | "view"; id: string; suffixed: boolean; decodes: boolean }[] }> {
  const featuresDir = path.join(projectRoot, "src/features");
  const found = { actions: [] as string[], views: [] as string[], declared: [] as { kind: "action" | "view"; id: string; suffixed: boolean; decodes: boolean }[] };
  const walk = (value: unknown, kind: "actions" | "views" | null) => {
    if (typeof value === "string" && kind) found[kind].push(value);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const d = value as { kind?: unknown; id?: unknown; codec?: { decode?: unknown }; metadata?: { decode?: unknown }; suffixed?: unknown };
      if ((d.kind === "action" || d.kind === "view") && typeof d.id === "string") {
        const codec = d.kind === "action" ? d.codec : d.metadata;
        found.declared.push({ kind: d.kind, id: d.id, suffixed: d.suffixed === true, decodes: typeof codec?.decode === "function" });
        return;
      }
      for (const [key, inner] of Object.entries(value)) walk(inner, /ACTIONS$|^actions$/.test(key) ? "actions" : /CALLBACKS$|^views$/.test(key) ? "views" : kind);
    }
  };
  for (const feature of readdirSync(featuresDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = path.join(featuresDir, feature.name);
    for (const file of readdirSync(dir).filter((name) => /^(ids|\w+Ids)\.ts$/.test(name))) walk(await import(path.join(dir, file)), null);
  }
  return found;
}

describe("the app's listeners", () => {
  const fakeApp = { use: () => undefined, command: () => undefined, action: () => undefined, view: () => undefined, event: () => undefined, shortcut: () => undefined, options: () => undefined } as unknown as App;
  const router = registerListeners(fakeApp, { logger: pino({ level: "silent" }) } as unknown as ListenerDeps);

  it("answer each slash command and event in manifest.yml with exactly one handler", () => {
    const manifest = readFileSync(path.join(projectRoot, "manifest.yml"), "utf8");
    const commands = [...manifest.matchAll(/- command: (\S+)/g)].map((m) => m[1]!);
    const events = [...manifest.split("bot_events:")[1]!.matchAll(/^\s+- ([\w.]+)/gm)].map((m) => m[1]!);
    expect(commands).toEqual(["/findmentor", "/mentoring", "/mentoring-admin"]);
    expect(events).toEqual(["app_home_opened", "member_joined_channel", "message.im", "app_uninstalled", "tokens_revoked"]);
    for (const command of commands) expect(router.registrations("command", command), command).toBe(1);
    // Slack's message.im arrives as an event of type "message" (channel_type "im").
    for (const event of events) expect(router.registrations("event", event.split(".")[0]!), event).toBe(1);
  });

  it("ask, when installing in many workspaces, for exactly the bot scopes manifest.yml lists", () => {
    const manifest = readFileSync(path.join(projectRoot, "manifest.yml"), "utf8");
    const bot = manifest.split(/^\s+bot:\s*$/m)[1]!.split(/^settings:/m)[0]!;
    const scopes = [...bot.matchAll(/^\s+- ([\w:.]+)/gm)].map((m) => m[1]!);
    expect(BOT_SCOPES).toEqual(scopes);
  });

  it("answer every id a feature declares with exactly one handler, and give each its codec", async () => {
    const { declared } = await declaredIds();
    expect(declared.length).toBeGreaterThan(5);
    // Action ids and callback ids are separate namespaces in Slack (admin_directors is both a button and its modal).
    const ids = declared.map((d) => `${d.kind}:${d.id}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const closeOnly = ["goals_list", "meeting_done", "privacy_view", "profile_info"];
    const wrong = declared
      .filter((d) => !closeOnly.includes(d.id))
      .filter((d) => !d.decodes || router.registrations(d.kind, d.suffixed ? `${d.id}_x` : d.id) !== 1)
      .map((d) => d.id);
    expect(wrong).toEqual([]);
  });

  it("answer every button id and modal callback id the views declare with exactly one handler", async () => {
    const { actions, views, declared } = await declaredIds();
    actions.push(...declared.filter((d) => d.kind === "action").map((d) => d.id));
    views.push(...declared.filter((d) => d.kind === "view").map((d) => d.id));
    expect(actions.length).toBeGreaterThan(40);
    expect(views.length).toBeGreaterThan(15);
    // Some ids are prefixes the views complete (match_cadence_<key>, request_withdraw_home_<id>, round_create_home).
    const unhandled = actions.filter((id) => ![id, `${id}_home`, `${id}_x`].some((full) => router.registrations("action", full) === 1));
    expect(unhandled).toEqual([]);
    // Modals with only a Close button are never submitted, so nothing listens for them.
    const closeOnly = ["goals_list", "meeting_done", "privacy_view", "profile_info"];
    for (const id of closeOnly) expect(router.registrations("view", id), id).toBe(0);
    const unsubmittable = views.filter((id) => !closeOnly.includes(id) && router.registrations("view", id) !== 1);
    expect(unsubmittable).toEqual([]);
  });
});
