import { Blocks, Elements, type BlockBuilder } from "slack-block-builder";
import type { RequestRow } from "../../../store/home.js";
import { labelOf, MENTOR_ROLES } from "../../../domain/vocabulary.js";
import { REQUEST_ACTIONS } from "./ids.js";

/** App Home: a "Withdraw" button per open request (Slack allows 25 elements in one actions block). */
export function withdrawButtons(rows: readonly RequestRow[]): BlockBuilder[] {
  if (rows.length === 0) return [];
  return [
    Blocks.Actions().elements(
      rows.slice(0, 25).map((r) =>
        Elements.Button({ text: `Withdraw: ${r.other.name} (${labelOf(MENTOR_ROLES, r.role).toLowerCase()})`.slice(0, 75), actionId: `${REQUEST_ACTIONS.withdraw}_home_${r.requestId}`, value: r.requestId }),
      ),
    ),
  ];
}
