import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { echoed, input, opt, pt, section, withoutTs } from "./kit.js";

const roles = [opt("Mentor", "MENTOR"), opt("Coach", "COACH"), opt("Sponsor", "SPONSOR")];

describe("static_select element", () => {
  it("shows the placeholder until something is chosen, and the initial option when there is one", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "static_select", placeholder: pt("Choose a role"), options: roles })])))).toBe("Your answer\n[Choose a role]");
    expect(visibleText(mount(renderBlocks([input({ type: "static_select", options: roles, initial_option: roles[1] })])))).toBe("Your answer\n[Coach]");
  });

  it("offers every option, under its group's label when grouped", () => {
    const root = mount(
      renderBlocks([input({ type: "static_select", option_groups: [{ label: pt("Clinical"), options: [opt("Malignant", "m")] }, { label: pt("Other"), options: [opt("Industry", "i")] }] })]),
    );
    expect(Array.from(root.querySelectorAll("optgroup")).map((g) => [g.getAttribute("label"), g.textContent])).toEqual([["Clinical", "Malignant"], ["Other", "Industry"]]);
  });

  it("sends the chosen option (and the placeholder) in block_actions", () => {
    const root = mount(renderBlocks([section({ type: "static_select", placeholder: pt("Role"), options: roles })]));
    const select = root.querySelector("select")!;
    select.value = "SPONSOR";
    expect(withoutTs(actionPayload(select))).toEqual({
      type: "static_select",
      action_id: "a1",
      block_id: "b1",
      selected_option: echoed("Sponsor", "SPONSOR"),
      placeholder: { type: "plain_text", text: "Role", emoji: true },
    });
  });

  it("puts selected_option in view.state, null when nothing is chosen", () => {
    const root = mount(renderBlocks([input({ type: "static_select", options: roles })]));
    expect(viewState(root)).toEqual({ values: { b1: { a1: { type: "static_select", selected_option: null } } } });
    root.querySelector("select")!.value = "MENTOR";
    expect(viewState(root)).toEqual({ values: { b1: { a1: { type: "static_select", selected_option: echoed("Mentor", "MENTOR") } } } });
  });

  it("keeps the initial option in view.state when left alone", () => {
    const root = mount(renderBlocks([input({ type: "static_select", options: roles, initial_option: roles[2] })]));
    expect(viewState(root).values.b1?.a1).toEqual({ type: "static_select", selected_option: echoed("Sponsor", "SPONSOR") });
  });
});
