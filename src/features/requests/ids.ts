/** Block Kit ids of the request / match surfaces. */
export const REQUEST_ACTIONS = {
  /** The "Request" button on a /findmentor card; value `{"mentorId","programId"}`. */
  request: "findmentor_request",
  /** The mentor's buttons on the request DM; value = request id. */
  accept: "request_accept",
  decline: "request_decline",
  /** The trainee's button on their confirmation DM; value = request id. */
  withdraw: "request_withdraw",
  /** Cadence buttons in the introduction; value `{"matchId","cadence"}`. */
  cadence: "match_cadence",
  /** "End mentorship" in the introduction; value = match id. */
  end: "match_end",
} as const;

export const REQUEST_CALLBACKS = {
  request: "request_submit",
  decline: "request_decline_submit",
  end: "match_end_submit",
} as const;

/** Block ids of the modal fields; every input uses action id VALUE. */
export const REQUEST_BLOCKS = { role: "role", message: "message", goal: "goal", reason: "reason", note: "note" } as const;
export const VALUE = "value";
