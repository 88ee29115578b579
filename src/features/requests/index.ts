/**
 * Mentor requests and matches, for trainees and mentors: a trainee asks a mentor (from a
 * /findmentor card), the mentor accepts or declines (from the request DM or their Home), the trainee
 * may withdraw; an accepted request becomes a match the pair is introduced to in a group DM, where
 * they agree a cadence and either of them can end the mentorship.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { openRequest } from "./listeners/openRequest.js";
import { acceptAction } from "./listeners/accept.js";
import { openDecline } from "./listeners/openDecline.js";
import { withdrawAction } from "./listeners/withdraw.js";
import { cadenceAction } from "./listeners/cadence.js";
import { openEnd } from "./listeners/openEnd.js";
import { requestSubmit } from "./listeners/requestSubmit.js";
import { declineSubmit } from "./listeners/declineSubmit.js";
import { endSubmit } from "./listeners/endSubmit.js";

export function registerRequestListeners(on: Interactions): void {
  openRequest(on);
  acceptAction(on);
  openDecline(on);
  withdrawAction(on);
  cadenceAction(on);
  openEnd(on);
  requestSubmit(on);
  declineSubmit(on);
  endSubmit(on);
}
