import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { echoed, md, opt, pt, section, withoutTs } from "./kit.js";

const menu = section({ type: "overflow", options: [opt("Pause", "pause"), opt("End mentorship", "end"), { ...opt("Guide", "guide"), url: "https://example.org/guide" }] }, "Maya Chen");

describe("overflow menu", () => {
  it("shows only its ⋯ button until opened, then its options", () => {
    const root = mount(renderBlocks([menu]));
    expect(visibleText(root)).toBe("Maya Chen\n⋯");
    root.querySelector("details")!.setAttribute("open", "");
    expect(visibleText(root)).toBe("Maya Chen\n⋯\nPause End mentorship Guide");
  });

  it("sends the option that was picked as selected_option", () => {
    const root = mount(renderBlocks([menu]));
    const end = root.querySelectorAll<HTMLElement>(".bk-menu-item")[1]!;
    expect(end.getAttribute("data-value")).toBe("end");
    expect(withoutTs(actionPayload(end))).toEqual({ type: "overflow", action_id: "a1", block_id: "b1", selected_option: echoed("End mentorship", "end") });
    const guide = root.querySelectorAll<HTMLElement>(".bk-menu-item")[2]!;
    expect(withoutTs(actionPayload(guide))).toMatchObject({ selected_option: { ...echoed("Guide", "guide"), url: "https://example.org/guide" } });
  });

  it("carries its confirm dialog", () => {
    const confirm = { title: pt("End it?"), text: md("Sure?"), confirm: pt("End"), deny: pt("Keep") };
    const root = mount(renderBlocks([section({ type: "overflow", confirm, options: [opt("A", "a"), opt("B", "b")] })]));
    expect(JSON.parse(root.querySelector("[data-type=overflow]")!.getAttribute("data-confirm")!)).toEqual(confirm);
  });
});
