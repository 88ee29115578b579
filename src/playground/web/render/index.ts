/**
 * The Playground's Block Kit renderer: Slack's surfaces as HTML strings (every payload string escaped),
 * and the payloads Slack would send back from them. Browser code; Node never runs it.
 */
export { renderBlocks } from "./blocks.js";
export { renderMrkdwn, type MrkdwnOptions } from "./mrkdwn.js";
export { renderView, renderMessage, renderConfirm, type ViewLike, type MessageLike, type FileLike } from "./surfaces.js";
export { actionPayload, viewState, refreshMultiSelects } from "./payload.js";
export { EMOJI } from "./emoji.js";
export type { RenderOptions, Choice, ConfirmObject, OptionObject, TextObject } from "./types.js";
