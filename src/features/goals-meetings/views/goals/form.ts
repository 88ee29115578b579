import { z } from "zod";
import type { StateValues } from "../../../profiles/views/profileForm.js";
import { GOAL_TEXT_MAX, PROGRESS_NOTE_MAX, type GoalChange } from "../../../../domain/goals.js";
import { GOAL_BLOCKS, VALUE, goalChoice } from "../../ids.js";

export type Read<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const text = (values: StateValues, block: string) => values[block]?.[VALUE]?.value?.trim() ?? "";

const goalText = z.string().min(1, "Write your goal in a few words.").max(GOAL_TEXT_MAX, `Keep a goal to ${GOAL_TEXT_MAX} characters.`);
const noteText = z.string().min(1, "Write a line about what moved forward.").max(PROGRESS_NOTE_MAX, `Keep a progress note to ${PROGRESS_NOTE_MAX} characters.`);

function one(schema: z.ZodString, value: string, block: string): Read<string> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: { [block]: parsed.error.issues[0]!.message } };
}

export const readGoalText = (values: StateValues) => one(goalText, text(values, GOAL_BLOCKS.text), GOAL_BLOCKS.text);
export const readProgressNote = (values: StateValues) => one(noteText, text(values, GOAL_BLOCKS.note), GOAL_BLOCKS.note);

export function readParkChoice(values: StateValues): Read<string> {
  const id = values[GOAL_BLOCKS.park]?.[VALUE]?.selected_option?.value;
  return id ? { ok: true, value: id } : { ok: false, errors: { [GOAL_BLOCKS.park]: "Choose a goal to park." } };
}

/** An overflow-menu choice: `<change>:<goalId>`. */
export function readMenuChoice(value: string | undefined): { change: GoalChange | "note"; goalId: string } | null {
  return goalChoice.decode(value ?? "")?.value ?? null;
}
