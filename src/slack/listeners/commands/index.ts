import type { ListenerRouter } from "../router.js";
import type { ListenerDeps } from "../deps.js";
import { findmentorCommand } from "./findmentor.js";
import { mentoringCommand } from "./mentoring.js";
import { mentoringAdminCommand } from "./mentoringAdmin.js";

export function registerCommands(router: ListenerRouter, deps: ListenerDeps): void {
  router.command("/findmentor", findmentorCommand(deps));
  router.command("/mentoring", mentoringCommand(deps));
  router.command("/mentoring-admin", mentoringAdminCommand(deps));
}
