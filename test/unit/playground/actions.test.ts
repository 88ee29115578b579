import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { actions, opt, pt } from "./kit.js";

describe("actions block", () => {
  it("lays its elements out in a row, in order, each carrying the block's id", () => {
    const root = mount(
      renderBlocks([
        actions(
          { type: "button", action_id: "accept", text: pt("Accept"), style: "primary", value: "r1" },
          { type: "button", action_id: "decline", text: pt("Decline"), value: "r1" },
          { type: "static_select", action_id: "snooze", placeholder: pt("Snooze"), options: [opt("1 week", "7"), opt("2 weeks", "14")] },
        ),
      ]),
    );
    expect(visibleText(root)).toBe("Accept Decline [Snooze]");
    const els = Array.from(root.querySelectorAll(".bk-actions [data-type]"));
    expect(els.map((e) => e.getAttribute("data-action-id"))).toEqual(["accept", "decline", "snooze"]);
    expect(els.every((e) => e.getAttribute("data-block-id") === "b1")).toBe(true);
  });

  it("warns, visibly, about an element type it cannot draw", () => {
    const root = mount(renderBlocks([actions({ type: "workflow_button", text: pt("Run") })]));
    expect(visibleText(root)).toContain("isn’t shown in the Playground: workflow_button");
  });

  it("warns, visibly, about a block type it cannot draw", () => {
    expect(visibleText(mount(renderBlocks([{ type: "rich_text", elements: [] }])))).toContain("isn’t shown in the Playground: rich_text");
  });
});
