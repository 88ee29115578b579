import { describe, expect, it } from "vitest";
import { renderConfirm } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { md, pt } from "./kit.js";

describe("confirm dialog", () => {
  it("shows the title, the text and the deny and confirm buttons, confirm red when danger", () => {
    const root = mount(renderConfirm({ title: pt("Cancel the round?"), text: md("*12 pairs* won't be introduced."), confirm: pt("Cancel it"), deny: pt("Keep it"), style: "danger" }));
    expect(visibleText(root)).toBe("Cancel the round?\n12 pairs won't be introduced.\nKeep it Cancel it");
    expect(root.querySelector("[data-role=confirm]")?.classList.contains("bk-button-danger")).toBe(true);
  });

  it("is green without a style", () => {
    const root = mount(renderConfirm({ title: pt("Sure?"), text: pt("Send it now"), confirm: pt("Send"), deny: pt("Not yet") }));
    expect(root.querySelector("[data-role=confirm]")?.classList.contains("bk-button-primary")).toBe(true);
  });
});
