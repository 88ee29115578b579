import { describe, expect, it } from "vitest";
import { renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input } from "./kit.js";

describe("number_input element", () => {
  it("shows the initial value and keeps to whole numbers unless decimals are allowed", () => {
    const root = mount(renderBlocks([input({ type: "number_input", is_decimal_allowed: false, initial_value: "3", min_value: "1", max_value: "8" })], { surface: "modal" }));
    expect(visibleText(root)).toBe("Your answer\n[3]");
    const field = root.querySelector("input")!;
    expect([field.type, field.step, field.min, field.max]).toEqual(["number", "1", "1", "8"]);
    const decimal = mount(renderBlocks([input({ type: "number_input", is_decimal_allowed: true, initial_value: 1.5 })])).querySelector("input")!;
    expect([decimal.step, decimal.value]).toEqual(["any", "1.5"]);
  });

  it("puts value in view.state as a string, null when empty", () => {
    const root = mount(renderBlocks([input({ type: "number_input", is_decimal_allowed: false })]));
    expect(viewState(root).values.b1?.a1).toEqual({ type: "number_input", value: null });
    root.querySelector("input")!.value = "4";
    expect(viewState(root).values.b1?.a1).toEqual({ type: "number_input", value: "4" });
  });
});
