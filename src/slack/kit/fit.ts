/**
 * Text that must stay under one of Slack's limits (a section holds at most 3,000 characters):
 * whole items, joined, while they fit, then a word for how many were left out.
 */

/** Room kept for the "…and N more" words. */
const MORE_ROOM = 40;

/** `items` joined by `separator` while the result stays within `max` characters; `more(n)` follows when n were left out. */
export function joinWithin(items: readonly string[], max: number, separator: string, more: (left: number) => string): string {
  const all = items.join(separator);
  if (all.length <= max) return all;
  const kept: string[] = [];
  let length = 0;
  for (const item of items) {
    const next = length + (kept.length ? separator.length : 0) + item.length;
    if (next > max - MORE_ROOM) break;
    kept.push(item);
    length = next;
  }
  const tail = more(items.length - kept.length);
  return kept.length ? `${kept.join(separator)}${separator}${tail}` : tail;
}
