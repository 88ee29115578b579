/**
 * Career round tables, for directors, mentors and trainees: a director sets up a session (program,
 * day and time, rotations, table size, choice deadline) with mentors hosting a table each for
 * their career path; every trainee of the program is invited by DM to choose 2–3 paths; when
 * choices close (or the director presses Seat now) trainees are seated for each rotation, never at
 * the same table twice, and everyone gets their schedule (hosts, the list of their table); after
 * the session each trainee is asked whether to request one of their hosts as a mentor.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { roundTableAdminButtons } from "./listeners/admin.js";
import { chooseButton, chooseSubmitted, roundTableSetupSubmitted } from "./listeners/forms.js";

export function registerRoundTableListeners(on: Interactions): void {
  roundTableAdminButtons(on);
  roundTableSetupSubmitted(on);
  chooseButton(on);
  chooseSubmitted(on);
}
