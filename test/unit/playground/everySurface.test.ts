import { describe, expect, it } from "vitest";
import { renderMessage, renderView } from "../../../src/playground/web/render/index.js";
import { traineeEntries } from "../../../src/docs/messages/trainee.js";
import { mentorEntries } from "../../../src/docs/messages/mentor.js";
import { directorEntries } from "../../../src/docs/messages/director.js";
import { anyoneEntries } from "../../../src/docs/messages/anyone.js";
import { NAMES } from "../../../src/docs/messages/cast.js";
import type { Entry } from "../../../src/docs/messages/entry.js";
import { mount, visibleText } from "./dom.js";

/**
 * Every message, modal and Home tab Rounds shows (the same catalogue docs/messages.md is written
 * from), drawn by the Playground: nothing it cannot draw, nothing left as raw markup, every control
 * answerable.
 */

const entries: Entry[] = [...traineeEntries(), ...mentorEntries(), ...directorEntries(), ...anyoneEntries()];
const people = [...NAMES].filter(([id]) => id.startsWith("U")).map(([id, name]) => ({ id, name }));
const conversations = [...NAMES].filter(([id]) => !id.startsWith("U")).map(([id, name]) => ({ id, name }));

function draw(entry: Entry): HTMLElement {
  const s = entry.surface as { type?: string; blocks?: unknown[]; text?: string };
  const opts = { people, conversations };
  if (s.type === "modal" || s.type === "home") return mount(renderView({ ...s, type: s.type, blocks: s.blocks ?? [] }, opts));
  return mount(renderMessage({ text: s.text, blocks: s.blocks ? [...s.blocks] : undefined, username: "Rounds" }, opts));
}

describe("every surface Rounds shows, in the Playground", () => {
  it("the catalogue is not empty", () => expect(entries.length).toBeGreaterThan(40));

  for (const entry of entries) {
    it(`${entry.reader}: ${entry.title}`, () => {
      const root = draw(entry);
      expect(Array.from(root.querySelectorAll(".bk-unsupported")).map((e) => e.textContent)).toEqual([]);
      const text = visibleText(root);
      expect(text).not.toMatch(/undefined|\[object Object\]|&(amp|lt|gt);/);
      for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-type]"))) {
        expect(el.dataset.actionId, `${el.dataset.type} has an action_id`).toBeTruthy();
        expect(el.dataset.blockId, `${el.dataset.type} has a block_id`).toBeTruthy();
      }
      for (const button of Array.from(root.querySelectorAll("button"))) expect(button.textContent?.trim()).not.toBe("");
      for (const mention of Array.from(root.querySelectorAll(".bk-mention-user"))) expect(mention.textContent).not.toMatch(/^@U0/);
    });
  }
});
