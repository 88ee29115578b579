import { action, idValue, idsOf, view, type ValueCodec } from "../../slack/interaction/ids.js";
import { composeMetadata, readJson, readPreviewMetadata, writePreviewMetadata, type ComposeMetadata, type PreviewMetadata } from "./metadata.js";

/** A program id, or "" for the director's first program. */
const programOrFirst: ValueCodec<string | null> = {
  encode: (id) => id ?? "",
  decode: (raw) => (raw.length <= 200 ? { value: raw || null } : null),
};

/** The compose form's metadata; one that does not read is a new announcement's, as it always was. */
const composeCodec: ValueCodec<ComposeMetadata> = {
  encode: (m) => JSON.stringify(m),
  decode: (raw) => ({ value: readJson(composeMetadata, raw) ?? { id: null, posted: false } }),
};

/** The preview's metadata: the validated draft (its time as an ISO string), and the announcement edited, if any. */
const previewCodec: ValueCodec<PreviewMetadata> = {
  encode: writePreviewMetadata,
  decode: (raw) => {
    const value = readPreviewMetadata(raw);
    return value ? { value } : null;
  },
};

/** The announcement surfaces' buttons and modals, each with the codec of its value or metadata. */
export const ANN = {
  /** "Announce" on a program in the admin menu, a done modal or the list; value = program id (or empty). */
  compose: action("announce_compose", programOrFirst),
  /** The same on the App Home. */
  composeHome: action("announce_compose_home", programOrFirst),
  /** "Announcements" in the admin menu: the list. */
  list: action("announce_list"),
  listHome: action("announce_list_home"),
  /** In the preview: back to the form. */
  backToEdit: action("announce_back"),
  /** In the list; value = announcement id. */
  edit: action("announce_edit", idValue),
  cancel: action("announce_cancel", idValue),
  retry: action("announce_retry", idValue),
  /** The same two in the director's "invite Rounds" DM, which they update instead of the list. */
  cancelInvite: action("announce_invite_cancel", idValue),
  retryInvite: action("announce_invite_retry", idValue),
  composeSubmit: view("announce_compose_submit", composeCodec),
  previewSubmit: view("announce_preview_submit", previewCodec),
} as const;

/** Block Kit ids of the announcement surfaces; every input uses action id VALUE (the block id tells them apart). */
export const ANNOUNCE = {
  /** Bare action ids; the App Home writes `<id>_home` for compose and list. */
  actions: idsOf({
    compose: ANN.compose,
    list: ANN.list,
    backToEdit: ANN.backToEdit,
    edit: ANN.edit,
    cancel: ANN.cancel,
    retry: ANN.retry,
    cancelInvite: ANN.cancelInvite,
    retryInvite: ANN.retryInvite,
  }),
  views: idsOf({ compose: ANN.composeSubmit, preview: ANN.previewSubmit }),
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
