import { z } from "zod";
import { roundFormSchema, type RoundForm, type WhenField } from "../../../domain/roundOptions.js";
import { rankBlock, ROUND_BLOCKS as B, ROUND_VALUE } from "../ids.js";
import { submittedState } from "../../../slack/kit/submittedState.js";

const stateSchema = submittedState;
type State = z.infer<typeof stateSchema>;

const read = (raw: unknown): State => {
  const parsed = stateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
};
const el = (s: State, block: string) => s[block]?.[ROUND_VALUE];
const text = (s: State, block: string) => {
  const v = el(s, block)?.value?.trim();
  return v ? v : null;
};

/** Which block shows a problem with each form field. */
const BLOCK_OF: Record<string, string> = {
  name: B.name,
  target: B.target,
  kind: B.kind,
  role: B.role,
  groupSize: B.groupSize,
  crossGroup: B.crossGroup,
  rotations: B.rotations,
  minutesPerRotation: B.minutesPerRotation,
  rankDays: B.rankDays,
  when: B.when,
  date: B.date,
  time: B.time,
  weekday: B.weekday,
  everyWeeks: B.everyWeeks,
  cron: B.cron,
  speedDay: B.speedDay,
  speedStart: B.speedStart,
};

export const blockOfWhen = (field: WhenField): string => BLOCK_OF[field]!;

/** The create modal's values, validated: the form, or inline errors by block id. */
export function readRoundForm(raw: unknown): { ok: true; form: RoundForm } | { ok: false; errors: Record<string, string> } {
  const s = read(raw);
  const parsed = roundFormSchema.safeParse({
    name: text(s, B.name) ?? "",
    target: el(s, B.target)?.selected_option?.value,
    kind: el(s, B.kind)?.selected_option?.value,
    role: el(s, B.role)?.selected_option?.value ?? null,
    groupSize: text(s, B.groupSize),
    crossGroup: (el(s, B.crossGroup)?.selected_options ?? []).length > 0,
    rotations: text(s, B.rotations),
    minutesPerRotation: text(s, B.minutesPerRotation),
    rankDays: text(s, B.rankDays),
    when: el(s, B.when)?.selected_option?.value,
    date: el(s, B.date)?.selected_date ?? null,
    time: el(s, B.time)?.selected_time ?? null,
    weekday: el(s, B.weekday)?.selected_option?.value ?? null,
    everyWeeks: el(s, B.everyWeeks)?.selected_option?.value ?? null,
    cron: text(s, B.cron),
    speedDay: el(s, B.speedDay)?.selected_date ?? null,
    speedStart: el(s, B.speedStart)?.selected_time ?? null,
  });
  if (parsed.success) return { ok: true, form: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const block = BLOCK_OF[String(issue.path[0])] ?? B.name;
    errors[block] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The rank modal's places, best first: member ids, or errors (a person chosen twice, nothing chosen). */
export function readRanking(raw: unknown, places: number): { ok: true; ranks: string[] } | { ok: false; errors: Record<string, string> } {
  const s = read(raw);
  const ranks: string[] = [];
  const errors: Record<string, string> = {};
  for (let i = 0; i < places; i++) {
    const id = el(s, rankBlock(i))?.selected_option?.value;
    if (!id) continue;
    if (ranks.includes(id)) errors[rankBlock(i)] = "You already chose this person above. Pick someone else, or leave this place empty.";
    else ranks.push(id);
  }
  if (ranks.length === 0 && places > 0) errors[rankBlock(0)] = "Choose at least your first choice.";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, ranks };
}
