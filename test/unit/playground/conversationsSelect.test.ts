import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input, pt, section, withoutTs } from "./kit.js";

const conversations = [
  { id: "C0HEME", name: "heme-fellows" },
  { id: "C0FAC", name: "faculty" },
];

describe("conversations_select element", () => {
  it("offers the conversations it is given as #names, and shows the initial one", () => {
    const root = mount(renderBlocks([input({ type: "conversations_select", placeholder: pt("Post to"), initial_conversation: "C0FAC" })], { conversations }));
    expect(visibleText(root)).toBe("Your answer\n[#faculty]");
    expect(Array.from(root.querySelectorAll("option")).map((o) => o.textContent)).toEqual(["Post to", "#heme-fellows", "#faculty"]);
  });

  it("sends selected_conversation in block_actions and view.state", () => {
    const root = mount(renderBlocks([section({ type: "conversations_select" })], { conversations }));
    expect(viewState(root).values.b1?.a1).toEqual({ type: "conversations_select", selected_conversation: null });
    const select = root.querySelector("select")!;
    select.value = "C0HEME";
    expect(withoutTs(actionPayload(select))).toEqual({ type: "conversations_select", action_id: "a1", block_id: "b1", selected_conversation: "C0HEME" });
    expect(viewState(root).values.b1?.a1).toEqual({ type: "conversations_select", selected_conversation: "C0HEME" });
  });
});
