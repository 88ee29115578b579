import { Blocks, Elements, Md, Modal, Bits } from "slack-block-builder";
import type { RequestForm } from "../requests.js";
import { PRIVATE_NOTE_MAX, REQUEST_MESSAGE_MAX } from "../../../domain/requestRules.js";
import { REQUEST_BLOCKS, REQUEST_CALLBACKS, REQUEST_VIEWS, VALUE } from "../ids.js";

const option = (text: string, value: string) => Bits.Option({ text: text.slice(0, 75), value });

/** Asking a mentor: the role wanted, a short message, and which goal it is about. */
export function requestModal(form: RequestForm) {
  const metadata = REQUEST_VIEWS.request.metadata.encode({ mentorId: form.mentorId, programId: form.programId, goals: form.goals });
  const blocks = [
    Blocks.Section({ text: `Ask <@${form.mentorSlackId}> to work with you. They get your profile card, your goals and your message, and can accept or decline.` }),
    Blocks.Input({ blockId: REQUEST_BLOCKS.role, label: "What kind of help" }).element(
      Elements.StaticSelect({ actionId: VALUE, placeholder: "Choose a role" })
        .options(form.roles.map((r) => option(r.label, r.key)))
        .initialOption(form.roles.length === 1 ? option(form.roles[0]!.label, form.roles[0]!.key) : undefined),
    ),
    Blocks.Input({ blockId: REQUEST_BLOCKS.message, label: "A short message", hint: `Up to ${REQUEST_MESSAGE_MAX} characters: why them, and what you hope for.` })
      .optional(true)
      .element(Elements.TextInput({ actionId: VALUE, multiline: true, maxLength: REQUEST_MESSAGE_MAX })),
  ];
  if (form.goals.length) {
    blocks.push(
      Blocks.Input({ blockId: REQUEST_BLOCKS.goal, label: "Which of your goals is it about" })
        .optional(true)
        .element(Elements.StaticSelect({ actionId: VALUE, placeholder: "Choose a goal" }).options(form.goals.map((g, i) => option(g, String(i))))),
    );
  }
  return Modal({ title: "Request a mentor", submit: "Send request", close: "Cancel", callbackId: REQUEST_CALLBACKS.request, privateMetaData: metadata })
    .blocks(blocks)
    .buildToObject();
}

/** Declining: an optional reason that only program directors see. */
export function declineModal(requestId: string, message: { channel: string; ts: string } | null) {
  const metadata = REQUEST_VIEWS.decline.metadata.encode({ requestId, message });
  return Modal({ title: "Decline request", submit: "Decline", close: "Cancel", callbackId: REQUEST_CALLBACKS.decline, privateMetaData: metadata })
    .blocks(
      Blocks.Section({ text: `The trainee is told kindly that you can't take them on now, ${Md.bold("without")} your reason.` }),
      Blocks.Input({ blockId: REQUEST_BLOCKS.reason, label: "Reason (private)", hint: "Seen by program directors only. Optional." })
        .optional(true)
        .element(Elements.TextInput({ actionId: VALUE, multiline: true, maxLength: PRIVATE_NOTE_MAX })),
    )
    .buildToObject();
}

/** Ending a mentorship: optional private feedback to the program director. */
export function endModal(matchId: string) {
  return Modal({ title: "End mentorship", submit: "End mentorship", close: "Cancel", callbackId: REQUEST_CALLBACKS.end, privateMetaData: REQUEST_VIEWS.end.metadata.encode(matchId) })
    .blocks(
      Blocks.Section({ text: "The other person is told kindly that the mentorship has ended. Thank you for the time you gave it." }),
      Blocks.Input({ blockId: REQUEST_BLOCKS.note, label: "Feedback for the program director", hint: "Private: only the program's directors see it. Optional." })
        .optional(true)
        .element(Elements.TextInput({ actionId: VALUE, multiline: true, maxLength: PRIVATE_NOTE_MAX })),
    )
    .buildToObject();
}
