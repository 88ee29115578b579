import { describe, expect, it } from "vitest";
import { actionPayload, refreshMultiSelects, renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { echoed, input, opt, pt, section, setChecked, withoutTs } from "./kit.js";

const cohorts = [opt("PGY-1", "c1"), opt("PGY-2", "c2"), opt("Fellows", "c3")];

describe("multi_static_select element", () => {
  it("shows the placeholder when nothing is chosen, and a chip per initial option", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "multi_static_select", placeholder: pt("Cohorts"), options: cohorts })])))).toBe("Your answer\nCohorts");
    const root = mount(renderBlocks([input({ type: "multi_static_select", options: cohorts, initial_options: [cohorts[0], cohorts[2]] })]));
    expect(visibleText(root)).toBe("Your answer\nPGY-1 Fellows");
  });

  it("lists every option with the initial ones ticked when opened", () => {
    const root = mount(renderBlocks([input({ type: "multi_static_select", options: cohorts, initial_options: [cohorts[1]] })]));
    root.querySelector("details")!.setAttribute("open", "");
    expect(visibleText(root)).toBe("Your answer\nPGY-2\n☐ PGY-1\n☑ PGY-2\n☐ Fellows");
  });

  it("redraws its chips after a change", () => {
    const root = mount(renderBlocks([input({ type: "multi_static_select", placeholder: pt("Cohorts"), options: cohorts })]));
    setChecked(root.querySelector("input[value=c3]"), true);
    setChecked(root.querySelector("input[value=c1]"), true);
    refreshMultiSelects(root);
    expect(visibleText(root)).toBe("Your answer\nPGY-1 Fellows");
  });

  it("sends selected_options in block_actions and in view.state", () => {
    const root = mount(renderBlocks([section({ type: "multi_static_select", options: cohorts, initial_options: [cohorts[0]] })]));
    const box = setChecked(root.querySelector("input[value=c2]"), true);
    expect(withoutTs(actionPayload(box))).toEqual({ type: "multi_static_select", action_id: "a1", block_id: "b1", selected_options: [echoed("PGY-1", "c1"), echoed("PGY-2", "c2")] });
    setChecked(root.querySelector("input[value=c1]"), false);
    setChecked(root.querySelector("input[value=c2]"), false);
    expect(viewState(root).values.b1?.a1).toEqual({ type: "multi_static_select", selected_options: [] });
  });
});
