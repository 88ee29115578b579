import type { ButtonInteraction, Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { showModal } from "../../../slack/interaction/showModal.js";
import { profileModal } from "../../profiles/views/profileModal.js";
import { profileErrors, readProfileForm } from "../../profiles/views/profileForm.js";
import { acceptInviteForm, answerContinuation, declineInvite, inviteProfileForm, type Payload } from "../year.js";
import { YEAR, YEAR_FORMS } from "../ids.js";
import { acceptedText, answeredMessage, declinedMessage } from "../views/messages.js";

/** The pressed DM redrawn in place (its response_url, else chat.update), or a new DM when there is no message. */
async function redraw<V>(i: ButtonInteraction<V, "anyone">, m: Payload): Promise<void> {
  if (i.args.body.response_url) await i.args.respond({ replace_original: true, ...m });
  else if (i.message) await i.client.chat.update({ channel: i.message.channel, ts: i.message.ts, ...m } as Parameters<typeof i.client.chat.update>[0]);
  else await i.client.chat.postMessage({ channel: i.userId, ...m });
}

/**
 * The two people of a match answer "continue next year?" (the message then says what they chose,
 * with the button to change it); an alumnus confirms the pre-filled mentor profile (a modal) or
 * declines the invitation to mentor.
 */
export function participantListeners(on: Interactions): void {
  const spec = { who: "anyone", when: "queued", errors: whereClicked } as const;
  for (const [action, answer] of [
    [YEAR.keep, "CONTINUE"],
    [YEAR.end, "END"],
  ] as const) {
    on.button({ action, ...spec, label: "year continue answer" }, async (i) => {
      const saved = await answerContinuation(i.ctx, i.userId, i.value.matchId, i.value.startYear, answer);
      await redraw(i, answeredMessage(saved));
    });
  }

  on.button({ action: YEAR.mentor, ...spec, label: "alumnus mentor profile", opensModal: { title: "Mentor profile" } }, async (i) => {
    const form = await inviteProfileForm(i.ctx, i.userId, i.value);
    const built = profileModal({ sections: ["mentor"], vocabulary: form.vocabulary, profile: form.profile, goals: [] }) as { title: unknown; submit?: unknown };
    await showModal(i, {
      ...(built as object),
      callback_id: YEAR_FORMS.mentor.id,
      private_metadata: YEAR_FORMS.mentor.metadata.encode(form.invite.id),
      title: { type: "plain_text", text: "Mentor profile" },
      submit: { type: "plain_text", text: "Become a mentor" },
    } as Parameters<typeof showModal>[1]);
  });

  on.button({ action: YEAR.decline, ...spec, label: "alumnus decline" }, async (i) => {
    const invite = await declineInvite(i.ctx, i.userId, i.value);
    await redraw(i, declinedMessage(invite.programName));
  });

  on.submit({ view: YEAR_FORMS.mentor, who: "anyone", errors: (text) => ({ update: doneModal("Nothing changed", text) }), label: "alumnus mentor submit" }, async (i) => {
    const result = await acceptInviteForm(i.ctx, i.userId, i.metadata, readProfileForm(i.values, ["mentor"]));
    if (!result.ok) return { errors: profileErrors(result.issues) };
    i.deps.kickOutbox();
    return { update: doneModal("You're a mentor", acceptedText(result.invite.programName)) };
  });
}
