/**
 * Pairing rounds: a director sets up a round (now, once, or on a schedule) for a program or cohort;
 * participants get a day-before notice they can answer (skip this round, pause everything, resume),
 * rank each other for a stable round, and the director gets a preview to swap, drop, re-run,
 * approve or discard. Approving creates the matches or groups and introduces them.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { cancelRoundButton, newRoundButtons, roundListButtons } from "./listeners/admin.js";
import { noticeButtons } from "./listeners/notice.js";
import { rankButton } from "./listeners/rank.js";
import { createRoundSubmitted } from "./listeners/createSubmit.js";
import { rankSubmitted } from "./listeners/rankSubmit.js";
import { registerRoundPreviewListeners } from "./listeners/preview/index.js";

export function registerRoundListeners(on: Interactions): void {
  newRoundButtons(on);
  roundListButtons(on);
  cancelRoundButton(on);
  noticeButtons(on);
  rankButton(on);
  createRoundSubmitted(on);
  rankSubmitted(on);
  registerRoundPreviewListeners(on);
}
