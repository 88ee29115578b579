import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { pt } from "./kit.js";

describe("image block", () => {
  it("shows its title above the image, and the image with its alt text", () => {
    const root = mount(renderBlocks([{ type: "image", title: pt("Check-ins this term"), image_url: "/files/F1/chart.png", alt_text: "Bar chart of check-ins" }]));
    expect(visibleText(root)).toBe("Check-ins this term\n[image: Bar chart of check-ins]");
    expect(root.querySelector("img")?.getAttribute("src")).toBe("/files/F1/chart.png");
  });

  it("uses a slack_file's url", () => {
    const root = mount(renderBlocks([{ type: "image", slack_file: { url: "https://files.example/F2.png" }, alt_text: "chart" }]));
    expect(root.querySelector("img")?.getAttribute("src")).toBe("https://files.example/F2.png");
  });

  it("never loads a scriptable address", () => {
    const root = mount(renderBlocks([{ type: "image", image_url: "javascript:alert(1)", alt_text: "x" }]));
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("[role=img]")?.getAttribute("aria-label")).toBe("x");
  });
});
