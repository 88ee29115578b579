import { attr, escapeHtml, safeUrl } from "./escape.js";
import { renderBlocks } from "./blocks.js";
import { renderMrkdwn } from "./mrkdwn.js";
import { isText, namesOf, renderText } from "./text.js";
import type { ConfirmObject, RenderOptions } from "./types.js";

/**
 * Whole surfaces: a modal (title bar, blocks, Cancel and Submit), the Home tab, and a message in a
 * conversation (author, time, text or blocks, files), drawn as Slack draws them.
 */

export interface ViewLike {
  type: "modal" | "home";
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  callback_id?: string;
  id?: string;
}

export function renderView(view: ViewLike, opts: Omit<RenderOptions, "surface"> = {}): string {
  if (view.type === "home") {
    return `<div class="bk-view bk-home" data-view-type="home"${attr("data-view-id", view.id)}>${renderBlocks(view.blocks, { ...opts, surface: "home" })}</div>`;
  }
  const title = isText(view.title) ? renderText(view.title, opts) : "";
  const close = isText(view.close) ? renderText(view.close, opts) : "Cancel";
  const submit = isText(view.submit) ? `<button type="button" class="bk-button bk-button-primary" data-role="submit">${renderText(view.submit, opts)}</button>` : "";
  return (
    `<div class="bk-view bk-modal" role="dialog" aria-modal="true" data-view-type="modal"${attr("data-view-id", view.id)}${attr("data-callback-id", view.callback_id)}>` +
    `<div class="bk-modal-title"><h1 class="bk-modal-title-text">${title}</h1><button type="button" class="bk-modal-x" data-role="close" aria-label="Close">×</button></div>` +
    `<div class="bk-modal-body">${renderBlocks(view.blocks, { ...opts, surface: "modal" })}</div>` +
    `<div class="bk-modal-footer"><button type="button" class="bk-button" data-role="cancel">${close}</button>${submit}</div>` +
    `</div>`
  );
}

/** A file shared in a message: a CSV download, or a PNG chart shown inline. */
export interface FileLike {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  filetype?: string;
  url_private?: string;
  url_private_download?: string;
  permalink?: string;
}

export interface MessageLike {
  text?: string;
  blocks?: unknown[];
  user?: string;
  username?: string;
  bot_id?: string;
  ts?: string;
  files?: FileLike[];
  /** An ephemeral message: only the person it was sent to sees it. */
  ephemeral?: boolean;
  /** chat.update changed it. */
  edited?: unknown;
}

export function renderMessage(message: MessageLike, opts: Omit<RenderOptions, "surface"> = {}): string {
  const names = namesOf(opts);
  const author = message.username ?? (message.user ? (names?.(message.user) ?? message.user) : "Rounds");
  const isApp = message.bot_id !== undefined || message.username !== undefined || message.user === undefined;
  const body =
    message.blocks && message.blocks.length > 0
      ? renderBlocks(message.blocks, { ...opts, surface: "message" })
      : `<div class="bk-message-text">${renderMrkdwn(message.text ?? "", { names })}</div>`;
  const files = (message.files ?? []).map(renderFile).join("");
  return (
    `<div class="bk-message${message.ephemeral ? " bk-ephemeral" : ""}"${attr("data-ts", message.ts)}>` +
    `<div class="bk-avatar" aria-hidden="true">${escapeHtml(author.trim().charAt(0).toUpperCase() || "?")}</div>` +
    `<div class="bk-message-main"><div class="bk-message-meta"><span class="bk-author">${escapeHtml(author)}</span>` +
    (isApp ? `<span class="bk-app-badge">APP</span>` : "") +
    (message.ts ? `<time class="bk-time" datetime="${escapeHtml(isoOf(message.ts))}">${escapeHtml(clockOf(message.ts))}</time>` : "") +
    (message.edited ? `<span class="bk-edited">(edited)</span>` : "") +
    `</div>${body}${files}` +
    (message.ephemeral ? `<div class="bk-ephemeral-note">Only visible to you</div>` : "") +
    `</div></div>`
  );
}

function renderFile(file: FileLike): string {
  const url = safeUrl(file.url_private_download ?? file.url_private ?? file.permalink ?? "");
  const name = file.title ?? file.name ?? "file";
  const image = (file.mimetype ?? "").startsWith("image/") || ["png", "jpg", "jpeg", "gif"].includes(file.filetype ?? "");
  if (image && url) return `<figure class="bk-file bk-file-image"${attr("data-file-id", file.id)}><img src="${escapeHtml(url)}" alt="${escapeHtml(name)}"><figcaption>${escapeHtml(name)}</figcaption></figure>`;
  const kind = (file.filetype ?? file.name?.split(".").pop() ?? "file").toUpperCase();
  const link = url ? `<a class="bk-file-download" href="${escapeHtml(url)}" download="${escapeHtml(file.name ?? name)}">Download</a>` : "";
  return `<div class="bk-file"${attr("data-file-id", file.id)}><span class="bk-file-kind">${escapeHtml(kind)}</span><span class="bk-file-name">${escapeHtml(name)}</span>${link}</div>`;
}

const dateOf = (ts: string) => new Date(Math.floor(Number(ts) * 1000));
const isoOf = (ts: string) => (Number.isFinite(Number(ts)) ? dateOf(ts).toISOString() : "");
/** The time of day as the reader's clock shows it, as Slack shows a message's time. */
function clockOf(ts: string): string {
  if (!Number.isFinite(Number(ts))) return "";
  const d = dateOf(ts);
  const h = d.getHours();
  return `${h % 12 === 0 ? 12 : h % 12}:${String(d.getMinutes()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

/** A confirm dialog (from an element's data-confirm) with its two buttons, as Slack shows it before the action is sent. */
export function renderConfirm(confirm: ConfirmObject): string {
  const style = confirm.style === "danger" ? "bk-button-danger" : "bk-button-primary";
  return (
    `<div class="bk-view bk-modal bk-confirm" role="alertdialog" aria-modal="true">` +
    `<div class="bk-modal-title"><h1 class="bk-modal-title-text">${renderText(confirm.title)}</h1></div>` +
    `<div class="bk-modal-body"><div class="bk-confirm-text">${renderText(confirm.text)}</div></div>` +
    `<div class="bk-modal-footer"><button type="button" class="bk-button" data-role="deny">${renderText(confirm.deny)}</button>` +
    `<button type="button" class="bk-button ${style}" data-role="confirm">${renderText(confirm.confirm)}</button></div></div>`
  );
}

