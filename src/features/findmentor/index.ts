/**
 * Find a mentor, for trainees: `/findmentor [keywords]` ranks the mentors of their programs with
 * the reasons each fits and the answers trainees ask about (hands-on? grants? past fellows?), a page
 * at a time. The cards' Request button is answered by the requests feature.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { findmentorCommand } from "./listeners/command.js";
import { findMentorMore } from "./listeners/more.js";

export function registerFindMentorListeners(on: Interactions): void {
  findmentorCommand(on);
  findMentorMore(on);
}
