import { action, idsOf, view, type ValueCodec } from "../../slack/interaction/ids.js";
import { INFO_MODAL } from "../../slack/kit/message.js";
import { z } from "zod";
import type { ProfileSection } from "../../domain/profile.js";

/** What a profile modal carries in its private_metadata: the sections it showed. */
export interface ProfileModalMetadata {
  sections: ProfileSection[];
}

const metadataSchema = z.object({ sections: z.array(z.enum(["trainee", "mentor"])) });

/** The sections a profile modal showed, from its private_metadata (none when unreadable). */
export function profileMetadata(privateMetadata: string | undefined): ProfileModalMetadata {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(privateMetadata ?? "{}"));
    return parsed.success ? parsed.data : { sections: [] };
  } catch {
    return { sections: [] };
  }
}

/**
 * The profile, availability and exclusions buttons. The App Home (and a few DMs) put them on; each
 * opens its modal, or, for Resume, a short note. None carries a value: the presser is all they need.
 */
export const PROFILE = {
  /** Opens the profile modal. */
  edit: action("profile_edit"),
  /** Opens the pause modal (date optional). */
  pause: action("availability_pause"),
  /** Resumes at once. */
  resume: action("availability_resume"),
  /** Opens the confidential exclusions modal. */
  exclusions: action("exclusions_open"),
} as const;

export const PROFILE_ACTIONS = idsOf(PROFILE);

/** The sections the profile modal showed; an unreadable value reads as none (nothing is saved then). */
const profileSections: ValueCodec<ProfileModalMetadata> = {
  encode: (metadata) => JSON.stringify(metadata),
  decode: (raw) => ({ value: profileMetadata(raw) }),
};

/** The profile, pause and never-pair modals, each with the codec of its private_metadata. */
export const PROFILE_VIEWS = {
  profile: view("profile_save", profileSections),
  pause: view("availability_pause_save"),
  exclusions: view("exclusions_save"),
} as const;

/** The modals' callback ids, and the small information modal's (it has only Close, so nothing listens for it). */
export const PROFILE_CALLBACKS = { ...idsOf(PROFILE_VIEWS), info: INFO_MODAL } as const;

/** Every input element in these modals uses this action id; the block id names the field. */
export const VALUE = "value";

export const PAUSE_BLOCK = "pause_until";
export const EXCLUSIONS_BLOCK = "excluded";
export const GOAL_BLOCKS = ["goal_1", "goal_2"] as const;
export const suggestedBlock = (field: "interests" | "expertise") => `${field}_suggested`;
