import type { ButtonArgs } from "../admin/guard.js";

/** The run id a preview button carries. */
export const runIdOf = (args: ButtonArgs): string => args.action.value ?? "";

/** Where the clicked preview message lives (to update it in place, also from a modal later). */
export function previewRef(args: ButtonArgs): { channel: string; ts: string } | null {
  const channel = args.body.channel?.id ?? args.body.container?.channel_id;
  const ts = args.body.message?.ts ?? args.body.container?.message_ts;
  return channel && ts ? { channel, ts } : null;
}
