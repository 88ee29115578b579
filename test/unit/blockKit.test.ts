import { describe, expect, it } from "vitest";
import { checkBlockKit, type BlockKitSurface } from "../../src/slack/standin/blockKit.js";

/**
 * The Block Kit checks of the Slack stand-in, one rule at a time: the payload real Slack refuses
 * (with the error and json-pointer it names) next to the one it takes.
 */

const plain = (text: string) => ({ type: "plain_text", text });
const md = (text: string) => ({ type: "mrkdwn", text });
const option = (text: string, value = text) => ({ text: plain(text), value });
const section = (text = "Hello") => ({ type: "section", text: md(text) });
const button = (extra: Record<string, unknown> = {}) => ({ type: "button", text: plain("Go"), action_id: "go", ...extra });
const input = (element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: "input", block_id: "field", label: plain("Field"), element, ...extra });
const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({ type: "modal", title: plain("Title"), submit: plain("Save"), blocks, ...extra });
const home = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({ type: "home", blocks, ...extra });
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

/** Checks blocks on a surface: in a message, or in a modal/home view. */
const check = (surface: BlockKitSurface, blocks: unknown[]) => checkBlockKit(surface, surface === "modal" ? modal(blocks) : surface === "home" ? home(blocks) : { text: "t", blocks });
/** The lines Slack gives for one block in a message ([] when it takes it). */
const inMessage = (b: unknown) => check("message", [b])?.messages ?? [];
/** The lines Slack gives for one block in a modal ([] when it takes it). */
const inModal = (b: unknown) => check("modal", [b])?.messages ?? [];

describe("Block Kit checks of the Slack stand-in", () => {
  describe("number_input", () => {
    it("is refused without is_decimal_allowed, with Slack's words and pointer (issue 12), and taken with it", () => {
      const number = { type: "number_input", action_id: "n", min_value: "2", max_value: "6", initial_value: "2" };
      expect(checkBlockKit("modal", modal([section(), input(number)]))).toEqual({
        error: "invalid_arguments",
        messages: ["is_decimal_allowed is required [json-pointer:/view/blocks/1/element/is_decimal_allowed]"],
      });
      expect(checkBlockKit("modal", modal([section(), input({ ...number, is_decimal_allowed: false })]))).toBeNull();
    });

    it("needs min ≤ initial ≤ max, and whole numbers unless decimals are allowed", () => {
      const n = (extra: Record<string, unknown>) => input({ type: "number_input", is_decimal_allowed: false, ...extra });
      expect(inModal(n({ min_value: "5", max_value: "1" }))).toEqual(["min_value cannot be greater than max_value [json-pointer:/view/blocks/0/element/min_value]"]);
      expect(inModal(n({ min_value: "1", max_value: "5", initial_value: "9" }))).toEqual(["initial_value cannot be greater than max_value [json-pointer:/view/blocks/0/element/initial_value]"]);
      expect(inModal(n({ initial_value: "2.5" }))).toEqual(["must be a whole number when is_decimal_allowed is false [json-pointer:/view/blocks/0/element/initial_value]"]);
      expect(inModal(n({ min_value: "1", max_value: "5", initial_value: "3" }))).toEqual([]);
      expect(inModal(input({ type: "number_input", is_decimal_allowed: true, initial_value: "2.5" }))).toEqual([]);
    });

    it("is only for modals: a Home tab refuses it", () => {
      const number = input({ type: "number_input", is_decimal_allowed: false });
      expect(check("home", [number])?.messages).toEqual(["unsupported type: number_input [json-pointer:/view/blocks/0/element/type]"]);
      expect(check("modal", [number])).toBeNull();
    });
  });

  describe("limits on a surface", () => {
    it("a message holds at most 50 blocks", () => {
      expect(check("message", times(51, () => section()))).toEqual({ error: "invalid_blocks", messages: ["no more than 50 items allowed [json-pointer:/blocks]"] });
      expect(check("message", times(50, () => section()))).toBeNull();
      expect(check("ephemeral", times(51, () => section()))?.error).toBe("invalid_blocks");
      expect(check("response_url", times(51, () => section()))?.error).toBe("invalid_blocks");
    });

    it("a modal or a Home tab holds at most 100 blocks", () => {
      expect(check("modal", times(101, () => section()))?.messages).toEqual(["no more than 100 items allowed [json-pointer:/view/blocks]"]);
      expect(check("home", times(101, () => section()))?.messages).toEqual(["no more than 100 items allowed [json-pointer:/view/blocks]"]);
      expect(check("modal", times(100, () => section()))).toBeNull();
      expect(check("home", times(100, () => section()))).toBeNull();
    });

    it("message text is at most 40,000 characters", () => {
      expect(checkBlockKit("message", { text: "x".repeat(40_001) })).toEqual({ error: "msg_too_long", messages: ["must be less than 40001 characters [json-pointer:/text]"] });
      expect(checkBlockKit("message", { text: "x".repeat(40_000) })).toBeNull();
    });

    it("blocks must be a list", () => {
      expect(checkBlockKit("message", { text: "t", blocks: { type: "section" } })?.error).toBe("invalid_blocks_format");
    });

    it("no two blocks share a block_id", () => {
      const twice = [{ ...section(), block_id: "same" }, { type: "divider", block_id: "same" }];
      expect(check("message", twice)?.messages).toEqual(["duplicate block_id: same [json-pointer:/blocks/1/block_id]"]);
      expect(check("message", [{ ...section(), block_id: "one" }, { type: "divider", block_id: "two" }])).toBeNull();
    });

    it("block_id is at most 255 characters", () => {
      expect(inMessage({ type: "divider", block_id: "b".repeat(256) })).toEqual(["must be less than 256 characters [json-pointer:/blocks/0/block_id]"]);
    });

    it("at most one element sets focus_on_load", () => {
      const focused = (id: string) => input({ type: "plain_text_input", focus_on_load: true }, { block_id: id });
      expect(check("modal", [focused("a"), focused("b")])?.messages).toEqual(["only one element can set focus_on_load [json-pointer:/view/blocks/1/element/focus_on_load]"]);
      expect(check("modal", [focused("a")])).toBeNull();
    });

    it("a block type the stand-in does not know is refused as Slack refuses an unknown one", () => {
      expect(inMessage({ type: "data_visualization" })).toEqual(["unsupported type: data_visualization [json-pointer:/blocks/0/type]"]);
    });

    it("a field Slack does not define is refused", () => {
      expect(inMessage({ ...section(), colour: "red" })).toEqual(["invalid additional property: colour [json-pointer:/blocks/0]"]);
    });
  });

  describe("modal views", () => {
    it("a modal with an input block needs a submit button", () => {
      const view = { type: "modal", title: plain("Title"), blocks: [section(), input({ type: "plain_text_input" })] };
      expect(checkBlockKit("modal", view)).toEqual({ error: "invalid_arguments", messages: ["must define `submit` to use an `input` block in modals [json-pointer:/view/blocks/1/input]"] });
      expect(checkBlockKit("modal", { ...view, submit: plain("Save") })).toBeNull();
      expect(checkBlockKit("modal", { type: "modal", title: plain("Just reading"), blocks: [section()] })).toBeNull();
    });

    it("title, submit and close are plain_text of at most 24 characters", () => {
      expect(checkBlockKit("modal", modal([section()], { title: plain("x".repeat(25)) }))?.messages).toEqual(["must be less than 25 characters [json-pointer:/view/title/text]"]);
      expect(checkBlockKit("modal", modal([section()], { title: md("*Title*") }))?.messages).toEqual(["must be one of: plain_text [json-pointer:/view/title/type]"]);
      expect(checkBlockKit("modal", modal([section()], { submit: plain("x".repeat(25)) }))?.messages).toEqual(["must be less than 25 characters [json-pointer:/view/submit/text]"]);
      expect(checkBlockKit("modal", modal([section()], { close: plain("x".repeat(25)) }))?.messages).toEqual(["must be less than 25 characters [json-pointer:/view/close/text]"]);
      expect(checkBlockKit("modal", modal([section()], { title: plain("x".repeat(24)), close: plain("y".repeat(24)) }))).toBeNull();
    });

    it("a modal needs a title", () => {
      expect(checkBlockKit("modal", { type: "modal", blocks: [section()] })?.messages).toEqual(["title is required [json-pointer:/view/title]"]);
    });

    it("private_metadata is at most 3000 characters, callback_id and external_id at most 255", () => {
      expect(checkBlockKit("modal", modal([section()], { private_metadata: "m".repeat(3001) }))?.messages).toEqual(["must be less than 3001 characters [json-pointer:/view/private_metadata]"]);
      expect(checkBlockKit("modal", modal([section()], { callback_id: "c".repeat(256) }))?.messages).toEqual(["must be less than 256 characters [json-pointer:/view/callback_id]"]);
      expect(checkBlockKit("modal", modal([section()], { external_id: "e".repeat(256) }))?.messages).toEqual(["must be less than 256 characters [json-pointer:/view/external_id]"]);
      expect(checkBlockKit("modal", modal([section()], { private_metadata: "m".repeat(3000), callback_id: "c".repeat(255), external_id: "e".repeat(255) }))).toBeNull();
    });

    it("views.open needs a view object", () => {
      expect(checkBlockKit("modal", undefined)).toEqual({ error: "invalid_arguments", messages: ["must provide an object [json-pointer:/view]"] });
    });

    it("a Home tab has no title or submit button", () => {
      expect(checkBlockKit("home", home([section()], { title: plain("Home") }))?.messages).toEqual(["invalid additional property: title [json-pointer:/view]"]);
      expect(checkBlockKit("home", home([section()], { private_metadata: "x", callback_id: "home" }))).toBeNull();
    });
  });

  describe("blocks", () => {
    it("a header is plain_text of at most 150 characters", () => {
      expect(inMessage({ type: "header", text: plain("h".repeat(151)) })).toEqual(["must be less than 151 characters [json-pointer:/blocks/0/text/text]"]);
      expect(inMessage({ type: "header", text: md("*h*") })).toEqual(["must be one of: plain_text [json-pointer:/blocks/0/text/type]"]);
      expect(inMessage({ type: "header", text: plain("h".repeat(150)) })).toEqual([]);
    });

    it("a section's text is at most 3000 characters and never empty", () => {
      expect(inMessage(section("s".repeat(3001)))).toEqual(["must be less than 3001 characters [json-pointer:/blocks/0/text/text]"]);
      expect(inMessage(section(""))).toEqual(["must be more than 0 characters [json-pointer:/blocks/0/text/text]"]);
      expect(inMessage(section("s".repeat(3000)))).toEqual([]);
    });

    it("a section has at most 10 fields of at most 2000 characters", () => {
      expect(inMessage({ type: "section", fields: times(11, () => md("f")) })).toEqual(["no more than 10 items allowed [json-pointer:/blocks/0/fields]"]);
      expect(inMessage({ type: "section", fields: [md("f".repeat(2001))] })).toEqual(["must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]"]);
      expect(inMessage({ type: "section", fields: times(10, () => md("f".repeat(2000))) })).toEqual([]);
    });

    it("a section needs text or fields", () => {
      expect(inMessage({ type: "section", accessory: button() })).toEqual(["must define either `text` or `fields` [json-pointer:/blocks/0/text]"]);
    });

    it("a section's accessory is one of the elements a section holds", () => {
      expect(inMessage({ ...section(), accessory: { type: "plain_text_input" } })).toEqual(["unsupported type: plain_text_input [json-pointer:/blocks/0/accessory/type]"]);
      expect(inMessage({ ...section(), accessory: { type: "overflow", options: [option("a"), option("b")] } })).toEqual([]);
    });

    it("a context block holds at most 10 elements, text or images", () => {
      expect(inMessage({ type: "context", elements: times(11, () => md("c")) })).toEqual(["no more than 10 items allowed [json-pointer:/blocks/0/elements]"]);
      expect(inMessage({ type: "context", elements: [button()] })).toEqual(["unsupported type: button [json-pointer:/blocks/0/elements/0/type]"]);
      expect(inMessage({ type: "context", elements: [...times(9, () => md("c")), { type: "image", image_url: "https://x.test/a.png", alt_text: "a" }] })).toEqual([]);
    });

    it("an actions block holds 1 to 25 elements, no two with the same action_id", () => {
      expect(inMessage({ type: "actions", elements: times(26, (i) => button({ action_id: `b${i}` })) })).toEqual(["no more than 25 items allowed [json-pointer:/blocks/0/elements]"]);
      expect(inMessage({ type: "actions", elements: [] })).toEqual(["must provide at least 1 items [json-pointer:/blocks/0/elements]"]);
      expect(inMessage({ type: "actions", elements: [button(), button()] })).toEqual(['duplicate action_id "go" in this block [json-pointer:/blocks/0/elements/1/action_id]']);
      expect(inMessage({ type: "actions", elements: times(25, (i) => button({ action_id: `b${i}` })) })).toEqual([]);
    });

    it("an input's label and hint are plain_text of at most 2000 characters", () => {
      const text = { type: "plain_text_input" };
      expect(inModal(input(text, { label: plain("l".repeat(2001)) }))).toEqual(["must be less than 2001 characters [json-pointer:/view/blocks/0/label/text]"]);
      expect(inModal(input(text, { label: md("*Label*") }))).toEqual(["must be one of: plain_text [json-pointer:/view/blocks/0/label/type]"]);
      expect(inModal(input(text, { hint: md("_hint_") }))).toEqual(["must be one of: plain_text [json-pointer:/view/blocks/0/hint/type]"]);
      expect(inModal(input(text, { label: plain("l".repeat(2000)), hint: plain("h".repeat(2000)), optional: true, dispatch_action: false }))).toEqual([]);
    });

    it("an input needs a label and an element an input holds", () => {
      expect(inModal({ type: "input", element: { type: "plain_text_input" } })).toEqual(["label is required [json-pointer:/view/blocks/0/label]"]);
      expect(inModal(input(button()))).toEqual(["unsupported type: button [json-pointer:/view/blocks/0/element/type]"]);
    });

    it("an image needs alt_text", () => {
      expect(inMessage({ type: "image", image_url: "https://x.test/a.png" })).toEqual(["alt_text is required [json-pointer:/blocks/0/alt_text]"]);
      expect(inMessage({ type: "image", image_url: "https://x.test/a.png", alt_text: "A chart" })).toEqual([]);
    });
  });

  describe("elements", () => {
    it("a button's text is plain_text of at most 75 characters, its value at most 2000, its action_id at most 255", () => {
      const inActions = (b: unknown) => inMessage({ type: "actions", elements: [b] });
      expect(inActions(button({ text: plain("b".repeat(76)) }))).toEqual(["must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]"]);
      expect(inActions(button({ text: md("*Go*") }))).toEqual(["must be one of: plain_text [json-pointer:/blocks/0/elements/0/text/type]"]);
      expect(inActions(button({ value: "v".repeat(2001) }))).toEqual(["must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]"]);
      expect(inActions(button({ action_id: "a".repeat(256) }))).toEqual(["must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]"]);
      expect(inActions(button({ url: "u".repeat(3001) }))).toEqual(["must be less than 3001 characters [json-pointer:/blocks/0/elements/0/url]"]);
      expect(inActions(button({ text: plain("b".repeat(75)), value: "v".repeat(2000), action_id: "a".repeat(255), url: "https://x.test" }))).toEqual([]);
    });

    it("a button's style is primary or danger", () => {
      expect(inMessage({ ...section(), accessory: button({ style: "secondary" }) })).toEqual(["must be one of: primary, danger [json-pointer:/blocks/0/accessory/style]"]);
      expect(inMessage({ ...section(), accessory: button({ style: "danger" }) })).toEqual([]);
    });

    it("a confirm dialog has a plain_text title (≤100), text (≤300), confirm and deny (≤30)", () => {
      const dialog = { title: plain("Sure?"), text: md("This *cannot* be undone."), confirm: plain("Yes"), deny: plain("No") };
      const withConfirm = (confirm: unknown) => inMessage({ ...section(), accessory: button({ confirm }) });
      expect(withConfirm({ ...dialog, deny: undefined })).toEqual(["deny is required [json-pointer:/blocks/0/accessory/confirm/deny]"]);
      expect(withConfirm({ ...dialog, title: md("*Sure?*") })).toEqual(["must be one of: plain_text [json-pointer:/blocks/0/accessory/confirm/title/type]"]);
      expect(withConfirm({ ...dialog, title: plain("t".repeat(101)) })).toEqual(["must be less than 101 characters [json-pointer:/blocks/0/accessory/confirm/title/text]"]);
      expect(withConfirm({ ...dialog, text: md("t".repeat(301)) })).toEqual(["must be less than 301 characters [json-pointer:/blocks/0/accessory/confirm/text/text]"]);
      expect(withConfirm({ ...dialog, confirm: plain("c".repeat(31)) })).toEqual(["must be less than 31 characters [json-pointer:/blocks/0/accessory/confirm/confirm/text]"]);
      expect(withConfirm({ ...dialog, style: "danger" })).toEqual([]);
    });

    it("an overflow menu has 2 to 5 options", () => {
      const overflow = (n: number) => inMessage({ ...section(), accessory: { type: "overflow", action_id: "o", options: times(n, (i) => option(`o${i}`)) } });
      expect(overflow(1)).toEqual(["must provide at least 2 items [json-pointer:/blocks/0/accessory/options]"]);
      expect(overflow(6)).toEqual(["no more than 5 items allowed [json-pointer:/blocks/0/accessory/options]"]);
      expect(overflow(2)).toEqual([]);
      expect(overflow(5)).toEqual([]);
    });

    it("a static select has at most 100 options, each plain_text of ≤75 with a value of ≤150", () => {
      const select = (options: unknown[]) => inModal(input({ type: "static_select", options }));
      expect(select(times(101, (i) => option(`o${i}`)))).toEqual(["no more than 100 items allowed [json-pointer:/view/blocks/0/element/options]"]);
      expect(select([option("t".repeat(76), "v")])).toEqual(["must be less than 76 characters [json-pointer:/view/blocks/0/element/options/0/text/text]"]);
      expect(select([option("t", "v".repeat(151))])).toEqual(["must be less than 151 characters [json-pointer:/view/blocks/0/element/options/0/value]"]);
      expect(select([{ text: md("*t*"), value: "v" }])).toEqual(["must be one of: plain_text [json-pointer:/view/blocks/0/element/options/0/text/type]"]);
      expect(select(times(100, (i) => option(`o${i}`.padEnd(75, "x"), `v${i}`.padEnd(150, "y"))))).toEqual([]);
    });

    it("a static select's initial option is one of its options, text and value alike", () => {
      const select = (initial_option: unknown) => inModal(input({ type: "static_select", options: [option("Monday", "1"), option("Tuesday", "2")], initial_option }));
      expect(select(option("Wednesday", "3"))).toEqual(["initial_option must match one of the options [json-pointer:/view/blocks/0/element/initial_option]"]);
      expect(select(option("Mon", "1"))).toEqual(["initial_option must match one of the options [json-pointer:/view/blocks/0/element/initial_option]"]);
      expect(select(option("Tuesday", "2"))).toEqual([]);
    });

    it("a static select has options or option_groups, not both and not neither", () => {
      const groups = [{ label: plain("Weekdays"), options: [option("Monday", "1")] }];
      expect(inModal(input({ type: "static_select" }))).toEqual(["must provide either options or option_groups [json-pointer:/view/blocks/0/element/options]"]);
      expect(inModal(input({ type: "static_select", options: [option("a")], option_groups: groups }))).toEqual([
        "must provide only one of options and option_groups [json-pointer:/view/blocks/0/element/option_groups]",
      ]);
      expect(inModal(input({ type: "static_select", option_groups: [{ label: plain("l".repeat(76)), options: [option("a")] }] }))).toEqual([
        "must be less than 76 characters [json-pointer:/view/blocks/0/element/option_groups/0/label/text]",
      ]);
      expect(inModal(input({ type: "static_select", option_groups: groups, initial_option: option("Monday", "1") }))).toEqual([]);
    });

    it("a multi-select's initial options are among its options and max_selected_items is at least 1", () => {
      const multi = (extra: Record<string, unknown>) => inModal(input({ type: "multi_static_select", options: [option("a"), option("b")], ...extra }));
      expect(multi({ initial_options: [option("a"), option("c")] })).toEqual(["initial_options must match one of the options [json-pointer:/view/blocks/0/element/initial_options/1]"]);
      expect(multi({ max_selected_items: 0 })).toEqual(["must be at least 1 [json-pointer:/view/blocks/0/element/max_selected_items]"]);
      expect(multi({ initial_options: [option("b")], max_selected_items: 2 })).toEqual([]);
    });

    it("checkboxes and radio buttons have 1 to 10 options (mrkdwn allowed) and initial options among them", () => {
      const choice = (type: string, n: number, extra: Record<string, unknown> = {}) => inModal(input({ type, options: times(n, (i) => ({ text: md(`*${i}*`), value: `${i}` })), ...extra }));
      expect(choice("checkboxes", 11)).toEqual(["no more than 10 items allowed [json-pointer:/view/blocks/0/element/options]"]);
      expect(choice("radio_buttons", 11)).toEqual(["no more than 10 items allowed [json-pointer:/view/blocks/0/element/options]"]);
      expect(choice("radio_buttons", 2, { initial_option: { text: md("*9*"), value: "9" } })).toEqual(["initial_option must match one of the options [json-pointer:/view/blocks/0/element/initial_option]"]);
      expect(choice("checkboxes", 2, { initial_options: [{ text: md("*1*"), value: "1" }] })).toEqual([]);
      expect(choice("radio_buttons", 10, { initial_option: { text: md("*0*"), value: "0" } })).toEqual([]);
    });

    it("a datepicker's initial date is a real day as YYYY-MM-DD", () => {
      const date = (initial_date: string) => inModal(input({ type: "datepicker", initial_date }));
      expect(date("2026/03/09")).toEqual(["must be a date in the format YYYY-MM-DD [json-pointer:/view/blocks/0/element/initial_date]"]);
      expect(date("2026-02-30")).toEqual(["must be a date in the format YYYY-MM-DD [json-pointer:/view/blocks/0/element/initial_date]"]);
      expect(date("2028-02-29")).toEqual([]);
    });

    it("a timepicker's initial time is HH:mm on a 24-hour clock", () => {
      const time = (initial_time: string) => inModal(input({ type: "timepicker", initial_time }));
      expect(time("9:00")).toEqual(["must be a time in the format HH:mm [json-pointer:/view/blocks/0/element/initial_time]"]);
      expect(time("24:00")).toEqual(["must be a time in the format HH:mm [json-pointer:/view/blocks/0/element/initial_time]"]);
      expect(time("23:59")).toEqual([]);
    });

    it("a plain_text_input's lengths are within 0–3000, min ≤ max, and its initial value fits max_length", () => {
      const text = (extra: Record<string, unknown>) => inModal(input({ type: "plain_text_input", ...extra }));
      expect(text({ max_length: 3001 })).toEqual(["must be at most 3000 [json-pointer:/view/blocks/0/element/max_length]"]);
      expect(text({ min_length: 10, max_length: 5 })).toEqual(["min_length must be less than or equal to max_length [json-pointer:/view/blocks/0/element/min_length]"]);
      expect(text({ max_length: 5, initial_value: "123456" })).toEqual(["must be less than 6 characters [json-pointer:/view/blocks/0/element/initial_value]"]);
      expect(text({ placeholder: plain("p".repeat(151)) })).toEqual(["must be less than 151 characters [json-pointer:/view/blocks/0/element/placeholder/text]"]);
      expect(text({ min_length: 0, max_length: 5, initial_value: "12345", multiline: true, placeholder: plain("p".repeat(150)) })).toEqual([]);
    });

    it("user and conversation selects: a filter says something, initial users are ids", () => {
      expect(inModal(input({ type: "conversations_select", filter: {} }))).toEqual([
        "must provide at least one of include, exclude_external_shared_channels, exclude_bot_users [json-pointer:/view/blocks/0/element/filter]",
      ]);
      expect(inModal(input({ type: "multi_users_select", initial_users: "U1" }))).toEqual(["must provide an array [json-pointer:/view/blocks/0/element/initial_users]"]);
      expect(inModal(input({ type: "conversations_select", filter: { include: ["public", "private"], exclude_bot_users: true }, default_to_current_conversation: true }))).toEqual([]);
      expect(inModal(input({ type: "multi_users_select", initial_users: ["U1", "U2"], max_selected_items: 3 }))).toEqual([]);
      expect(inModal(input({ type: "users_select", initial_user: "U1" }))).toEqual([]);
    });
  });
});
