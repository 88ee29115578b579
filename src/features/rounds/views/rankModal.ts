import { Bits, Blocks, Elements, Md, Modal } from "slack-block-builder";
import type { RankForm } from "../roundRankings.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { rankBlock, ROUND_CALLBACKS, ROUND_FORMS, ROUND_VALUE } from "../ids.js";
import { dayTime } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";
import { ordinal } from "./ordinal.js";

/** At most this many places to fill (Slack modals hold 100 blocks; nobody ranks more usefully). */
export const MAX_RANK_PLACES = 10;


export const rankPlaces = (form: Pick<RankForm, "choices">) => Math.min(form.choices.length, MAX_RANK_PLACES);

/** A static select holds at most 100 options. */
export const MAX_RANK_OPTIONS = 100;

/** The choices a select offers: the first MAX_RANK_OPTIONS (best first), plus any on the saved list beyond them, in order. */
export function offeredChoices(form: Pick<RankForm, "choices" | "current">): RankForm["choices"] {
  const saved = new Set(form.current);
  const beyond = form.choices.slice(MAX_RANK_OPTIONS).filter((c) => saved.has(c.memberId));
  return [...form.choices.slice(0, MAX_RANK_OPTIONS - beyond.length), ...beyond];
}

/** The rank modal: one select per place, best first, pre-filled with a saved list (private_metadata: run id and places). */
export function rankModal(form: RankForm) {
  const places = rankPlaces(form);
  const offered = offeredChoices(form);
  const more = form.choices.length - offered.length;
  const option = (c: RankForm["choices"][number]) => Bits.Option({ text: c.name.slice(0, 75), value: c.memberId });
  const who = form.side === "trainee" ? "mentors suggested for you" : "trainees who ranked you";
  const intro =
    places === 0
      ? form.side === "trainee"
        ? "No mentor can be suggested to you in this round right now (all are paused, full or excluded). Your program director will see you in the preview."
        : "Nobody has ranked you in this round."
      : `Rank the ${who} in ${Md.bold(escapeMrkdwn(form.roundName))}, best first, by ${Md.bold(dayTime(form.deadline, form.tz))}. Leave places empty for people you wouldn't work with.${more ? ` The lists show the first ${offered.length}, those who put you highest; ${count(more, "more person", "more people")} ranked you.` : ""}`;
  const reasons = offered
    .filter((c) => c.reasons.length)
    .map((c) => `• ${Md.bold(escapeMrkdwn(c.name))}: ${c.reasons.map(escapeMrkdwn).join("; ")}`)
    .join("\n");
  const blocks = [Blocks.Section({ text: intro }), ...(reasons ? [Blocks.Context().elements(reasons.slice(0, 2900))] : [])];
  for (let i = 0; i < places; i++) {
    const select = Elements.StaticSelect({ actionId: ROUND_VALUE, placeholder: "Choose" }).options(offered.map(option));
    const saved = offered.find((c) => c.memberId === form.current[i]);
    if (saved) select.initialOption(option(saved));
    blocks.push(Blocks.Input({ label: `${ordinal(i + 1)} choice`, blockId: rankBlock(i) }).optional().element(select) as never);
  }
  return Modal({
    title: form.side === "trainee" ? "Rank mentors" : "Rank trainees",
    ...(places ? { submit: "Save ranking" } : {}),
    close: places ? "Cancel" : "Close",
    callbackId: ROUND_CALLBACKS.rank,
    privateMetaData: ROUND_FORMS.rank.metadata.encode({ runId: form.runId, places }),
  })
    .blocks(blocks)
    .buildToObject();
}

/** What the modal turns into once saved. */
export function rankSavedText(form: RankForm): string {
  const names = new Map(form.choices.map((c) => [c.memberId, c.name]));
  const list = form.current.map((id, i) => `${i + 1}. ${escapeMrkdwn(names.get(id) ?? "")}`).join("\n");
  return `Your ranking is saved:\n${list}\nYou can change it until ${dayTime(form.deadline, form.tz)}.`;
}
