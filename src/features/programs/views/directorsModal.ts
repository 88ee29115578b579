import { Blocks, Elements, Modal, type BlockBuilder } from "slack-block-builder";
import type { GrantedDirector } from "../../../store/directors.js";
import { ADMIN } from "../ids.js";
import { day } from "../../../slack/kit/dates.js";

/** Grant the director role (users picker) and take back grants (one Revoke button each). */
export function directorsModal(granted: GrantedDirector[]) {
  const blocks: BlockBuilder[] = [
    Blocks.Section({
      text: "Slack workspace admins and owners are always directors. Here you can make anyone else a director too.",
    }),
    Blocks.Input({ label: "Grant the director role to", blockId: ADMIN.blocks.directorGrant })
      .optional()
      .element(Elements.UserSelect({ actionId: ADMIN.input, placeholder: "Pick a person" })),
    Blocks.Divider(),
  ];
  if (granted.length === 0) blocks.push(Blocks.Section({ text: "Nobody has been granted the role yet." }));
  for (const d of granted) {
    blocks.push(
      Blocks.Section({ text: `<@${d.slackUserId}> — director since ${day(d.directorGrantedAt, "UTC")}${d.directorGrantedBy ? (d.directorGrantedBy === "cli" ? " (command line)" : ` (granted by <@${d.directorGrantedBy}>)`) : ""}` }).accessory(
        Elements.Button({ text: "Revoke", actionId: ADMIN.actions.revokeDirector, value: d.slackUserId }).danger(),
      ),
    );
  }
  return Modal({ title: "Directors", submit: "Grant", close: "Done", callbackId: ADMIN.views.directors }).blocks(blocks).buildToObject();
}

