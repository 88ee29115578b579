import { Bits, Blocks, Elements, Modal, type BlockBuilder } from "slack-block-builder";
import { ANNOUNCEMENT_TEXT_MAX } from "../../../domain/announcement.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { ComposeMetadata } from "./form.js";
import { ANN, ANNOUNCE, VALUE } from "../ids.js";

const B = ANNOUNCE.blocks;

export interface ComposeProgram {
  id: string;
  name: string;
  timezone: string;
  announcementChannel: string | null;
  cohorts: { id: string; name: string }[];
}

/** What the form starts with (a new announcement, an edit, or the draft coming back from the preview). */
export interface ComposeInitial {
  programId: string;
  cohortIds: string[];
  channelId: string | null;
  text: string;
  notifyEveryone: boolean;
  alsoDm: boolean;
  when: "now" | "later";
  date: string | null;
  time: string | null;
}

export const blankCompose = (p: ComposeProgram): ComposeInitial => ({
  programId: p.id,
  cohortIds: [],
  channelId: p.announcementChannel,
  text: "",
  notifyEveryone: false,
  alsoDm: false,
  when: "now",
  date: null,
  time: null,
});

/** Said wherever a posted announcement that also went by DM is edited: only the channel message changes. */
export const DM_COPIES_KEEP_OLD_WORDS = "The copies members got by DM keep the old words.";

/** Slack's limit on the options of a select. */
const MAX_OPTIONS = 100;

const cut = (s: string, n = 75) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function optionBlocks(initial: ComposeInitial, posted: boolean): BlockBuilder {
  const notify = Bits.Option({ text: "Notify everyone in the channel (@channel)", value: ANNOUNCE.options.notifyEveryone });
  const dm = Bits.Option({ text: "Also send it by DM to each member (chosen cohorts, or the program)", value: ANNOUNCE.options.alsoDm });
  const offered = posted ? [notify] : [notify, dm];
  const ticked = [initial.notifyEveryone ? notify : null, initial.alsoDm && !posted ? dm : null].filter((o) => o !== null);
  const boxes = Elements.Checkboxes({ actionId: VALUE }).options(offered);
  if (ticked.length) boxes.initialOptions(ticked);
  return Blocks.Input({ label: "Options", blockId: B.options }).optional().element(boxes);
}

/**
 * The compose form. A new or scheduled announcement may change everything; a posted one only its
 * words and the notify flag (`meta.posted`). `notice` is shown on top (e.g. "that time has passed").
 */
export function composeModal(programs: ComposeProgram[], initial: ComposeInitial, meta: ComposeMetadata, notice: string | null = null) {
  const program = programs.find((p) => p.id === initial.programId) ?? programs[0]!;
  // A select holds at most 100 options (Slack refuses more): the first programs, always with the chosen one.
  const listed = programs.length <= MAX_OPTIONS ? programs : [program, ...programs.filter((p) => p !== program).slice(0, MAX_OPTIONS - 1)];
  const blocks: BlockBuilder[] = [];
  if (notice) blocks.push(Blocks.Section({ text: `:warning: ${notice}` }));
  if (meta.posted) {
    const copies = initial.alsoDm ? ` ${DM_COPIES_KEEP_OLD_WORDS}` : "";
    blocks.push(Blocks.Context().elements(`Already posted in <#${initial.channelId}> for ${escapeMrkdwn(program.name)}: you can change the words, and Rounds updates the channel message.${copies}`));
  } else {
    const option = (p: ComposeProgram) => Bits.Option({ text: cut(p.name), value: p.id });
    blocks.push(
      Blocks.Input({ label: "Program", blockId: B.program }).element(
        Elements.StaticSelect({ actionId: VALUE }).options(listed.map(option)).initialOption(option(program)),
      ),
    );
    const withCohorts = listed.filter((p) => p.cohorts.length > 0);
    if (withCohorts.length) {
      const cohortOption = (c: { id: string; name: string }) => Bits.Option({ text: cut(c.name), value: c.id });
      const select = Elements.StaticMultiSelect({ actionId: VALUE, placeholder: "The whole program" }).optionGroups(
        withCohorts.map((p) => Bits.OptionGroup({ label: cut(p.name) }).options(p.cohorts.map(cohortOption))),
      );
      const chosen = withCohorts.flatMap((p) => p.cohorts).filter((c) => initial.cohortIds.includes(c.id));
      if (chosen.length) select.initialOptions(chosen.map(cohortOption));
      blocks.push(Blocks.Input({ label: "Cohorts", blockId: B.cohorts, hint: "Empty = the whole program." }).optional().element(select));
    }
    const channel = Elements.ConversationSelect({ actionId: VALUE, placeholder: "The program's announcement channel" }).filter("public", "private").excludeBotUsers();
    if (initial.channelId) channel.initialConversation(initial.channelId);
    blocks.push(Blocks.Input({ label: "Channel", blockId: B.channel, hint: "Empty = the program's announcement channel." }).optional().element(channel));
  }
  const text = Elements.TextInput({ actionId: VALUE, maxLength: ANNOUNCEMENT_TEXT_MAX, placeholder: "What do you want to tell the cohort?" }).multiline();
  if (initial.text) text.initialValue(initial.text);
  blocks.push(
    Blocks.Input({ label: "Message", blockId: B.text, hint: "Slack formatting works: *bold*, _italic_, lists, <https://example.org|links>, <@U123> mentions." }).element(text),
    optionBlocks(initial, meta.posted),
  );
  if (!meta.posted) {
    const now = Bits.Option({ text: "Post now", value: "now" });
    const later = Bits.Option({ text: "Schedule for the date and time below", value: "later" });
    const date = Elements.DatePicker({ actionId: VALUE });
    if (initial.date) date.initialDate(new Date(`${initial.date}T12:00:00Z`));
    const time = Elements.TimePicker({ actionId: VALUE });
    if (initial.time) time.initialTime(initial.time);
    const zones = [...new Set(programs.map((p) => p.timezone))];
    const zoneHint = zones.length === 1 ? `In ${zones[0]}, the program's time zone.` : "In the chosen program's time zone.";
    blocks.push(
      Blocks.Input({ label: "When", blockId: B.when }).element(Elements.RadioButtons({ actionId: VALUE }).options([now, later]).initialOption(initial.when === "later" ? later : now)),
      Blocks.Input({ label: "Date", blockId: B.date }).optional().element(date),
      Blocks.Input({ label: "Time", blockId: B.time, hint: zoneHint }).optional().element(time),
    );
  }
  return Modal({
    title: meta.id ? "Edit announcement" : "New announcement",
    submit: "Preview",
    close: "Cancel",
    callbackId: ANNOUNCE.views.compose,
    privateMetaData: ANN.composeSubmit.metadata.encode(meta),
  })
    .blocks(blocks)
    .buildToObject();
}

/** The form refilled from a draft (Back to edit, or editing a saved announcement). */
export function composeInitialOf(d: { programId: string; cohortIds: string[]; channelId: string; text: string; notifyEveryone: boolean; alsoDm: boolean }, when: { date: string; time: string } | null): ComposeInitial {
  return { ...d, when: when ? "later" : "now", date: when?.date ?? null, time: when?.time ?? null };
}

