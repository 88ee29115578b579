/**
 * A plain-text picture of Block Kit blocks, the way Slack lays them out: for the docs' example of the
 * dashboard (generated from the real view, so it cannot drift) and for reading a Home in a terminal.
 */

interface TextObject {
  text?: string;
}
interface AnyBlock {
  type: string;
  text?: TextObject;
  elements?: ({ type: string; text?: TextObject | string; style?: string; confirm?: unknown } & TextObject)[];
  accessory?: { type: string; text?: TextObject };
}

const plain = (t: TextObject | string | undefined) => (typeof t === "string" ? t : (t?.text ?? ""));
/** mrkdwn as a person reads it: escaping's invisible fences dropped, entities decoded, mentions shown as @name (or @id when the name is not given). */
let names: ReadonlyMap<string, string> = new Map();
const readable = (s: string) => s.replace(/\u200B/g, "").replace(/<@([A-Z0-9]+)>/g, (_m, id: string) => `@${names.get(id) ?? id}`).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function blocksAsText(blocks: readonly unknown[], slackNames: ReadonlyMap<string, string> = new Map()): string {
  names = slackNames;
  const lines: string[] = [];
  for (const raw of blocks as AnyBlock[]) {
    switch (raw.type) {
      case "header":
        lines.push("", `## ${plain(raw.text)}`);
        break;
      case "section":
        lines.push(readable(plain(raw.text)) + (raw.accessory ? `   [${plain(raw.accessory.text)}]` : ""));
        break;
      case "context":
        lines.push(`  ${(raw.elements ?? []).map((e) => readable(plain(e.text ?? e))).join(" ")}`);
        break;
      case "actions":
        lines.push((raw.elements ?? []).map((e) => `[ ${plain(e.text)}${e.confirm ? " …confirm" : ""} ]`).join(" "));
        break;
      case "divider":
        lines.push("────────────────────────────────────────");
        break;
      default:
        lines.push(`(${raw.type})`);
    }
  }
  return lines.join("\n").trim();
}
