import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input, section, withoutTs } from "./kit.js";

describe("timepicker element", () => {
  it("shows the initial time", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "timepicker", initial_time: "09:30" })])))).toBe("Your answer\n[09:30]");
  });

  it("sends selected_time in block_actions and view.state, null when empty", () => {
    const root = mount(renderBlocks([section({ type: "timepicker" })]));
    expect(viewState(root).values.b1?.a1).toEqual({ type: "timepicker", selected_time: null });
    const picker = root.querySelector("input")!;
    picker.value = "14:05";
    expect(withoutTs(actionPayload(picker))).toEqual({ type: "timepicker", action_id: "a1", block_id: "b1", selected_time: "14:05" });
    expect(viewState(root).values.b1?.a1).toEqual({ type: "timepicker", selected_time: "14:05" });
  });
});
