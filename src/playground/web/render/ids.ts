/**
 * Ids Slack would assign. Slack gives a block or element without an id one of its own; the renderer
 * derives it from the block's content, so the same view always gets the same ids (and the ids stay
 * put when the view is drawn again after an update).
 */
export function contentId(value: unknown, index: number): string {
  const text = `${index}:${JSON.stringify(value) ?? ""}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0").slice(0, 7);
}

let counter = 0;
/** A DOM id unique on the page, for labels and radio groups. */
export const domId = (prefix: string): string => `bk-${prefix}-${(++counter).toString(36)}`;
