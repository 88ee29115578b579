/** Block Kit ids of the thanks surfaces; every input uses action id VALUE. */
export const THANKS = {
  views: { thank: "thanks_submit" },
  blocks: { mentor: "thanks_mentor", message: "thanks_message", shoutOut: "thanks_shout_out" },
  actions: {
    /** "Thank-yous" in the admin menu: counts per mentor. */
    counts: "thanks_counts",
    /** "Award shortlist (CSV)": the CSV uploaded to the director's DM; value = program id or "". */
    shortlist: "thanks_shortlist",
  },
  shoutOutValue: "shout_out",
} as const;
export const VALUE = "value";
