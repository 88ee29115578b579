import { describe, expect, it } from "vitest";
import { renderView, viewState } from "../../../src/playground/web/render/index.js";
import { mount, visibleText } from "./dom.js";
import { input, md, opt, pt } from "./kit.js";

describe("modal view", () => {
  it("has a title bar, its blocks, and Cancel and Submit buttons with the view's words", () => {
    const root = mount(renderView({ type: "modal", title: pt("New round"), submit: pt("Preview"), close: pt("Not now"), callback_id: "round_new", blocks: [{ type: "section", text: md("*Heme* fellowship") }] }));
    expect(visibleText(root)).toBe("New round\n×\nHeme fellowship\nNot now Preview");
    expect(root.querySelector("[data-view-type=modal]")?.getAttribute("data-callback-id")).toBe("round_new");
    expect(root.querySelector("[data-role=submit]")?.classList.contains("bk-button-primary")).toBe(true);
  });

  it("says Cancel when the view names no close button, and has no Submit when the view has none", () => {
    const root = mount(renderView({ type: "modal", title: pt("Saved"), blocks: [{ type: "section", text: md("Done :white_check_mark:") }] }));
    expect(visibleText(root)).toBe("Saved\n×\nDone ✅\nCancel");
    expect(root.querySelector("[data-role=submit]")).toBeNull();
  });

  it("shows inline errors under their inputs", () => {
    const view = { type: "modal" as const, title: pt("Log a meeting"), submit: pt("Save"), blocks: [{ ...input({ type: "datepicker" }), block_id: "date" }, { ...input({ type: "plain_text_input" }), block_id: "notes" }] };
    const root = mount(renderView(view, { errors: { date: "That day hasn't happened yet." } }));
    expect(visibleText(root)).toBe("Log a meeting\n×\nYour answer\n[(Select a date)]\nThat day hasn't happened yet.\nYour answer\n[()]\nCancel Save");
  });

  it("view.state holds every stateful element of the modal, by block then action id, and no buttons", () => {
    const view = {
      type: "modal" as const,
      title: pt("Profile"),
      submit: pt("Save"),
      blocks: [
        { ...input({ type: "plain_text_input", initial_value: "Thrombosis" }), block_id: "interests" },
        { ...input({ type: "number_input", is_decimal_allowed: false, initial_value: "2" }), block_id: "capacity" },
        { ...input({ type: "static_select", options: [opt("Mentor", "MENTOR")], initial_option: opt("Mentor", "MENTOR") }), block_id: "role" },
        { type: "actions", block_id: "more", elements: [{ type: "button", action_id: "add", text: pt("Add") }, { type: "timepicker", action_id: "at", initial_time: "08:00" }] },
      ],
    };
    expect(viewState(mount(renderView(view)))).toEqual({
      values: {
        interests: { a1: { type: "plain_text_input", value: "Thrombosis" } },
        capacity: { a1: { type: "number_input", value: "2" } },
        role: { a1: { type: "static_select", selected_option: { text: { type: "plain_text", text: "Mentor", emoji: true }, value: "MENTOR" } } },
        more: { at: { type: "timepicker", selected_time: "08:00" } },
      },
    });
  });
});

describe("home view", () => {
  it("shows its blocks with no title bar or buttons of its own", () => {
    const root = mount(renderView({ type: "home", blocks: [{ type: "header", text: pt("Your mentoring") }, { type: "section", text: md("No matches yet.") }] }));
    expect(visibleText(root)).toBe("Your mentoring\nNo matches yet.");
    expect(root.querySelector("[data-role]")).toBeNull();
    expect(root.querySelector(".bk-surface-home")).not.toBeNull();
  });
});
