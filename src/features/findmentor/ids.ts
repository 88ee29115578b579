import { z } from "zod";
import { action, idsOf, jsonValue } from "../../slack/interaction/ids.js";

/** The "Request" button's value: which mentor, in which program. */
const requestValue = z.object({ mentorId: z.string().min(1), programId: z.string().min(1) });
export type RequestButtonValue = z.infer<typeof requestValue>;

/** The "More" button's value: the page to show next and the words searched for. */
const moreValue = z.object({ page: z.number().int().min(1).max(1000), q: z.string().max(2000) });
export type MoreButtonValue = z.infer<typeof moreValue>;

/** The /findmentor cards' buttons. `request` is answered by the mentor-request feature (it opens the request modal). */
export const FINDMENTOR = {
  request: action("findmentor_request", jsonValue(requestValue)),
  more: action("findmentor_more", jsonValue(moreValue)),
} as const;

/** Action ids of the /findmentor cards. */
export const FINDMENTOR_ACTIONS = idsOf(FINDMENTOR);
