import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { actions, md, pt, section, withoutTs } from "./kit.js";

describe("button element", () => {
  it("shows its text, green when primary and red when danger", () => {
    const root = mount(
      renderBlocks([
        actions(
          { type: "button", action_id: "approve", text: pt("Approve"), style: "primary" },
          { type: "button", action_id: "cancel", text: pt("Cancel round"), style: "danger" },
          { type: "button", action_id: "later", text: pt(":hourglass: Later") },
        ),
      ]),
    );
    expect(visibleText(root)).toBe("Approve Cancel round ⌛ Later");
    const [approve, cancel, later] = Array.from(root.querySelectorAll("button"));
    expect(approve?.classList.contains("bk-button-primary")).toBe(true);
    expect(cancel?.classList.contains("bk-button-danger")).toBe(true);
    expect(later?.className).toBe("bk-button");
  });

  it("sends the block_actions action Slack sends: type, ids, text, value, style and action_ts", () => {
    const root = mount(renderBlocks([section({ type: "button", text: pt("Request"), value: "{\"m\":\"m1\"}", style: "primary" })]));
    const payload = withoutTs(actionPayload(root.querySelector("button")!));
    expect(payload).toEqual({ type: "button", action_id: "a1", block_id: "b1", text: { type: "plain_text", text: "Request", emoji: true }, value: "{\"m\":\"m1\"}", style: "primary" });
  });

  it("leaves value and style out when the button has none, as Slack does", () => {
    const root = mount(renderBlocks([actions({ type: "button", action_id: "x", text: pt("Open") })]));
    expect(withoutTs(actionPayload(root.querySelector("button")!))).toEqual({ type: "button", action_id: "x", block_id: "b1", text: { type: "plain_text", text: "Open", emoji: true } });
  });

  it("carries its confirm dialog, attribute-escaped, for the page to ask first", () => {
    const confirm = { title: pt("Cancel the round?"), text: md("The 12 pairs \"won't\" be <told>."), confirm: pt("Cancel it"), deny: pt("Keep it"), style: "danger" };
    const root = mount(renderBlocks([actions({ type: "button", action_id: "cancel", text: pt("Cancel"), style: "danger", confirm })]));
    expect(JSON.parse(root.querySelector("button")!.getAttribute("data-confirm")!)).toEqual(confirm);
  });

  it("a payload string never escapes its attribute", () => {
    const root = mount(renderBlocks([actions({ type: "button", action_id: "x\" onclick=\"alert(1)", text: pt("<b>Go</b>"), value: "\"><script>1</script>" })]));
    const button = root.querySelector("button")!;
    expect(button.getAttributeNames().filter((n) => n.startsWith("on"))).toEqual([]);
    expect(root.querySelectorAll("script, b")).toHaveLength(0);
    expect(visibleText(root)).toBe("<b>Go</b>");
    expect(withoutTs(actionPayload(button))).toMatchObject({ action_id: "x\" onclick=\"alert(1)", value: "\"><script>1</script>" });
  });
});
