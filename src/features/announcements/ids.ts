/** Block Kit ids of the announcement surfaces; every input uses action id VALUE (the block id tells them apart). */
export const ANNOUNCE = {
  actions: {
    /** "Announce" on a program in the admin menu / App Home; value = program id (or empty). */
    compose: "announce_compose",
    /** "Announcements" in the admin menu: the list. */
    list: "announce_list",
    /** In the preview: back to the form. */
    backToEdit: "announce_back",
    /** In the list; value = announcement id. */
    edit: "announce_edit",
    cancel: "announce_cancel",
    /** In the list; value = announcement id. */
    retry: "announce_retry",
    /** The same two in the director's "invite Rounds" DM, which they update instead of the list. */
    cancelInvite: "announce_invite_cancel",
    retryInvite: "announce_invite_retry",
  },
  views: { compose: "announce_compose_submit", preview: "announce_preview_submit" },
  blocks: {
    program: "ann_program",
    cohorts: "ann_cohorts",
    channel: "ann_channel",
    text: "ann_text",
    options: "ann_options",
    when: "ann_when",
    date: "ann_date",
    time: "ann_time",
  },
  /** Values of the options checkboxes. */
  options: { notifyEveryone: "notify_everyone", alsoDm: "also_dm" },
} as const;
export const VALUE = "value";
