import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input, md, opt, pt, section, setChecked, withoutTs } from "./kit.js";

const choices = [opt("Mentor", "MENTOR"), { text: md("*Sponsor*"), value: "SPONSOR", description: pt("Vouches for you") }, opt("Coach", "COACH")];

describe("checkboxes element", () => {
  it("shows every option with the initial ones ticked, mrkdwn and descriptions included", () => {
    const root = mount(renderBlocks([input({ type: "checkboxes", options: choices, initial_options: [choices[1]] })]));
    expect(visibleText(root)).toBe("Your answer\n☐ Mentor\n☑ Sponsor Vouches for you\n☐ Coach");
  });

  it("sends selected_options, as Slack echoes them, in block_actions and view.state", () => {
    const root = mount(renderBlocks([section({ type: "checkboxes", options: choices })]));
    const box = setChecked(root.querySelector("input[value=SPONSOR]"), true);
    const sponsor = { text: { type: "mrkdwn", text: "*Sponsor*", verbatim: false }, value: "SPONSOR", description: { type: "plain_text", text: "Vouches for you", emoji: true } };
    expect(withoutTs(actionPayload(box))).toEqual({ type: "checkboxes", action_id: "a1", block_id: "b1", selected_options: [sponsor] });
    setChecked(box, false);
    expect(viewState(root).values.b1?.a1).toEqual({ type: "checkboxes", selected_options: [] });
  });
});
