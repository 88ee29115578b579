import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input, pt, section, withoutTs } from "./kit.js";

describe("datepicker element", () => {
  it("shows the initial date, or the placeholder", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "datepicker", initial_date: "2026-12-14" })])))).toBe("Your answer\n[2026-12-14]");
    expect(visibleText(mount(renderBlocks([input({ type: "datepicker", placeholder: pt("Meeting date") })])))).toBe("Your answer\n[(Meeting date)]");
  });

  it("sends selected_date in block_actions and view.state, null when empty", () => {
    const root = mount(renderBlocks([section({ type: "datepicker", initial_date: "2026-12-14" })]));
    const picker = root.querySelector("input")!;
    picker.value = "2027-01-04";
    expect(withoutTs(actionPayload(picker))).toEqual({ type: "datepicker", action_id: "a1", block_id: "b1", selected_date: "2027-01-04" });
    picker.value = "";
    expect(viewState(root).values.b1?.a1).toEqual({ type: "datepicker", selected_date: null });
  });
});
