import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EMOJI, renderMrkdwn } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";

const shown = (text: string, names?: (id: string) => string | undefined) => mount(renderMrkdwn(text, names ? { names } : {}));

describe("mrkdwn as Slack draws it", () => {
  it("bold, italic, strike and code read as their words, in the right tags", () => {
    const root = shown("*Met* on _Tuesday_, ~not Monday~, run `/mentoring log`");
    expect(visibleText(root)).toBe("Met on Tuesday, not Monday, run /mentoring log");
    expect(root.querySelector("strong")?.textContent).toBe("Met");
    expect(root.querySelector("em")?.textContent).toBe("Tuesday");
    expect(root.querySelector("s")?.textContent).toBe("not Monday");
    expect(root.querySelector("code")?.textContent).toBe("/mentoring log");
  });

  it("leaves markers inside words and code alone, as Slack does", () => {
    const root = shown("snake_case_name and 2*3*4 and `*not bold*`");
    expect(root.querySelector("strong")).toBeNull();
    expect(root.querySelector("em")).toBeNull();
    expect(visibleText(root)).toBe("snake_case_name and 2*3*4 and *not bold*");
  });

  it("draws ``` blocks as preformatted text, keeping line breaks and markers", () => {
    const root = shown("Paste this:\n```\nrole,name\n*mentor*,Maya\n```");
    expect(root.querySelector("pre")?.textContent).toBe("role,name\n*mentor*,Maya\n");
    expect(root.querySelector("pre strong")).toBeNull();
  });

  it("draws lines starting with > as one quote, and the next line outside it", () => {
    const root = shown("Maya wrote:\n> Happy to help\n> with the grant\nReply soon");
    const quotes = root.querySelectorAll("blockquote");
    expect(quotes).toHaveLength(1);
    expect(visibleText(quotes[0]!)).toBe("Happy to help\nwith the grant");
    expect(visibleText(root)).toBe("Maya wrote:\nHappy to help\nwith the grant\nReply soon");
  });

  it("an escaped &gt; at the start of a line is a character, not a quote", () => {
    const root = shown("&gt; 3 meetings");
    expect(root.querySelector("blockquote")).toBeNull();
    expect(visibleText(root)).toBe("> 3 meetings");
  });

  it("links show their label and go to their address; bare <url> shows the address", () => {
    const root = shown("See <https://example.org/guide?a=1&amp;b=2|the guide> or <https://example.org>");
    const [guide, bare] = Array.from(root.querySelectorAll("a"));
    expect(guide?.textContent).toBe("the guide");
    expect(guide?.getAttribute("href")).toBe("https://example.org/guide?a=1&b=2");
    expect(bare?.textContent).toBe("https://example.org");
  });

  it("user, channel and special mentions are pills with the names a person knows", () => {
    const names = (id: string) => ({ U0MAYA: "Maya Chen" })[id];
    const root = shown("<@U0MAYA> and <@U0NOBODY> in <#C0HEME|heme-fellows> <!here> <!channel> <!everyone>", names);
    const pills = Array.from(root.querySelectorAll(".bk-mention")).map((p) => p.textContent);
    expect(pills).toEqual(["@Maya Chen", "@U0NOBODY", "#heme-fellows", "@here", "@channel", "@everyone"]);
    expect(root.querySelector(".bk-mention-user")?.getAttribute("data-user-id")).toBe("U0MAYA");
  });

  it("mentions inside bold stay pills inside the bold", () => {
    const root = shown("*<@U1> accepted*", () => "Maya");
    expect(root.querySelector("strong .bk-mention")?.textContent).toBe("@Maya");
    expect(visibleText(root)).toBe("@Maya accepted");
  });

  it("the three entities read as the characters they stand for", () => {
    expect(visibleText(shown("Q&amp;A &lt;lab&gt; &amp;amp;"))).toBe("Q&A <lab> &amp;");
  });

  it("emoji shortcodes show as emoji; unknown ones stay as typed", () => {
    expect(visibleText(shown(":white_check_mark: Done :wave: :not_an_emoji:"))).toBe("✅ Done 👋 :not_an_emoji:");
  });

  it("every emoji shortcode in Rounds' messages has an emoji", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) {
          if (!["generated", "playground"].includes(name)) walk(full);
        } else if (name.endsWith(".ts")) files.push(full);
      }
    };
    walk(path.resolve("src"));
    const used = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, "utf8").matchAll(/["`'][^"`'\n]*?:([a-z+][a-z0-9_+-]*):/g)) used.add(m[1]!);
    }
    used.delete("memory"); // SQLite's ":memory:" database name, not an emoji
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !EMOJI[name])).toEqual([]);
  });
});

describe("mrkdwn cannot inject HTML", () => {
  const attacks = [
    "<script>alert(1)</script>",
    "&lt;img src=x onerror=alert(1)&gt;",
    "<img src=x onerror=alert(1)>",
    "<javascript:alert(1)|click me>",
    "<https://ok.example|<b>bold</b>>",
    '<https://x.example/" onmouseover="alert(1)|hi>',
    "<@U1|<svg onload=alert(1)>>",
    "*<script>x</script>*",
    "```</pre><script>alert(1)</script>```",
    "`</code><iframe src=x>`",
    "> <style>body{display:none}</style>",
    "\uE0000\uE001 <@U1>",
  ];
  for (const attack of attacks) {
    it(`shows ${JSON.stringify(attack)} as text`, () => {
      const root = shown(attack, () => '"><img src=x onerror=alert(1)>');
      expect(root.querySelectorAll("script, img, iframe, svg, style, b")).toHaveLength(0);
      for (const el of Array.from(root.querySelectorAll("*"))) {
        for (const name of el.getAttributeNames()) expect(name).not.toMatch(/^on/);
        const href = el.getAttribute("href");
        if (href !== null) expect(href).toMatch(/^(https?:|mailto:|\/)/);
      }
    });
  }

  it("a javascript: link is shown as text, not followed", () => {
    const root = shown("<javascript:alert(1)|click me>");
    expect(root.querySelector("a")).toBeNull();
    expect(visibleText(root)).toContain("javascript:alert(1)");
  });
});

describe("text people typed, escaped by Rounds", () => {
  it("keeps its marks as typed while Rounds' own marks still format", async () => {
    const { escapeMrkdwn } = await import("../../../src/slack/kit/escape.js");
    const typed = "*not bold* _not italic_ ~not struck~ `not code` <@U1> & co";
    const root = shown(`*Goal:* ${escapeMrkdwn(typed)}`);
    expect(Array.from(root.querySelectorAll("strong")).map((s) => s.textContent)).toEqual(["Goal:"]);
    expect(root.querySelectorAll("em, s, code, .bk-mention")).toHaveLength(0);
    expect(visibleText(root).replace(/\u200B/g, "")).toBe(`Goal: ${typed}`);
  });
});
