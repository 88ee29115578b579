import { agendaMatch, setMatchAgenda } from "../../meetings.js";
import { MatchNotFound } from "../../../../domain/errors.js";
import { readAgenda } from "../../views/meetings/form.js";
import { agendaMessages, agendaModal } from "../../views/meetings/agendaPrompt.js";
import { MEETING, MEETING_BLOCKS } from "../../ids.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { openedModalOnly } from "../../../../slack/interaction/surfaces.js";

/** "Set agenda" on the agenda-prompt DM or the App Home (value = match id): the agenda modal opens at once, prefilled. */
export function setAgendaButton(on: Interactions): void {
  on.button(
    { action: MEETING.setAgenda, who: "anyone", when: "queued", errors: openedModalOnly, opensModal: { title: "Agenda" }, label: "agenda", invalid: (raw) => new MatchNotFound(raw) },
    async (i) => {
      const match = await agendaMatch(i.ctx, i.userId, i.value);
      if (i.modal) await i.client.views.update({ view_id: i.modal.id, view: agendaModal(match, match.trainee.slackUserId === i.userId) });
    },
  );
}

/** The agenda modal's Save: Match.agenda set (or cleared), the other person told, both Homes refreshed. */
export function agendaSubmit(on: Interactions): void {
  on.submit({ view: MEETING.agendaSubmit, who: "anyone", errors: MEETING_BLOCKS.agenda, label: "setting an agenda" }, async (i) => {
    const agenda = readAgenda(i.values);
    if (!agenda.ok) return { errors: agenda.errors };
    const match = await setMatchAgenda({ ...i.ctx, messages: agendaMessages }, i.userId, i.metadata, agenda.value);
    i.deps.kickOutbox();
    i.afterwards(async () => {
      await refreshHomeQuietly(i.deps, i.client, i.teamId, match.trainee.slackUserId);
      await refreshHomeQuietly(i.deps, i.client, i.teamId, match.mentor.slackUserId);
    });
  });
}
