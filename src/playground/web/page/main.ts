import { actionPayload, refreshMultiSelects, renderConfirm, renderMessage, renderView, viewState, type ConfirmObject } from "../render/index.js";
import { getState, post, type Conversation, type Snapshot } from "./api.js";
import { COMMANDS, parseCommand } from "./commands.js";
import { escapeText, clockLine } from "./format.js";

/**
 * The Playground page: a Slack-like workspace drawn from the server's snapshot of what one person
 * sees, redrawn whenever the server's event stream says something changed. Clicks, changes, commands
 * and submissions go to the server, which sends them to Rounds exactly as Slack would.
 */

const params = new URLSearchParams(location.search);
const ui = {
  as: params.get("as") ?? "U0DIRECTOR",
  /** "home", "messages" (the Rounds app's tabs) or a conversation id. */
  open: params.get("open") ?? "home",
  snap: null as Snapshot | null,
  modalKey: "",
  busy: "",
  notice: "",
};

const app = document.getElementById("app")!;
const names = (id: string) => ui.snap?.people.find((p) => p.id === id)?.name;
const renderOpts = () => ({ names, people: (ui.snap?.people ?? []).map((p) => ({ id: p.id, name: p.name })), conversations: channelChoices() });
const channelChoices = () => (ui.snap?.conversations ?? []).filter((c) => c.kind === "channel").map((c) => ({ id: c.id, name: `#${c.name}` }));
const appDm = () => `D-${ui.as}`;

function remember(): void {
  const url = new URL(location.href);
  url.searchParams.set("as", ui.as);
  url.searchParams.set("open", ui.open);
  history.replaceState(null, "", url);
}

async function refresh(): Promise<void> {
  ui.snap = await getState(ui.as);
  draw();
}

function conversation(): Conversation | undefined {
  const id = ui.open === "messages" || ui.open === "home" ? appDm() : ui.open;
  return ui.snap?.conversations.find((c) => c.id === id);
}

function sidebar(s: Snapshot): string {
  const item = (key: string, label: string, cls: string) =>
    `<button type="button" class="pg-nav-item ${cls}${ui.open === key ? " pg-active" : ""}" data-open="${escapeText(key)}">${label}</button>`;
  const channels = s.conversations.filter((c) => c.kind === "channel").map((c) => item(c.id, `<span class="pg-hash">#</span> ${escapeText(c.name)}`, "pg-channel"));
  const groups = s.conversations.filter((c) => c.kind === "group").map((c) => item(c.id, escapeText(c.name), "pg-group"));
  return (
    `<nav class="pg-sidebar" aria-label="Workspace">` +
    `<div class="pg-team">St. Mary’s Hematology</div>` +
    `<h2>Channels</h2>${channels.join("")}` +
    `<h2>Direct messages</h2>${groups.join("") || `<div class="pg-empty-nav">Group DMs Rounds opens show here</div>`}` +
    `<h2>Apps</h2>${item(ui.open === "messages" ? "messages" : "home", `<span class="pg-app-icon">R</span> Rounds`, "pg-nav-app" + (ui.open === "home" || ui.open === "messages" ? " pg-active" : ""))}` +
    `</nav>`
  );
}

function topBar(s: Snapshot): string {
  const me = s.people.find((p) => p.id === s.me);
  const groups = (["Director", "Trainees", "Mentors"] as const).map(
    (g) => `<optgroup label="${g}">${s.people.filter((p) => p.group === g).map((p) => `<option value="${p.id}" title="${escapeText(p.title)}"${p.id === s.me ? " selected" : ""}>${escapeText(p.name)}</option>`).join("")}</optgroup>`,
  );
  const step = (key: string, label: string) => `<button type="button" class="pg-step" data-step="${key}"${ui.busy ? " disabled" : ""}>${label}</button>`;
  return (
    `<header class="pg-top">` +
    `<div class="pg-brand">Rounds Playground</div>` +
    `<div class="pg-clock" aria-label="Simulated clock"><time class="pg-now" datetime="${s.now}">${escapeText(clockLine(s.now, me?.tz ?? "UTC"))}</time>` +
    step("now", "Now") + step("day", "+1 day") + step("morning", "Next working morning") + step("week", "+1 week") + step("month", "+1 month") +
    `<button type="button" class="pg-reset"${ui.busy ? " disabled" : ""}>Reset demo</button></div>` +
    `<label class="pg-who">You are <select id="pg-who">${groups.join("")}</select></label>` +
    `</header>` +
    (ui.busy ? `<div class="pg-busy" role="status">${escapeText(ui.busy)}</div>` : "")
  );
}

function warnings(s: Snapshot): string {
  if (!s.warnings.length) return "";
  const recent = s.warnings.slice(-3).map((w) => `<li><strong>Slack would refuse ${escapeText(w.method)}: ${escapeText(w.error)}</strong>${w.messages.map((m) => `<br><code>${escapeText(m)}</code>`).join("")}</li>`);
  return `<div class="pg-warning" role="alert"><p>⚠️ ${s.warnings.length === 1 ? "One call Rounds made" : `${s.warnings.length} calls Rounds made`} would be refused by Slack (the person would see nothing):</p><ul>${recent.join("")}</ul></div>`;
}

function main(s: Snapshot): string {
  const isApp = ui.open === "home" || ui.open === "messages";
  const convo = conversation();
  const title = isApp ? "Rounds" : convo?.kind === "channel" ? `# ${convo.name}` : (convo?.name ?? "");
  const tabs = isApp
    ? `<div class="pg-tabs" role="tablist"><button type="button" role="tab" class="pg-tab${ui.open === "home" ? " pg-active" : ""}" data-open="home">Home</button><button type="button" role="tab" class="pg-tab${ui.open === "messages" ? " pg-active" : ""}" data-open="messages">Messages</button></div>`
    : "";
  let body: string;
  if (ui.open === "home") {
    body = s.home ? `<div class="pg-home">${renderView(s.home as never, renderOpts())}</div>` : `<div class="pg-empty">Opening Rounds’ Home…</div>`;
  } else {
    const messages = convo?.messages ?? [];
    body = `<div class="pg-messages" data-channel="${escapeText(convo?.id ?? appDm())}">${
      messages.length ? messages.map((m) => renderMessage(m as never, renderOpts())).join("") : `<div class="pg-empty">No messages yet.</div>`
    }</div>`;
  }
  const composer =
    ui.open === "home"
      ? ""
      : `<form class="pg-composer"><div class="pg-hints" hidden></div><textarea id="pg-text" rows="1" placeholder="Message ${escapeText(isApp ? "Rounds" : title)} — type / for Rounds’ commands"></textarea><button type="submit" class="pg-send">Send</button>${
          ui.notice ? `<div class="pg-notice">${escapeText(ui.notice)}</div>` : ""
        }</form>`;
  return `<main class="pg-main"><div class="pg-head"><h1>${escapeText(title)}</h1>${tabs}</div>${body}${composer}</main>`;
}

function draw(): void {
  const s = ui.snap;
  if (!s) return;
  const text = (document.getElementById("pg-text") as HTMLTextAreaElement | null)?.value ?? "";
  const scroller = app.querySelector(".pg-messages");
  const atBottom = !scroller || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
  app.className = "pg-app";
  const layer = document.getElementById("pg-modal-layer");
  app.innerHTML = topBar(s) + warnings(s) + `<div class="pg-body">${sidebar(s)}${main(s)}</div>`;
  if (layer) app.appendChild(layer);
  const input = document.getElementById("pg-text") as HTMLTextAreaElement | null;
  if (input && text) input.value = text;
  const messages = app.querySelector(".pg-messages");
  if (messages && atBottom) messages.scrollTop = messages.scrollHeight;
  drawModal(s);
}

/** The top modal of the person's stack; redrawn only when it changed, so typing in it is never lost. */
function drawModal(s: Snapshot): void {
  let layer = document.getElementById("pg-modal-layer");
  if (!layer) {
    layer = document.createElement("div");
    layer.id = "pg-modal-layer";
    app.appendChild(layer);
  }
  const top = s.modals.at(-1);
  const key = top ? JSON.stringify([top, s.errors, s.modals.length]) : "";
  if (key === ui.modalKey) return;
  ui.modalKey = key;
  layer.innerHTML = top ? `<div class="pg-overlay">${s.modals.length > 1 ? `<div class="pg-stack-depth">${s.modals.length} views open</div>` : ""}${renderView(top as never, { ...renderOpts(), errors: s.errors })}</div>` : "";
}

function showConfirm(confirm: ConfirmObject): Promise<boolean> {
  return new Promise((resolve) => {
    const box = document.createElement("div");
    box.className = "pg-overlay pg-confirm-layer";
    box.innerHTML = renderConfirm(confirm);
    box.addEventListener("click", (e) => {
      const role = (e.target as HTMLElement).closest<HTMLElement>("[data-role]")?.dataset.role;
      if (role !== "confirm" && role !== "deny") return;
      box.remove();
      resolve(role === "confirm");
    });
    document.body.appendChild(box);
  });
}

/** Where an element sits: the top modal, the Home, a message or an ephemeral message. */
function whereOf(el: HTMLElement): Record<string, unknown> | null {
  const modal = el.closest<HTMLElement>("#pg-modal-layer .bk-modal");
  if (modal) return { kind: "modal", state: viewState(modal) };
  if (el.closest(".pg-home")) return { kind: "home" };
  const message = el.closest<HTMLElement>(".bk-message");
  const channel = el.closest<HTMLElement>(".pg-messages")?.dataset.channel;
  if (!message?.dataset.ts || !channel) return null;
  return { kind: message.classList.contains("bk-ephemeral") ? "ephemeral" : "message", channel, ts: message.dataset.ts };
}

async function act(el: HTMLElement): Promise<void> {
  const root = el.closest<HTMLElement>("[data-type]");
  if (!root) return;
  if (root.dataset.confirm && !(await showConfirm(JSON.parse(root.dataset.confirm) as ConfirmObject))) return;
  const where = whereOf(el);
  if (!where) return;
  await post("/api/action", { as: ui.as, where, action: actionPayload(el) });
}

async function openTab(open: string): Promise<void> {
  ui.open = open;
  ui.notice = "";
  remember();
  draw();
  if (open === "home" || open === "messages") await post("/api/open", { as: ui.as, tab: open });
}

async function send(text: string): Promise<void> {
  const command = parseCommand(text);
  const channel = conversation()?.id ?? appDm();
  ui.notice = "";
  if (command) return void (await post("/api/command", { as: ui.as, channel, command: command.command, text: command.text }));
  if (text.startsWith("/")) {
    ui.notice = `Rounds has three commands: ${COMMANDS.map((c) => c.command).join(", ")}.`;
    return draw();
  }
  await post("/api/message", { as: ui.as, channel, text });
}

async function clock(step: string): Promise<void> {
  ui.busy = step === "reset" ? "Resetting the demo…" : "Moving the clock and running the jobs that are due…";
  draw();
  try {
    await post(step === "reset" ? "/api/reset" : "/api/clock", { step });
  } finally {
    ui.busy = "";
    await refresh();
    if (ui.open === "home") await post("/api/open", { as: ui.as, tab: "home" });
  }
}

function hints(textarea: HTMLTextAreaElement): void {
  const box = textarea.parentElement?.querySelector<HTMLElement>(".pg-hints");
  if (!box) return;
  const typed = textarea.value;
  const matches = typed.startsWith("/") && !/\s/.test(typed) ? COMMANDS.filter((c) => c.command.startsWith(typed)) : [];
  box.hidden = matches.length === 0;
  box.innerHTML = matches
    .map((c) => `<button type="button" class="pg-hint" data-command="${c.command}"><strong>${c.command}</strong> <span class="pg-usage">${escapeText(c.hint)}</span><br><span class="pg-hint-description">${escapeText(c.description)}</span></button>`)
    .join("");
}

document.addEventListener("click", (e) => {
  const t = e.target as HTMLElement;
  const run = (work: Promise<unknown>) => void work.catch((error: unknown) => alert(error instanceof Error ? error.message : String(error)));
  const opener = t.closest<HTMLElement>("[data-open]");
  if (opener) return run(openTab(opener.dataset.open!));
  const step = t.closest<HTMLElement>("[data-step]");
  if (step) return run(clock(step.dataset.step!));
  if (t.closest(".pg-reset")) return run(clock("reset"));
  const hint = t.closest<HTMLElement>("[data-command]");
  if (hint) {
    const input = document.getElementById("pg-text") as HTMLTextAreaElement;
    input.value = `${hint.dataset.command} `;
    input.focus();
    return hints(input);
  }
  const role = t.closest<HTMLElement>("#pg-modal-layer [data-role]")?.dataset.role;
  if (role === "submit") {
    const modal = document.querySelector<HTMLElement>("#pg-modal-layer .bk-modal")!;
    return run(post("/api/submit", { as: ui.as, state: viewState(modal) }));
  }
  if (role === "cancel" || role === "close") return run(post("/api/close", { as: ui.as, all: role === "close" }));
  const overflowItem = t.closest<HTMLElement>(".bk-overflow [data-option]");
  if (overflowItem) {
    overflowItem.closest("details")?.removeAttribute("open");
    return run(act(overflowItem));
  }
  const button = t.closest<HTMLElement>('[data-type="button"]');
  if (button) return run(act(button));
});

document.addEventListener("change", (e) => {
  const t = e.target as HTMLElement;
  if (t.id === "pg-who") {
    ui.as = (t as HTMLSelectElement).value;
    ui.modalKey = "";
    remember();
    void refresh().then(() => (ui.open === "home" || ui.open === "messages" ? post("/api/open", { as: ui.as, tab: ui.open }) : undefined));
    return;
  }
  const root = t.closest<HTMLElement>("[data-type]");
  if (!root) return;
  if (root.querySelector(".bk-chips") || root.classList.contains("bk-multiselect")) refreshMultiSelects(root.closest(".bk-view") ?? document.body);
  // In an input block only dispatch_action elements send an action; elsewhere every change does.
  if (root.closest(".bk-input") && root.dataset.dispatch !== "true") return;
  void act(t).catch((error: unknown) => alert(error instanceof Error ? error.message : String(error)));
});

document.addEventListener("input", (e) => {
  if ((e.target as HTMLElement).id === "pg-text") hints(e.target as HTMLTextAreaElement);
});

document.addEventListener("keydown", (e) => {
  const t = e.target as HTMLElement;
  if (t.id === "pg-text" && e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    (t.closest("form") as HTMLFormElement).requestSubmit();
  }
});

document.addEventListener("submit", (e) => {
  e.preventDefault();
  const input = document.getElementById("pg-text") as HTMLTextAreaElement;
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  hints(input);
  void send(text).catch((error: unknown) => alert(error instanceof Error ? error.message : String(error)));
});

new EventSource("/api/events").onmessage = () => void refresh();
remember();
void refresh().then(() => (ui.open === "home" || ui.open === "messages" ? post("/api/open", { as: ui.as, tab: ui.open }) : undefined));

