import { queueDueAgendaPrompts } from "../features/goals-meetings/agendaPrompts.js";
import { agendaPromptMessage } from "../features/goals-meetings/views/meetings/agendaPrompt.js";
import type { Job } from "./job.js";

/**
 * Every 15 minutes: nudge trainees whose next meeting is due in two days to set an agenda (10:00
 * their time on a working day), each prompt once per match and period (run key + outbox).
 */
export const agendaPrompts: Job = {
  name: "agenda-prompts",
  schedule: "*/15 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const queued = await queueDueAgendaPrompts(db, { now, sendFrom }, agendaPromptMessage);
    if (queued) kickOutbox();
    log.info({ queued }, "agenda prompts queued");
    return { queued };
  },
};
