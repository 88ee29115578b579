import { z } from "zod";
import { fieldsFor, type ProfileField, type ProfileIssue, type ProfileSection } from "../../../domain/profile.js";
import { GOAL_BLOCKS, VALUE, suggestedBlock } from "../ids.js";
import { submittedState, type ElementState } from "../../../slack/kit/submittedState.js";

export type { ElementState } from "../../../slack/kit/submittedState.js";
export const stateValues = submittedState;
export type StateValues = z.infer<typeof stateValues>;

export { profileMetadata } from "../ids.js";

const el = (values: StateValues, block: string): ElementState | undefined => values[block]?.[VALUE];
const textOf = (values: StateValues, block: string): string | null => el(values, block)?.value?.trim() || null;
const optionOf = (values: StateValues, block: string): string | null => el(values, block)?.selected_option?.value ?? null;
const optionsOf = (values: StateValues, block: string): string[] => (el(values, block)?.selected_options ?? []).map((o) => o.value);

/** Empty → null, a whole number → that number, anything else stays text (the validator explains). */
function numberOf(values: StateValues, block: string): number | string | null {
  const t = textOf(values, block);
  if (t === null) return null;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function booleanOf(values: StateValues, block: string): boolean | null {
  const v = optionOf(values, block);
  return v === "yes" ? true : v === "no" ? false : null;
}

/** Your own comma-separated words plus the picked suggestions. */
function tagsOf(values: StateValues, field: "interests" | "expertise"): string[] {
  const own = (textOf(values, field) ?? "").split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
  return [...optionsOf(values, suggestedBlock(field)), ...own];
}

const KIND: Record<ProfileField, "select" | "multi" | "text" | "number" | "boolean" | "tags"> = {
  careerStage: "select",
  trainingYear: "number",
  specialty: "select",
  subspecialty: "select",
  careerPaths: "multi",
  interests: "tags",
  priorities: "multi",
  rolesWanted: "multi",
  meetingCadence: "select",
  meetingFormats: "multi",
  wantsHandsOn: "boolean",
  expertise: "tags",
  rolesOffered: "multi",
  capacity: "number",
  handsOn: "boolean",
  supervisorNote: "text",
  cadenceOffered: "select",
  helpedGrants: "boolean",
  copublishes: "boolean",
  editorialRoles: "text",
  pastFellows: "text",
  bio: "text",
};

/** The raw (unvalidated) profile fields a submitted modal holds, for the sections it showed. */
export function readProfileForm(values: StateValues, sections: readonly ProfileSection[]): Partial<Record<ProfileField, unknown>> {
  const out: Partial<Record<ProfileField, unknown>> = {};
  for (const field of fieldsFor(sections)) {
    switch (KIND[field]) {
      case "select":
        out[field] = optionOf(values, field);
        break;
      case "multi":
        out[field] = optionsOf(values, field);
        break;
      case "text":
        out[field] = textOf(values, field);
        break;
      case "number":
        out[field] = numberOf(values, field);
        break;
      case "boolean":
        out[field] = booleanOf(values, field);
        break;
      case "tags":
        out[field] = tagsOf(values, field as "interests" | "expertise");
        break;
    }
  }
  return out;
}

/** The goal boxes of a submitted modal (the trainee part only; null when it was not shown). */
export function readProfileGoals(values: StateValues, sections: readonly ProfileSection[]): string[] | null {
  return sections.includes("trainee") ? GOAL_BLOCKS.map((b) => el(values, b)?.value ?? "") : null;
}

/** Validator issues as Slack's inline errors: block id → message (goals point at their own input). */
export function profileErrors(issues: readonly ProfileIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const block = issue.field === "goals" ? GOAL_BLOCKS[issue.index === 1 ? 1 : 0] : issue.field;
    errors[block] ??= issue.message.startsWith("is ") ? `This ${issue.message}.` : `${capitalize(issue.message)}.`;
  }
  return errors;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
