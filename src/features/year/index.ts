/**
 * The academic year's close (the July rollover), for directors and everyone in a program: 6 weeks
 * before the year ends both people of each mentorship are asked "continue next year?" and the
 * directors are offered "Close the year" (a DM, the Home, `/mentoring-admin close-year`, the CLI's
 * `year preview` / `year close`). The preview shows the graduating cohort, the training years that
 * advance, the mentorships that continue or end, and the new alumni; Approve applies it in one
 * transaction, once per program and year. Alumni are invited to "pay it forward" as mentors with a
 * mentor profile pre-filled from their trainee profile. A year report CSV tells what each close did.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { closeYearListeners } from "./listeners/close.js";
import { participantListeners } from "./listeners/answers.js";

export function registerYearListeners(on: Interactions): void {
  closeYearListeners(on);
  participantListeners(on);
}
