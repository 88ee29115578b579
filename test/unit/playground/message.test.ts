import { describe, expect, it } from "vitest";
import { renderMessage } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { md, pt } from "./kit.js";

describe("message", () => {
  it("shows the author with an APP badge, and the text as mrkdwn when there are no blocks", () => {
    const root = mount(renderMessage({ text: ":wave: Hi <@U0ANA>, *welcome*", username: "Rounds" }, { people: [{ id: "U0ANA", name: "Ana Lopez" }] }));
    expect(visibleText(root)).toBe("Rounds APP\n👋 Hi @Ana Lopez, welcome");
  });

  it("shows the blocks, not the fallback text, when there are blocks", () => {
    const root = mount(renderMessage({ text: "fallback words", blocks: [{ type: "section", text: md("Block words") }], username: "Rounds" }));
    expect(visibleText(root)).toBe("Rounds APP\nBlock words");
  });

  it("names a person's own message by their name, without a badge", () => {
    const root = mount(renderMessage({ text: "/findmentor VTE", user: "U0ANA" }, { people: [{ id: "U0ANA", name: "Ana Lopez" }] }));
    expect(visibleText(root)).toBe("Ana Lopez\n/findmentor VTE");
  });

  it("shows the time it was sent from its ts, on the reader's clock", () => {
    const ts = String(new Date(2026, 2, 3, 14, 5).getTime() / 1000) + ".000100";
    const root = mount(renderMessage({ text: "x", username: "Rounds", ts }));
    expect(root.querySelector("time")?.textContent).toBe("2:05 PM");
    expect(root.querySelector(".bk-message")?.getAttribute("data-ts")).toBe(ts);
  });

  it("marks an ephemeral message as only visible to you, and an updated one as edited", () => {
    expect(visibleText(mount(renderMessage({ text: "Only you", username: "Rounds", ephemeral: true })))).toBe("Rounds APP\nOnly you\nOnly visible to you");
    expect(visibleText(mount(renderMessage({ text: "Changed", username: "Rounds", edited: { ts: "1" } })))).toBe("Rounds APP (edited)\nChanged");
  });

  it("shows a CSV as a download and a PNG chart inline", () => {
    const root = mount(
      renderMessage({
        text: "Your report",
        username: "Rounds",
        files: [
          { id: "F1", name: "matches.csv", filetype: "csv", mimetype: "text/csv", url_private_download: "/files/F1/matches.csv" },
          { id: "F2", name: "checkins.png", title: "Check-ins this term", mimetype: "image/png", url_private: "/files/F2/checkins.png" },
        ],
      }),
    );
    expect(visibleText(root)).toBe("Rounds APP\nYour report\nCSV matches.csv Download\n[image: Check-ins this term]\nCheck-ins this term");
    expect(root.querySelector("a[download]")?.getAttribute("href")).toBe("/files/F1/matches.csv");
    expect(root.querySelector("img")?.getAttribute("src")).toBe("/files/F2/checkins.png");
  });

  it("never turns a file's name or the author into markup", () => {
    const root = mount(renderMessage({ text: "x", username: "<img src=x onerror=alert(1)>", files: [{ name: "<script>.csv", url_private: "javascript:alert(1)" }] }));
    expect(root.querySelectorAll("script, img")).toHaveLength(0);
    expect(root.querySelector("a")).toBeNull();
    expect(visibleText(root)).toContain("<script>.csv");
  });

  it("headers in message blocks read as headers", () => {
    const root = mount(renderMessage({ blocks: [{ type: "header", text: pt("Round 3 is ready") }], username: "Rounds" }));
    expect(root.querySelector("h2")?.textContent).toBe("Round 3 is ready");
  });
});
