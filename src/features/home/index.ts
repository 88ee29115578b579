/**
 * Home, for everyone: the App Home tab (published fresh when opened: your mentorships, requests,
 * goals and the next step for each), `/mentoring`, the personal hub whose subcommands reach
 * profiles, privacy, goals, the meeting log and thanks, and a short answer to anything typed to
 * Rounds in its Messages tab.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { appHomeOpened } from "./listeners/appHomeOpened.js";
import { directMessage } from "./listeners/directMessage.js";
import { mentoringCommand } from "./listeners/command.js";

export function registerHomeListeners(on: Interactions): void {
  appHomeOpened(on);
  directMessage(on);
  mentoringCommand(on);
}
