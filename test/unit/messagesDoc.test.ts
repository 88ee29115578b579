import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { messagesDocument } from "../../src/docs/messages/document.js";
import { projectRoot } from "../../src/paths.js";

const DOC = path.join(projectRoot, "docs", "messages.md");

/**
 * docs/messages.md is what people read, drawn by the real views from fixed examples. When a view's
 * words change, this test fails until `npm run docs:messages` rewrites the file, so the change shows
 * in review.
 */
describe("docs/messages.md", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("is what the views draw today (run npm run docs:messages after changing any wording)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(messagesDocument());
  });

  it("comes out the same whatever the machine's time zone", () => {
    const first = messagesDocument();
    process.env.TZ = "Asia/Kolkata";
    expect(messagesDocument()).toBe(first);
  });

  it("shows each role's Home, and no escaped entity or raw Slack id", () => {
    const doc = messagesDocument();
    for (const part of ["## A trainee reads", "## A mentor reads", "## A program director reads", "## Anyone reads"]) expect(doc).toContain(part);
    expect(doc.match(/┌ Home tab ┐/g)!.length).toBeGreaterThanOrEqual(4);
    expect(doc).not.toMatch(/&(amp|lt|gt);|<@U|\u200B/);
  });
});
