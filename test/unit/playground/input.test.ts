import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input, pt } from "./kit.js";

describe("input block", () => {
  it("shows the label, the field, and the hint under it", () => {
    const root = mount(renderBlocks([input({ type: "plain_text_input", placeholder: pt("e.g. R01 aims") }, { hint: pt("One or two goals at a time") })], { surface: "modal" }));
    expect(visibleText(root)).toBe("Your answer\n[(e.g. R01 aims)]\nOne or two goals at a time");
  });

  it("marks an optional input '(optional)'", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "plain_text_input" }, { optional: true })])))).toContain("Your answer (optional)");
  });

  it("shows the inline error for its block_id in the block, under the field", () => {
    const root = mount(renderBlocks([input({ type: "plain_text_input", initial_value: "x" }, { hint: pt("A hint") })], { surface: "modal", errors: { b1: "Say a little more" } }));
    expect(visibleText(root)).toBe("Your answer\n[x]\nSay a little more\nA hint");
    expect(root.querySelector(".bk-has-error [role=alert]")?.textContent).toBe("Say a little more");
  });

  it("labels its field, so the label names it", () => {
    const root = mount(renderBlocks([input({ type: "datepicker" })]));
    const label = root.querySelector("label.bk-label")!;
    const field = root.querySelector("[data-type=datepicker]")!;
    expect(field.getAttribute("aria-labelledby")).toBe(label.id);
    expect(label.getAttribute("for")).toBe(field.id);
  });

  it("an error for another block is not shown", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "plain_text_input" })], { errors: { other: "Nope" } })))).not.toContain("Nope");
  });
});
