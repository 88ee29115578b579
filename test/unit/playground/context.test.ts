import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { md, pt } from "./kit.js";

describe("context block", () => {
  it("shows its texts and images in one small line, in order", () => {
    const root = mount(
      renderBlocks([
        { type: "context", elements: [{ type: "image", image_url: "https://example.org/a.png", alt_text: "Maya" }, md("*Hands-on?* yes"), pt("Meets monthly")] },
      ]),
    );
    expect(visibleText(root)).toBe("[image: Maya] Hands-on? yes Meets monthly");
    expect(root.querySelector(".bk-context strong")?.textContent).toBe("Hands-on?");
  });
});
