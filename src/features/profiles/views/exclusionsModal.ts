import { Blocks, Elements, Md, Modal } from "slack-block-builder";
import { EXCLUSIONS_BLOCK, PROFILE_CALLBACKS, VALUE } from "../ids.js";

/** The most people one list holds; plenty for "never pair me with". */
export const MAX_EXCLUSIONS = 25;

/** Confidential exclusions: people never to be paired with, prefilled with the current list. */
export function exclusionsModal(excludedSlackUserIds: readonly string[]) {
  const picker = Elements.UserMultiSelect({ actionId: VALUE, placeholder: "Choose people", maxSelectedItems: MAX_EXCLUSIONS });
  if (excludedSlackUserIds.length) picker.initialUsers([...excludedSlackUserIds]);
  return Modal({ title: "Never pair me with", submit: "Save", close: "Cancel", callbackId: PROFILE_CALLBACKS.exclusions })
    .blocks(
      Blocks.Section({
        text:
          `${Md.bold("This list is confidential.")} Only the pairing engine reads it: nobody else — not the people on it, ` +
          "not your program director — sees it, and it is never exported. Rounds will never suggest or pair you with them.",
      }),
      Blocks.Input({ blockId: EXCLUSIONS_BLOCK, label: "People", hint: "Remove everyone to clear the list." }).optional(true).element(picker),
    )
    .buildToObject();
}
