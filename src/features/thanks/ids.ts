import { action, idsOf, view, type ValueCodec } from "../../slack/interaction/ids.js";

/** A program id, or "" for every program. */
const programOrAll: ValueCodec<string | null> = {
  encode: (id) => id ?? "",
  decode: (raw) => (raw.length <= 200 ? { value: raw || null } : null),
};

/** The thanks surfaces' buttons and modal, each with the codec of its value. */
export const THANK = {
  /** "Thank-yous" in the admin menu: counts per mentor. */
  counts: action("thanks_counts"),
  /** "Award shortlist (CSV)": the CSV uploaded to the director's DM; value = program id or "". */
  shortlist: action("thanks_shortlist", programOrAll),
  /** The thanks modal (from `/mentoring thanks`). */
  submit: view("thanks_submit"),
} as const;

/** Block Kit ids of the thanks surfaces; every input uses action id VALUE. */
export const THANKS = {
  views: idsOf({ thank: THANK.submit }),
  blocks: { mentor: "thanks_mentor", message: "thanks_message", shoutOut: "thanks_shout_out" },
  actions: idsOf({ counts: THANK.counts, shortlist: THANK.shortlist }),
  shoutOutValue: "shout_out",
} as const;
export const VALUE = "value";
