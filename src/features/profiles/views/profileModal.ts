import { Blocks, Elements, Md, Modal, type BlockBuilder } from "slack-block-builder";
import { PROFILE_LIMITS, type ProfileData, type ProfileSection } from "../../../domain/profile.js";
import { stagesFor, type Term, type Vocabulary } from "../../../domain/vocabulary.js";
import { GOAL_BLOCKS, PROFILE_CALLBACKS, PROFILE_VIEWS, VALUE, suggestedBlock } from "../ids.js";
import { initialOf, initialsOf, optionsOf, YES_NO, yesNoKey } from "./options.js";

export interface ProfileModalInput {
  sections: readonly ProfileSection[];
  vocabulary: Vocabulary;
  profile: ProfileData;
  /** The trainee's active goals (tracked goals), shown and edited in the goal boxes. */
  goals: readonly string[];
}

/** What the submission handler needs back: which parts of the profile the modal showed. */
import type { ProfileModalMetadata } from "../ids.js";
export type { ProfileModalMetadata };

const select = (field: string, label: string, terms: readonly Term[], key: string | null) => {
  const el = Elements.StaticSelect({ actionId: VALUE, placeholder: "Choose…" }).options(optionsOf(terms));
  const initial = initialOf(terms, key);
  if (initial[0]) el.initialOption(initial[0]);
  return Blocks.Input({ blockId: field, label }).optional(true).element(el);
};

const multi = (field: string, label: string, terms: readonly Term[], keys: readonly string[], hint?: string) => {
  const el = Elements.StaticMultiSelect({ actionId: VALUE, placeholder: "Choose any…" }).options(optionsOf(terms));
  const initial = initialsOf(terms, keys);
  if (initial.length) el.initialOptions(initial);
  return Blocks.Input({ blockId: field, label, ...(hint ? { hint } : {}) }).optional(true).element(el);
};

const checks = (field: string, label: string, terms: readonly Term[], keys: readonly string[]) => {
  const el = Elements.Checkboxes({ actionId: VALUE }).options(optionsOf(terms));
  const initial = initialsOf(terms, keys);
  if (initial.length) el.initialOptions(initial);
  return Blocks.Input({ blockId: field, label }).optional(true).element(el);
};

const text = (blockId: string, label: string, value: string | number | null, maxLength: number, o: { multiline?: boolean; hint?: string; placeholder?: string } = {}) => {
  const el = Elements.TextInput({ actionId: VALUE, maxLength, ...(o.multiline ? { multiline: true } : {}), ...(o.placeholder ? { placeholder: o.placeholder } : {}) });
  if (value !== null && value !== "") el.initialValue(String(value));
  return Blocks.Input({ blockId, label, ...(o.hint ? { hint: o.hint } : {}) }).optional(true).element(el);
};

const yesNo = (field: string, label: string, value: boolean | null) => {
  const el = Elements.RadioButtons({ actionId: VALUE }).options(optionsOf(YES_NO));
  el.initialOption(initialOf(YES_NO, yesNoKey(value))[0]!);
  return Blocks.Input({ blockId: field, label }).optional(true).element(el);
};

/** Free-text tags: your own words (comma-separated) plus suggestions; the two are merged on save. */
const tags = (field: "interests" | "expertise", label: string, suggestions: readonly Term[], keys: readonly string[]) => {
  const suggested = new Set(suggestions.slice(0, 100).map((t) => t.key));
  const own = keys.filter((k) => !suggested.has(k)).map((k) => k.replace(/_/g, " "));
  return [
    multi(suggestedBlock(field), `${label}: suggestions`, suggestions, keys.filter((k) => suggested.has(k))),
    text(field, `${label}: your own words`, own.join(", "), 600, { hint: "Separate with commas, e.g. VTE, anticoagulation" }),
  ];
};

/** The profile modal: common fields, then the trainee and/or mentor part, prefilled with what is stored. */
export function profileModal({ sections, vocabulary: v, profile: p, goals }: ProfileModalInput) {
  const trainee = sections.includes("trainee");
  const mentor = sections.includes("mentor");
  const sides = [...(trainee ? (["trainee"] as const) : []), ...(mentor ? (["mentor"] as const) : [])];
  const blocks: BlockBuilder[] = [
    Blocks.Section({ text: "Tell Rounds about yourself so it can suggest good matches. Every field is optional; you can change them any time." }),
    Blocks.Header({ text: "About you" }),
    select("careerStage", "Career stage", stagesFor(v, sides), p.careerStage),
    select("specialty", "Specialty", v.specialties, p.specialty),
    select("subspecialty", "Subspecialty interest", v.subspecialties, p.subspecialty),
    multi("careerPaths", trainee ? "Career paths of interest" : "Your career path", v.careerPaths, p.careerPaths),
    checks("meetingFormats", "How you like to meet", v.meetingFormats, p.meetingFormats),
  ];
  if (trainee) {
    blocks.push(
      Blocks.Divider(),
      Blocks.Header({ text: "As a trainee" }),
      text("trainingYear", "Training year", p.trainingYear, 4, { hint: `A number from ${PROFILE_LIMITS.trainingYear.min} to ${PROFILE_LIMITS.trainingYear.max}, e.g. 2 for PGY-2 or second-year fellow` }),
      ...tags("interests", "Interests", v.interests, p.interests),
      Blocks.Section({
        text:
          `${Md.bold("Your goals")} — focus on one or two at a time. Your mentors see them and add progress notes; ` +
          `${Md.codeInline("/mentoring goals")} (or Goals on your Home tab) shows their progress. A goal you clear or replace here is parked there, with its notes.`,
      }),
      text(GOAL_BLOCKS[0], "Goal 1", goals[0] ?? null, PROFILE_LIMITS.goalLength, { placeholder: "e.g. Submit a K award by next spring" }),
      text(GOAL_BLOCKS[1], "Goal 2", goals[1] ?? null, PROFILE_LIMITS.goalLength),
      checks("priorities", "What matters most to you", v.priorities, p.priorities),
      checks("rolesWanted", "Kinds of help you want", v.mentorRoles, p.rolesWanted),
      select("meetingCadence", "How often you'd like to meet", v.cadences, p.meetingCadence),
      yesNo("wantsHandsOn", "Do you want hands-on supervision?", p.wantsHandsOn),
    );
  }
  if (mentor) {
    blocks.push(
      Blocks.Divider(),
      Blocks.Header({ text: "As a mentor" }),
      ...tags("expertise", "Expertise", v.interests, p.expertise),
      checks("rolesOffered", "Kinds of help you offer", v.mentorRoles, p.rolesOffered),
      text("capacity", "How many mentees at most", p.capacity, 2, { hint: `${PROFILE_LIMITS.capacity.min}–${PROFILE_LIMITS.capacity.max}; leave empty for the program's default` }),
      yesNo("handsOn", "Are you hands-on day to day?", p.handsOn),
      text("supervisorNote", "If not, who supervises day to day?", p.supervisorNote, PROFILE_LIMITS.noteLength),
      select("cadenceOffered", "How often you can meet", v.cadences, p.cadenceOffered),
      yesNo("helpedGrants", "Have you helped mentees win grants?", p.helpedGrants),
      yesNo("copublishes", "Do you co-publish with mentees?", p.copublishes),
      text("editorialRoles", "Editorial roles", p.editorialRoles, PROFILE_LIMITS.noteLength, { placeholder: "e.g. Associate editor, Blood Advances" }),
      text("pastFellows", "Where did your past fellows go?", p.pastFellows, PROFILE_LIMITS.noteLength, { multiline: true }),
      text("bio", "Short bio", p.bio, PROFILE_LIMITS.bioLength, { multiline: true }),
    );
  }
  const metadata: ProfileModalMetadata = { sections: [...sides] };
  return Modal({ title: "Your profile", submit: "Save", close: "Cancel", callbackId: PROFILE_CALLBACKS.profile, privateMetaData: PROFILE_VIEWS.profile.metadata.encode(metadata) })
    .blocks(blocks)
    .buildToObject();
}
