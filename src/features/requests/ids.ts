import { z } from "zod";
import { action, idValue, idsOf, jsonValue, view } from "../../slack/interaction/ids.js";
import { CADENCE_KEYS } from "../../domain/cadence.js";

/** A cadence button's value: which match, which rhythm. */
const cadenceValue = z.object({ matchId: z.string().min(1), cadence: z.enum(CADENCE_KEYS) });

/**
 * The mentor, trainee and pair's buttons on the request and match surfaces, each with the codec of
 * its value. (The "Request" button on a /findmentor card is FINDMENTOR.request; this feature answers it.)
 */
export const REQUEST = {
  /** The mentor's buttons on the request DM and their App Home; value = request id. */
  accept: action("request_accept", idValue),
  decline: action("request_decline", idValue),
  /** The trainee's button on their confirmation DM; value = request id. */
  withdraw: action("request_withdraw", idValue),
  /** The App Home's Withdraw buttons, one per request: `request_withdraw_home_<request id>`; value = request id. */
  withdrawHome: action("request_withdraw_home", idValue, { suffixed: true }),
  /** Cadence buttons in the introduction, `match_cadence_<key>`; value `{"matchId","cadence"}`. */
  cadence: action("match_cadence", jsonValue(cadenceValue), { suffixed: true }),
  /** "End mentorship" in the introduction; value = match id. */
  end: action("match_end", idValue),
} as const;

/** Block Kit action ids of the request / match surfaces. */
export const REQUEST_ACTIONS = idsOf(REQUEST);

/** What the request modal carries between open and submit. */
export const requestMetadata = z.object({ mentorId: z.string().min(1), programId: z.string().min(1), goals: z.array(z.string()).default([]) });
export type RequestMetadata = z.infer<typeof requestMetadata>;

/** What the decline modal carries: the request, and the DM it was pressed in (to update it). */
const declineMetadata = z.object({ requestId: z.string().min(1), message: z.object({ channel: z.string(), ts: z.string() }).nullable() });

/** The request, decline and end-mentorship modals, each with the codec of its private_metadata. */
export const REQUEST_VIEWS = {
  request: view("request_submit", jsonValue(requestMetadata)),
  decline: view("request_decline_submit", jsonValue(declineMetadata)),
  /** private_metadata = the match id. */
  end: view("match_end_submit", idValue),
} as const;

export const REQUEST_CALLBACKS = idsOf(REQUEST_VIEWS);

/** Block ids of the modal fields; every input uses action id VALUE. */
export const REQUEST_BLOCKS = { role: "role", message: "message", goal: "goal", reason: "reason", note: "note" } as const;
export const VALUE = "value";
