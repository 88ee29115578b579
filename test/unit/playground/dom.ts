import { Window } from "happy-dom";

/**
 * A DOM for the renderer's tests (happy-dom: small, no browser needed), and the words a person reads on
 * what was drawn: closed menus show only their summary, a select shows its chosen item, form fields
 * show their value or grey placeholder, ticked boxes ☑ and unticked ☐, chosen radios ◉ and others ○.
 */

export function mount(html: string): HTMLElement {
  const window = new Window();
  const root = window.document.createElement("div");
  root.innerHTML = html;
  window.document.body.appendChild(root);
  // happy-dom 21 parses <option selected> after an earlier option wrongly (it keeps the option at the
  // index of the count of selected ones); browsers keep the last one marked selected. Apply that rule.
  for (const select of Array.from(root.querySelectorAll("select"))) {
    const marked = Array.from(select.options).filter((o) => o.hasAttribute("selected")).pop();
    if (marked) marked.selected = true;
  }
  return root as unknown as HTMLElement;
}

const BLOCK = new Set(["DIV", "P", "H1", "H2", "H3", "BLOCKQUOTE", "PRE", "LABEL", "FIGURE", "FIGCAPTION", "HR", "SUMMARY", "DETAILS"]);

/** Inline pieces Slack draws apart from their neighbours (buttons, chips, badges, times). */
const SPACED = new Set(["BUTTON", "TIME"]);
const SPACED_CLASSES = ["bk-chip", "bk-app-badge", "bk-file-kind", "bk-file-name", "bk-edited", "bk-context-text", "bk-choice-description"];

export function visibleText(el: Element): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push(node.textContent ?? "");
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (e.hasAttribute("hidden") || e.getAttribute("aria-hidden") === "true") return;
    const tag = e.tagName;
    if (tag === "BR") return void out.push("\n");
    if (tag === "IMG") return void out.push(`[image: ${e.getAttribute("alt") ?? ""}]`);
    if (tag === "INPUT" || tag === "TEXTAREA") return void out.push(fieldText(e as HTMLInputElement));
    if (tag === "SELECT") {
      const s = e as HTMLSelectElement;
      const chosen = Array.from(s.options).find((o) => o.selected);
      return void out.push(`[${chosen?.textContent ?? ""}]`);
    }
    if (tag === "DETAILS" && !e.hasAttribute("open")) {
      const summary = e.querySelector("summary");
      if (summary) walk(summary);
      return;
    }
    const gap = BLOCK.has(tag) ? "\n" : SPACED.has(tag) || SPACED_CLASSES.some((c) => e.classList.contains(c)) ? " " : "";
    out.push(gap);
    e.childNodes.forEach((c) => walk(c as unknown as Node));
    out.push(gap);
  };
  walk(el as unknown as Node);
  return out
    .join("")
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "")
    .join("\n");
}

function fieldText(input: HTMLInputElement): string {
  if (input.type === "checkbox") return input.checked ? "☑ " : "☐ ";
  if (input.type === "radio") return input.checked ? "◉ " : "○ ";
  const value = input.value;
  return value ? `[${value}]` : `[(${input.getAttribute("placeholder") ?? ""})]`;
}
