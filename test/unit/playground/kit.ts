import { expect } from "vitest";

/** Small Block Kit builders for the renderer's tests. */

export const pt = (text: string) => ({ type: "plain_text" as const, text });
export const md = (text: string) => ({ type: "mrkdwn" as const, text });
export const opt = (text: string, value: string) => ({ text: pt(text), value });
/** An option as Slack echoes it back in a payload (plain_text gains emoji: true). */
export const echoed = (text: string, value: string) => ({ text: { type: "plain_text", text, emoji: true }, value });

export const section = (accessory: object, text = "Pick one") => ({ type: "section", block_id: "b1", text: md(text), accessory: { action_id: "a1", ...accessory } });
export const actions = (...elements: object[]) => ({ type: "actions", block_id: "b1", elements });
export const input = (element: object, extra: object = {}) => ({ type: "input", block_id: "b1", label: pt("Your answer"), element: { action_id: "a1", ...element }, ...extra });

/** Checks Slack's action_ts (seconds with microseconds, as a string) and returns the payload without it. */
export function withoutTs(payload: object): Record<string, unknown> {
  const { action_ts, ...rest } = payload as Record<string, unknown>;
  expect(action_ts).toMatch(/^\d{10}\.\d{6}$/);
  return rest;
}

/** Ticks or unticks a checkbox/radio as a click would, and returns it. */
export function setChecked(el: Element | null, checked: boolean): HTMLInputElement {
  if (!el) throw new Error("no such input");
  const box = el as HTMLInputElement;
  box.checked = checked;
  return box;
}
