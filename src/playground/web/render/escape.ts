/** HTML escaping for everything the renderer writes: payload text never reaches the page as markup. */

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for an HTML text node or a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML[c] ?? c);

/** A data attribute holding JSON, escaped for a double-quoted attribute. */
export const jsonAttr = (name: string, value: unknown): string => ` ${name}="${escapeHtml(JSON.stringify(value))}"`;

/** An attribute when the value is present, nothing otherwise. */
export const attr = (name: string, value: string | number | undefined | null): string =>
  value === undefined || value === null ? "" : ` ${name}="${escapeHtml(String(value))}"`;

/** Slack's three entities in message text (&amp; &lt; &gt;), decoded to the characters they stand for. */
export const decodeSlackEntities = (text: string): string => text.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === "amp" ? "&" : e === "lt" ? "<" : ">"));

/** A link target the page may follow: web and mail links and the Playground's own paths; nothing scriptable. */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^(https?:\/\/|mailto:)/i.test(trimmed)) return trimmed;
  if (/^\/(?!\/)/.test(trimmed)) return trimmed;
  return undefined;
}
