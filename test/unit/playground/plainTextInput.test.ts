import { describe, expect, it } from "vitest";
import { renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input, pt } from "./kit.js";

describe("plain_text_input element", () => {
  it("single-line shows its initial value, or its placeholder", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "plain_text_input", initial_value: "Grant <aims> & budget" })])))).toBe("Your answer\n[Grant <aims> & budget]");
    expect(visibleText(mount(renderBlocks([input({ type: "plain_text_input", placeholder: pt("What did you cover?") })])))).toBe("Your answer\n[(What did you cover?)]");
  });

  it("multiline is a text area holding the initial value, line breaks kept", () => {
    const root = mount(renderBlocks([input({ type: "plain_text_input", multiline: true, initial_value: "Line one\nLine </textarea><b>two</b>", max_length: 500 })]));
    const area = root.querySelector("textarea")!;
    expect(area.value).toBe("Line one\nLine </textarea><b>two</b>");
    expect(area.getAttribute("maxlength")).toBe("500");
    expect(root.querySelector("b")).toBeNull();
  });

  it("puts value in view.state: the text typed, or null when empty", () => {
    const root = mount(renderBlocks([input({ type: "plain_text_input" }), { ...input({ type: "plain_text_input", multiline: true, action_id: "notes" }), block_id: "b2" }]));
    expect(viewState(root)).toEqual({ values: { b1: { a1: { type: "plain_text_input", value: null } }, b2: { notes: { type: "plain_text_input", value: null } } } });
    root.querySelector("input")!.value = "Discussed the K award";
    root.querySelector("textarea")!.value = "Next: draft aims\nby Friday";
    expect(viewState(root)).toEqual({
      values: { b1: { a1: { type: "plain_text_input", value: "Discussed the K award" } }, b2: { notes: { type: "plain_text_input", value: "Next: draft aims\nby Friday" } } },
    });
  });
});
