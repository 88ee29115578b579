import { describe, expect, it } from "vitest";
import { actionPayload, renderBlocks, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input, pt, section, setChecked, withoutTs } from "./kit.js";

const people = [
  { id: "U0MAYA", name: "Maya Chen" },
  { id: "U0RAJ", name: "Raj Patel" },
  { id: "U0LEA", name: "Léa Martin" },
];

describe("users_select element", () => {
  it("offers the people it is given, and shows the initial user by name", () => {
    const root = mount(renderBlocks([input({ type: "users_select", placeholder: pt("Pick a mentor"), initial_user: "U0RAJ" })], { people }));
    expect(visibleText(root)).toBe("Your answer\n[Raj Patel]");
    expect(Array.from(root.querySelectorAll("option")).map((o) => o.textContent)).toEqual(["Pick a mentor", "Maya Chen", "Raj Patel", "Léa Martin"]);
  });

  it("still shows an initial user it has no name for, by id", () => {
    expect(visibleText(mount(renderBlocks([input({ type: "users_select", initial_user: "U0GONE" })], { people })))).toBe("Your answer\n[U0GONE]");
  });

  it("sends selected_user in block_actions and view.state", () => {
    const root = mount(renderBlocks([section({ type: "users_select", placeholder: pt("Pick") })], { people }));
    const select = root.querySelector("select")!;
    expect(viewState(root).values.b1?.a1).toEqual({ type: "users_select", selected_user: null });
    select.value = "U0LEA";
    expect(withoutTs(actionPayload(select))).toEqual({ type: "users_select", action_id: "a1", block_id: "b1", selected_user: "U0LEA", placeholder: { type: "plain_text", text: "Pick", emoji: true } });
    expect(viewState(root).values.b1?.a1).toEqual({ type: "users_select", selected_user: "U0LEA" });
  });
});

describe("multi_users_select element", () => {
  it("shows a chip per initial user and sends selected_users", () => {
    const root = mount(renderBlocks([input({ type: "multi_users_select", initial_users: ["U0MAYA", "U0LEA"] })], { people }));
    expect(visibleText(root)).toBe("Your answer\nMaya Chen Léa Martin");
    const box = setChecked(root.querySelector("input[value=U0RAJ]"), true);
    expect(withoutTs(actionPayload(box))).toEqual({ type: "multi_users_select", action_id: "a1", block_id: "b1", selected_users: ["U0MAYA", "U0RAJ", "U0LEA"] });
    setChecked(root.querySelector("input[value=U0MAYA]"), false);
    expect(viewState(root).values.b1?.a1).toEqual({ type: "multi_users_select", selected_users: ["U0RAJ", "U0LEA"] });
  });
});
