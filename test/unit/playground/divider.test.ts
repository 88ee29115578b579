import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { md } from "./kit.js";

describe("divider block", () => {
  it("draws a rule between the blocks around it, with no words of its own", () => {
    const root = mount(renderBlocks([{ type: "section", text: md("Above") }, { type: "divider" }, { type: "section", text: md("Below") }]));
    expect(visibleText(root)).toBe("Above\nBelow");
    const blocks = Array.from(root.querySelectorAll("[data-block-type]")).map((b) => b.getAttribute("data-block-type"));
    expect(blocks).toEqual(["section", "divider", "section"]);
    expect(root.querySelectorAll("hr")).toHaveLength(1);
  });
});
