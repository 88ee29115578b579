import type { ButtonArgs } from "../../../programs/listeners/guard.js";

/** The run id a preview button carries (Approve's value is "run:version"; see approveValue). */
export const runIdOf = (args: ButtonArgs): string => (args.action.value ?? "").split(":")[0]!;

/**
 * What Approve carries: the run and the version of the proposal the message showed. A preview sent
 * before versions were carried has none (0), which never matches, so that director is shown the current one.
 */
export function approveRefOf(args: ButtonArgs): { runId: string; version: number } {
  const [runId = "", version = ""] = (args.action.value ?? "").split(":");
  return { runId, version: /^\d+$/.test(version) ? Number(version) : 0 };
}

/** Where the clicked preview message lives (to update it in place, also from a modal later). */
export function previewRef(args: ButtonArgs): { channel: string; ts: string } | null {
  const channel = args.body.channel?.id ?? args.body.container?.channel_id;
  const ts = args.body.message?.ts ?? args.body.container?.message_ts;
  return channel && ts ? { channel, ts } : null;
}
