import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.js";
import { findmentorCommand } from "./findmentor.js";
import { mentoringCommand } from "./mentoring.js";
import { mentoringAdminCommand } from "./mentoringAdmin.js";

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command("/findmentor", findmentorCommand(deps));
  app.command("/mentoring", mentoringCommand(deps));
  app.command("/mentoring-admin", mentoringAdminCommand(deps));
}
