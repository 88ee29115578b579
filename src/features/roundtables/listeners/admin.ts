import type { WebClient } from "@slack/web-api";
import { listPrograms, type ProgramRecord } from "../../../store/programs.js";
import { vocabularyWith, parseVocabularyExtension, type Term } from "../../../domain/vocabulary.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { showModal } from "../../../slack/interaction/showModal.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { NEW_PROGRAM, noProgramText, noProgramYet } from "../../programs/views/menu.js";
import type { ServiceContext } from "../../context.js";
import type { DirectorActor } from "../../programs/directors.js";
import type { SlackMessage } from "../../../slack/kit/message.js";
import { cancelSession, findRoundTableSession, listRoundTableSessions, seatNow } from "../roundTables.js";
import { ROUND_TABLE } from "../ids.js";
import { setupModal } from "../views/forms.js";
import { roundTableMessages, seatedText, sessionList } from "../views/messages.js";

const spec = { who: "director", when: "queued", errors: whereClicked, label: "round tables" } as const;

/** The career paths the set-up modal offers hosts for: the program's, or every program's when none is chosen. */
function pathsFor(programs: readonly ProgramRecord[], programId: string | null): readonly Term[] {
  const chosen = programs.filter((p) => p.id === programId);
  return vocabularyWith(...(chosen.length ? chosen : programs).map((p) => parseVocabularyExtension(p.vocabulary))).careerPaths;
}

export async function roundTableSetupModal(ctx: ServiceContext, programId: string | null) {
  const programs = await listPrograms(ctx.db, ctx.workspaceId);
  if (programs.length === 0) return null;
  const preselect = programId ?? (programs.length === 1 ? programs[0]!.id : null);
  return setupModal(programs, pathsFor(programs, preselect), preselect);
}

async function showList(i: { args: { body: { response_url?: string }; respond: (m: object) => Promise<unknown> }; client: WebClient; by: DirectorActor }, list: SlackMessage, replace = false) {
  if (i.args.body.response_url) await i.args.respond({ response_type: "ephemeral", replace_original: replace, ...list });
  else await i.client.chat.postMessage({ channel: i.by.actor, ...list });
}

/** "New round tables", "Round tables" (director Home), "Seat now" and "Cancel" on the session list. */
export function roundTableAdminButtons(on: Interactions): void {
  on.button({ action: ROUND_TABLE.create, ...spec, opensModal: { title: "New round tables" } }, async (i) => {
    const modal = await roundTableSetupModal({ ...i.ctx, workspaceId: i.by.workspaceId }, i.value);
    if (!modal) return i.tell(noProgramText("hold round tables in"), [NEW_PROGRAM]);
    await showModal(i, modal);
  });

  on.button({ action: ROUND_TABLE.list, ...spec }, async (i) => {
    await showList(i, sessionList(await listRoundTableSessions(i.ctx.db, i.by.workspaceId, i.ctx.now), i.ctx.now));
  });

  on.button({ action: ROUND_TABLE.seatNow, ...spec }, async (i) => {
    const done = await seatNow({ ...i.ctx, workspaceId: i.by.workspaceId, messages: roundTableMessages }, i.by, i.value);
    i.deps.kickOutbox();
    await showList(i, sessionList(await listRoundTableSessions(i.ctx.db, i.by.workspaceId, i.ctx.now), i.ctx.now, seatedText(done)), true);
  });

  on.button({ action: ROUND_TABLE.cancel, ...spec }, async (i) => {
    const session = await findRoundTableSession(i.ctx.db, i.by.workspaceId, i.value);
    await cancelSession({ ...i.ctx, workspaceId: i.by.workspaceId }, i.by, session.id);
    await showList(i, sessionList(await listRoundTableSessions(i.ctx.db, i.by.workspaceId, i.ctx.now), i.ctx.now, ":no_entry_sign: That session is cancelled. (Trainees already invited are not told; tell them in your next announcement.)"), true);
  });
}

/** `/mentoring-admin roundtables` opens the set-up modal; `/mentoring-admin roundtables list` lists the sessions. Returns the reply, if any. */
export async function roundTablesAdminCommand(ctx: ServiceContext, client: WebClient, by: DirectorActor, text: string, triggerId: string): Promise<SlackMessage | null> {
  const scoped = { ...ctx, workspaceId: by.workspaceId };
  if (/^\s*roundtables\s+list\b/i.test(text)) return sessionList(await listRoundTableSessions(ctx.db, by.workspaceId, ctx.now), ctx.now);
  const modal = await roundTableSetupModal(scoped, null);
  if (!modal) return noProgramYet("hold round tables in");
  await client.views.open({ trigger_id: triggerId, view: modal });
  return null;
}
