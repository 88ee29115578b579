import type { WebClient } from "@slack/web-api";
import type { ServiceContext } from "../../context.js";
import type { DirectorActor } from "../../programs/directors.js";
import type { ProgramOverview } from "../../programs/programs.js";
import { listRounds } from "../rounds.js";
import { noProgramYet } from "../../programs/views/menu.js";
import type { SlackMessage } from "../../home/views/help.js";
import { roundModal } from "../views/roundModal.js";
import { roundList } from "../views/roundList.js";

/** `/mentoring-admin round` opens the set-up modal; `/mentoring-admin rounds` lists active rounds. Returns the reply, if any. */
export async function roundsAdminCommand(
  ctx: ServiceContext,
  client: WebClient,
  by: DirectorActor,
  sub: "round" | "rounds",
  triggerId: string,
  programs: ProgramOverview[],
): Promise<SlackMessage | null> {
  if (sub === "rounds") return roundList(await listRounds(ctx.db, by.workspaceId));
  if (programs.length === 0) return noProgramYet("run a round in");
  await client.views.open({ trigger_id: triggerId, view: roundModal(programs) });
  return null;
}
