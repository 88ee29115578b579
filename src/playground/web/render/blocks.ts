import { attr, escapeHtml } from "./escape.js";
import { renderElement, renderImageElement, unsupported } from "./elements.js";
import { contentId, domId } from "./ids.js";
import { isText, plainOf, renderText } from "./text.js";
import type { Block, Element, RenderOptions } from "./types.js";

/**
 * Block Kit layout blocks as HTML laid out the way Slack lays them out: header, section (text, fields in
 * two columns, accessory on the right), context, divider, image, actions and input (label, hint and
 * the inline error from response_action "errors" under it).
 */
export function renderBlocks(blocks: unknown[], opts: RenderOptions = {}): string {
  const surface = opts.surface ?? "message";
  const body = (Array.isArray(blocks) ? blocks : []).map((b, i) => renderBlock(b, i, opts)).join("");
  return `<div class="bk-blocks bk-surface-${escapeHtml(surface)}">${body}</div>`;
}

function renderBlock(value: unknown, index: number, opts: RenderOptions): string {
  const block = value as Block;
  if (typeof block !== "object" || block === null || typeof block.type !== "string") return unsupported("block", "unknown");
  const blockId = typeof block.block_id === "string" ? block.block_id : contentId(block, index);
  const error = opts.errors?.[blockId];
  const open = (kind: string) => `<div class="bk-block bk-${kind}${error ? " bk-has-error" : ""}" data-block-type="${escapeHtml(block.type)}"${attr("data-block-id", blockId)}>`;
  const errorLine = error ? `<div class="bk-error" role="alert">${escapeHtml(error)}</div>` : "";
  const element = (e: unknown, i: number, extra: object = {}) => renderElement(e, { blockId, index: i, opts, ...extra });

  switch (block.type) {
    case "header":
      return `${open("header")}<h2 class="bk-header-text">${renderText(block.text, opts)}</h2>${errorLine}</div>`;
    case "divider":
      return `${open("divider")}<hr class="bk-divider-line">${errorLine}</div>`;
    case "section": {
      const text = isText(block.text) ? `<div class="bk-section-text">${renderText(block.text, opts)}</div>` : "";
      const fields = Array.isArray(block.fields) ? `<div class="bk-fields">${block.fields.map((f) => `<div class="bk-field">${renderText(f, opts)}</div>`).join("")}</div>` : "";
      const accessory = block.accessory ? `<div class="bk-accessory">${accessoryHtml(block.accessory as Element, blockId, opts)}</div>` : "";
      return `${open("section")}<div class="bk-section-main">${text}${fields}</div>${accessory}${errorLine}</div>`;
    }
    case "context": {
      const items = (Array.isArray(block.elements) ? block.elements : []).map((e) =>
        isText(e) ? `<span class="bk-context-text">${renderText(e, opts)}</span>` : (e as Element).type === "image" ? renderImageElement(e as Element, "bk-context-image") : unsupported("element", String((e as Element).type)),
      );
      return `${open("context")}${items.join("")}${errorLine}</div>`;
    }
    case "image": {
      const title = isText(block.title) ? `<div class="bk-image-title">${renderText(block.title, opts)}</div>` : "";
      return `${open("image")}${title}${renderImageElement(block as unknown as Element, "bk-image")}${errorLine}</div>`;
    }
    case "actions": {
      const elements = (Array.isArray(block.elements) ? block.elements : []).map((e, i) => element(e, i));
      return `${open("actions")}${elements.join("")}${errorLine}</div>`;
    }
    case "input": {
      const labelId = domId("label");
      const controlId = domId("control");
      const native = ["plain_text_input", "number_input", "email_text_input", "url_text_input", "static_select", "users_select", "conversations_select", "channels_select", "datepicker", "timepicker"];
      const type = (block.element as Element | undefined)?.type ?? "";
      const optional = block.optional === true ? ` <span class="bk-optional">(optional)</span>` : "";
      const label = `<label class="bk-label" id="${labelId}"${native.includes(type) ? ` for="${controlId}"` : ""}>${renderText(block.label, opts)}${optional}</label>`;
      const hint = isText(block.hint) ? `<div class="bk-hint">${renderText(block.hint, opts)}</div>` : "";
      const control = element(block.element, 0, { labelId, controlId, dispatch: block.dispatch_action === true });
      return `${open("input")}${label}<div class="bk-input-control">${control}</div>${errorLine}${hint}</div>`;
    }
    default:
      return `${open("unsupported")}${unsupported("block", block.type)}</div>`;
  }
}

function accessoryHtml(e: Element, blockId: string, opts: RenderOptions): string {
  if (e && e.type === "image") return renderImageElement(e, "bk-accessory-image");
  return renderElement(e, { blockId, index: 0, opts });
}

/** The plain words of a block's text, for places that show a summary (notifications, titles). */
export const blockText = (block: unknown): string => plainOf((block as Block | null)?.text);
