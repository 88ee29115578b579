import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { pt } from "./kit.js";

describe("header block", () => {
  it("shows its plain text as a heading, with emoji", () => {
    const root = mount(renderBlocks([{ type: "header", text: pt(":seedling: Your mentoring <program>") }]));
    expect(visibleText(root)).toBe("🌱 Your mentoring <program>");
    expect(root.querySelector("h2")?.textContent).toBe("🌱 Your mentoring <program>");
  });

  it("keeps shortcodes as typed when emoji is turned off, and never reads plain text as mrkdwn", () => {
    const root = mount(renderBlocks([{ type: "header", text: { type: "plain_text", text: ":wave: *Hi*", emoji: false } }]));
    expect(visibleText(root)).toBe(":wave: *Hi*");
  });
});
