import { programOverviews } from "../../programs/programs.js";
import { cancelRound, listRounds } from "../rounds.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { roundModal } from "../views/roundModal.js";
import { roundList } from "../views/roundList.js";
import { NEW_PROGRAM, noProgramText } from "../../programs/views/menu.js";
import { plainMessage } from "../../../slack/kit/message.js";
import { ROUND } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { showModal } from "../../../slack/interaction/showModal.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

const spec = { who: "director", when: "queued", errors: whereClicked, label: "admin action" } as const;

/** "New round" (menu, App Home, round list): the set-up modal, with the clicked program chosen. */
export function newRoundButtons(on: Interactions): void {
  for (const action of [ROUND.create, ROUND.createHome]) {
    on.button({ action, ...spec, opensModal: { title: "New round" } }, async (i) => {
      const programs = await programOverviews(i.ctx.db, i.by.workspaceId);
      if (programs.length === 0) return i.tell(noProgramText("run a round in"), [NEW_PROGRAM]);
      await showModal(i, roundModal(programs, i.value ? `p:${i.value}` : undefined));
    });
  }
}

/** "Rounds": the list of active rounds, where the button was pressed. */
export function roundListButtons(on: Interactions): void {
  for (const action of [ROUND.list, ROUND.listHome]) {
    on.button({ action, ...spec }, async (i) => {
      const list = roundList(await listRounds(i.ctx.db, i.by.workspaceId));
      if (i.args.body.response_url) await i.args.respond({ response_type: "ephemeral", replace_original: false, ...list });
      else await i.client.chat.postMessage({ channel: i.by.actor, ...list });
    });
  }
}

/** "Cancel round": nothing more is planned; the list is shown again in place. */
export function cancelRoundButton(on: Interactions): void {
  on.button({ action: ROUND.cancel, ...spec }, async (i) => {
    const round = await cancelRound(i.ctx.db, i.by, i.value, i.ctx.now);
    const list = roundList(await listRounds(i.ctx.db, i.by.workspaceId), `:no_entry_sign: ${escapeMrkdwn(round.name)} is cancelled; nothing more will run.`);
    if (i.args.body.response_url) await i.args.respond({ replace_original: true, ...list });
    else await i.client.chat.postMessage({ channel: i.by.actor, ...plainMessage(`${escapeMrkdwn(round.name)} is cancelled; nothing more will run.`) });
  });
}
