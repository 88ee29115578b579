/** The proposal for any kind of round, from its loaded inputs (see roundInputs.ts). Pure. */
import type { RoundInputs } from "./roundInputs.js";
import type { RoundProposal } from "./roundProposal.js";
import { proposePairs } from "./roundProposalPairs.js";
import { proposeRotation, proposeSpeed } from "./roundProposalGroups.js";

export function buildProposal(inputs: RoundInputs, computedAt: Date): RoundProposal {
  switch (inputs.kind) {
    case "MENTOR_MATCH":
    case "STABLE":
      return proposePairs(inputs, computedAt);
    case "ROTATION":
      return proposeRotation(inputs, computedAt);
    case "SPEED":
      return proposeSpeed(inputs, computedAt);
  }
}
