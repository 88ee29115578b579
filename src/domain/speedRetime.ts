import type { SpeedSchedule } from "./roundProposal.js";

/**
 * A speed-mentoring schedule goes out only when a director approves it, so a first rotation whose
 * start has passed by then (the director reviewed for a while, or the preview arrived at the event's
 * own start) would reach people already under way. Approval moves such a schedule, whole, to start
 * at the first 5-minute mark at least SPEED_LEAD_MINUTES after the approval, and records the time it
 * had (`movedFrom`), so the messages can say so. A schedule that starts later than that is unchanged.
 */

export const SPEED_LEAD_MINUTES = 5;
const MINUTE = 60_000;
const MARK = 5 * MINUTE;

export function retimeSpeed(speed: SpeedSchedule, now: Date): SpeedSchedule {
  const first = speed.rotations[0];
  if (!first) return speed;
  const earliest = now.getTime() + SPEED_LEAD_MINUTES * MINUTE;
  const start = Date.parse(first.startsAt);
  if (start >= earliest) return speed;
  const shift = Math.ceil(earliest / MARK) * MARK - start;
  const move = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  return {
    ...speed,
    rotations: speed.rotations.map((r) => ({ ...r, startsAt: move(r.startsAt), endsAt: move(r.endsAt) })),
    movedFrom: speed.movedFrom ?? first.startsAt,
  };
}
