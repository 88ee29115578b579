import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { md, pt } from "./kit.js";

describe("section block", () => {
  it("shows mrkdwn text formatted, with mentions named", () => {
    const root = mount(renderBlocks([{ type: "section", text: md("*<@U0MAYA>* — Senior faculty · Hematology") }], { people: [{ id: "U0MAYA", name: "Maya Chen" }] }));
    expect(visibleText(root)).toBe("@Maya Chen — Senior faculty · Hematology");
    expect(root.querySelector("strong .bk-mention")).not.toBeNull();
  });

  it("shows plain_text text as typed", () => {
    expect(visibleText(mount(renderBlocks([{ type: "section", text: pt("*not bold* & <b>") }])))).toBe("*not bold* & <b>");
  });

  it("puts fields in a two-column grid, each field's words together", () => {
    const root = mount(renderBlocks([{ type: "section", text: md("Round 3"), fields: [md("*Pairs*\n12"), md("*Unmatched*\n2"), pt("Starts\nMonday")] }]));
    const fields = Array.from(root.querySelectorAll(".bk-fields > .bk-field")).map((f) => visibleText(f));
    expect(fields).toEqual(["Pairs\n12", "Unmatched\n2", "Starts\nMonday"]);
    expect(visibleText(root)).toBe("Round 3\nPairs\n12\nUnmatched\n2\nStarts\nMonday");
  });

  it("puts the accessory after the text, on the right, with its block id", () => {
    const root = mount(
      renderBlocks([{ type: "section", block_id: "card-1", text: md("Maya Chen"), accessory: { type: "button", action_id: "request", text: pt("Request"), value: "m1" } }]),
    );
    expect(visibleText(root)).toBe("Maya Chen\nRequest");
    const accessory = root.querySelector(".bk-section > .bk-accessory button");
    expect(accessory?.getAttribute("data-block-id")).toBe("card-1");
  });

  it("shows an image accessory as an image with its alt text", () => {
    const root = mount(renderBlocks([{ type: "section", text: md("Chart"), accessory: { type: "image", image_url: "https://example.org/c.png", alt_text: "check-ins chart" } }]));
    expect(visibleText(root)).toBe("Chart\n[image: check-ins chart]");
  });

  it("gives a block without a block_id the same id each time it is drawn", () => {
    const blocks = [{ type: "section", text: md("Same"), accessory: { type: "button", text: pt("Go") } }];
    const id = (html: string) => mount(html).querySelector("[data-block-type=section]")?.getAttribute("data-block-id");
    expect(id(renderBlocks(blocks))).toBe(id(renderBlocks(blocks)));
    expect(id(renderBlocks(blocks))).toMatch(/^\w+$/);
  });
});
