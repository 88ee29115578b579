import { Blocks, ConfirmationDialog, Elements, Md, type BlockBuilder } from "slack-block-builder";
import type { Dashboard, LoadEntry, PendingEntry, ProgramDashboard, RiskEntry } from "../dashboard.js";
import type { Party } from "../../../store/dashboard.js";
import { labelOf, MENTOR_ROLES } from "../../../domain/vocabulary.js";
import { clipRaw, escapeMrkdwn } from "../../../slack/kit/escape.js";
import { DASHBOARD, DASHBOARD_ACTIONS } from "../ids.js";
import { count as plural } from "../../../slack/kit/plural.js";
import { day } from "../../../slack/kit/dates.js";

/** Slack's limit on blocks in a Home tab. */
export const HOME_BLOCK_LIMIT = 100;
/** Pairs at risk shown with buttons per program (each takes two blocks); the rest are counted. */
export const RISK_PAIRS_SHOWN = 3;
const COHORTS_SHOWN = 8;
const NAMES_SHOWN = 6;

const role = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();
const pct = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) : 0);

/** A person as the dashboard names them: a mention, or "Former member" for someone who deleted their data. */
export const who = (p: Party) => (p.erased ? `_${escapeMrkdwn(p.name)}_` : `<@${p.slackUserId}>`);

/** "• a\n• b\n…and N more" with at most `cap` items. */
function capped<T>(items: readonly T[], cap: number, line: (t: T) => string, total = items.length): string {
  const lines = items.slice(0, cap).map((t) => `• ${line(t)}`);
  if (total > Math.min(cap, items.length)) lines.push(`…and ${total - Math.min(cap, items.length)} more`);
  return lines.join("\n");
}

function summaryText(p: ProgramDashboard): string {
  const { trainees, mentors, matchedTrainees } = p.totals;
  const c = p.checkinsLastPeriod;
  const response = c.sent ? `${c.answered} of ${c.sent} answered (${pct(c.answered, c.sent)}%)` : "none sent";
  return (
    `${Md.bold(escapeMrkdwn(p.program.name))} — last period: ${Md.bold(p.period.label)}\n` +
    `${plural(trainees, "trainee")} · ${plural(mentors, "mentor")} · ${matchedTrainees} matched (${pct(matchedTrainees, trainees)}%) · ` +
    `${plural(p.pending.total, "pending request")}\n` +
    `Meetings reported: ${Md.bold(String(p.meetingsLastPeriod))} · Check-ins: ${response}`
  );
}

function cohortText(p: ProgramDashboard): string | null {
  if (!p.cohorts.some((c) => c.cohortId !== null)) return null;
  const line = (c: ProgramDashboard["cohorts"][number]) =>
    `${c.cohortName ? escapeMrkdwn(c.cohortName) : "_No cohort_"}: ${plural(c.trainees, "trainee")}, ${c.matchedTrainees} matched (${pct(c.matchedTrainees, c.trainees)}%), ${plural(c.mentors, "mentor")}`;
  return `${Md.bold("By cohort")}\n${capped(p.cohorts, COHORTS_SHOWN, line)}`;
}

function pendingText(p: ProgramDashboard): string {
  if (p.pending.total === 0) return `${Md.bold("Pending requests")}: none.`;
  const line = (r: PendingEntry) => `${who(r.trainee)} → ${who(r.mentor)}, ${role(r.role)}, waiting ${r.ageDays === 0 ? "since today" : plural(r.ageDays, "day")}`;
  return `${Md.bold("Pending requests")} (oldest first)\n${capped(p.pending.oldest, p.pending.oldest.length, line, p.pending.total)}`;
}

function riskReason(r: RiskEntry, tz: string): string {
  if (r.reason.kind === "need_help") return `:sos: asked for help on ${day(r.reason.since, tz)}`;
  const last = r.reason.lastMeetingAt ? `last meeting ${day(r.reason.lastMeetingAt, tz)}` : "none since they were paired";
  return `:hourglass: no meeting reported for ${r.reason.missedPeriods} check-in periods (${last})`;
}

function riskBlocks(p: ProgramDashboard, tz: string, shown: number): BlockBuilder[] {
  if (p.atRisk.length === 0) return [Blocks.Section({ text: `${Md.bold("Pairs at risk")}: none — every pair met recently and nobody asked for help.` })];
  const more = p.atRisk.length - shown;
  const rest = more <= 0 ? "" : shown ? ` — the ${shown} most urgent below; ${more} more in the report` : " — listed in the report";
  const blocks: BlockBuilder[] = [Blocks.Section({ text: `${Md.bold(`Pairs at risk (${p.atRisk.length})`)}${rest}` })];
  for (const r of p.atRisk.slice(0, shown)) {
    const pair = `${who(r.trainee)} with ${who(r.mentor)} (${role(r.role)}, since ${day(r.startedAt, tz)})`;
    const confirm = ConfirmationDialog({
      title: "End this mentorship?",
      text: `${escapeMrkdwn(clipRaw(r.trainee.name, 80))} and ${escapeMrkdwn(clipRaw(r.mentor.name, 80))} will be told kindly that you ended it. This can't be undone.`,
      confirm: "End it",
      deny: "Keep it",
    }).danger();
    blocks.push(
      Blocks.Section({ text: `${pair}\n${riskReason(r, tz)}` }),
      Blocks.Actions().elements(
        Elements.Button({ text: "Nudge both", actionId: DASHBOARD_ACTIONS.nudge, value: DASHBOARD.nudge.codec.encode(r.matchId) }),
        Elements.Button({ text: "End match", actionId: DASHBOARD_ACTIONS.end, value: DASHBOARD.end.codec.encode(r.matchId) }).danger().confirm(confirm),
      ),
    );
  }
  return blocks;
}

function loadText(p: ProgramDashboard): string {
  const { full, room, openPlaces } = p.load;
  if (full.length + room.length === 0) return `${Md.bold("Mentor load")}: no mentors yet.`;
  const entry = (m: LoadEntry) => `${who(m.mentor)} ${m.active}/${m.capacity}`;
  const list = (items: LoadEntry[]) => items.slice(0, NAMES_SHOWN).map(entry).join(", ") + (items.length > NAMES_SHOWN ? `, …and ${items.length - NAMES_SHOWN} more` : "");
  const lines = [`${Md.bold("Mentor load")} (mentees / capacity)`];
  lines.push(full.length ? `Full (${full.length}): ${list(full)}` : "Full: nobody");
  lines.push(room.length ? `With room (${room.length}, ${plural(openPlaces, "place")} open): ${list(room)}` : "With room: nobody — every mentor is full");
  return lines.join("\n");
}

function thanksText(p: ProgramDashboard): string {
  if (p.thanks.length === 0) return `${Md.bold("Appreciation received")}: no thanks yet.`;
  const total = p.thanks.reduce((n, t) => n + t.count, 0);
  const names = p.thanks.slice(0, NAMES_SHOWN).map((t) => `${who(t.mentor)} ${t.count}`).join(" · ");
  const more = p.thanks.length > NAMES_SHOWN ? ` · …and ${p.thanks.length - NAMES_SHOWN} more` : "";
  return `${Md.bold("Appreciation received")} (${plural(total, "thank-you", "thank-yous")}): ${names}${more}`;
}

function programBlocks(p: ProgramDashboard, tz: string, riskShown: number): BlockBuilder[] {
  const cohorts = cohortText(p);
  return [
    Blocks.Section({ text: summaryText(p) }),
    ...(cohorts ? [Blocks.Section({ text: cohorts })] : []),
    Blocks.Section({ text: pendingText(p) }),
    ...riskBlocks(p, tz, riskShown),
    Blocks.Section({ text: loadText(p) }),
    Blocks.Section({ text: thanksText(p) }),
    Blocks.Actions().elements(
      Elements.Button({ text: "Chart", actionId: DASHBOARD_ACTIONS.chart, value: DASHBOARD.chart.codec.encode(p.program.id) }),
      Elements.Button({ text: "Reports (CSV)", actionId: DASHBOARD_ACTIONS.report, value: DASHBOARD.report.codec.encode(p.program.id) }),
    ),
    Blocks.Divider(),
  ];
}

/**
 * The director's dashboard on the App Home, in at most `maxBlocks` blocks (what the rest of the Home
 * leaves of Slack's 100). A program that does not fit is named at the end, with the command that
 * gives its numbers; a program short of room shows fewer pairs at risk first.
 */
export function dashboardBlocks(d: Dashboard | null, tz: string, maxBlocks: number): BlockBuilder[] {
  if (!d || d.programs.length === 0) return [];
  const head: BlockBuilder[] = [
    Blocks.Header({ text: "Program dashboard" }),
    Blocks.Context().elements(
      `As of ${day(d.asOf, tz)}. "Last period" is each program's last complete check-in period. Pairs at risk: asked for help, or no meeting reported for 2+ periods.`,
    ),
  ];
  const blocks: BlockBuilder[] = [];
  const left: string[] = [];
  let budget = maxBlocks - head.length - 1; // keep one for the "not shown" line
  for (const p of d.programs) {
    let shown = Math.min(RISK_PAIRS_SHOWN, p.atRisk.length);
    let part = programBlocks(p, tz, shown);
    while (part.length > budget && shown > 0) part = programBlocks(p, tz, --shown);
    if (part.length > budget || left.length > 0) {
      left.push(escapeMrkdwn(p.program.name));
      continue;
    }
    blocks.push(...part);
    budget -= part.length;
  }
  if (blocks.length === 0 && left.length === 0) return [];
  if (left.length) {
    const named = left.slice(0, 10).join(", ") + (left.length > 10 ? ` and ${left.length - 10} more` : "");
    blocks.push(Blocks.Section({ text: `No room on this page for ${named}. Type ${Md.codeInline("/mentoring-admin chart NAME")} or ${Md.codeInline("/mentoring-admin report NAME")} for a program's numbers.` }));
  }
  return maxBlocks < head.length + 1 ? [] : [...head, ...blocks];
}
