import type { ListenerRouter } from "./router.js";
import type { ListenerDeps } from "./deps.js";
import { findmentorCommand } from "../features/findmentor/listeners/command.js";
import { mentoringCommand } from "../features/home/listeners/command.js";

export function registerCommands(router: ListenerRouter, deps: ListenerDeps): void {
  router.command("/findmentor", findmentorCommand(deps));
  router.command("/mentoring", mentoringCommand(deps));
}
