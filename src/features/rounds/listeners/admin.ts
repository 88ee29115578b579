import { programOverviews } from "../../programs/programs.js";
import { cancelRound, listRounds } from "../rounds.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { roundModal } from "../views/roundModal.js";
import { roundList } from "../views/roundList.js";
import { NEW_PROGRAM, noProgramText } from "../../programs/views/menu.js";
import { plainMessage } from "../../../slack/kit/message.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { directorButton, showModal, tell } from "../../programs/listeners/guard.js";

/** "New round" (menu, App Home, round list): the set-up modal, with the clicked program chosen. */
export const openCreateRound = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const programs = await programOverviews(deps.db, by.workspaceId);
    if (programs.length === 0) return tell(args, noProgramText("run a round in"), [NEW_PROGRAM]);
    const value = args.action.value;
    await showModal(args, roundModal(programs, value ? `p:${value}` : undefined));
  });

/** "Rounds": the list of active rounds, where the button was pressed. */
export const showRounds = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const list = roundList(await listRounds(deps.db, by.workspaceId));
    if (args.body.response_url) await args.respond({ response_type: "ephemeral", replace_original: false, ...list });
    else await args.client.chat.postMessage({ channel: by.actor, ...list });
  });

/** "Cancel round": nothing more is planned; the list is shown again in place. */
export const cancelRoundClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const round = await cancelRound(deps.db, by, args.action.value ?? "", deps.now());
    const list = roundList(await listRounds(deps.db, by.workspaceId), `:no_entry_sign: ${escapeMrkdwn(round.name)} is cancelled; nothing more will run.`);
    if (args.body.response_url) await args.respond({ replace_original: true, ...list });
    else await args.client.chat.postMessage({ channel: by.actor, ...plainMessage(`${escapeMrkdwn(round.name)} is cancelled; nothing more will run.`) });
  });
