import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { echoed, input, opt, section, setChecked, withoutTs } from "./kit.js";

const met = [opt("Yes, we met", "yes"), opt("Not yet", "no"), opt("Pause", "pause")];

describe("radio_buttons element", () => {
  it("shows every option with the initial one chosen", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "radio_buttons", options: met, initial_option: met[1] })])))).toBe("Your answer\n○ Yes, we met\n◉ Not yet\n○ Pause");
  });

  it("lets only one be chosen within the element, and two elements apart", () => {
    const root = mount(renderBlocks([input({ type: "radio_buttons", options: met }), { ...input({ type: "radio_buttons", options: met }), block_id: "b2" }]));
    const names = new Set(Array.from(root.querySelectorAll("input[type=radio]")).map((r) => r.getAttribute("name")));
    expect(names.size).toBe(2);
  });

  it("sends selected_option in block_actions and view.state, null before a choice", () => {
    const root = mount(renderBlocks([section({ type: "radio_buttons", options: met })]));
    expect(viewState(root).values.b1?.a1).toEqual({ type: "radio_buttons", selected_option: null });
    const pause = setChecked(root.querySelector("input[value=pause]"), true);
    expect(withoutTs(actionPayload(pause))).toEqual({ type: "radio_buttons", action_id: "a1", block_id: "b1", selected_option: echoed("Pause", "pause") });
    expect(viewState(root).values.b1?.a1).toEqual({ type: "radio_buttons", selected_option: echoed("Pause", "pause") });
  });
});
