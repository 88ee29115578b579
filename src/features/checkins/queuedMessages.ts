import type { Payload } from "../requests/requests.js";
import type { CheckinCard, CheckinMessages, EscalationCard, NamedParty, StayCard } from "./checkins.js";

/**
 * The check-in job's outbox rows carry the data of a message (its card), not its Block Kit: a page
 * of 2,000 matches queues about 2,400 messages, and their rendered Block Kit (about 1 kB each) was
 * most of what each insert statement carried through Prisma into the database. The outbox worker
 * renders a row when it sends it (src/slack/outboxRender.ts), with the same words as the job used
 * to queue. A row queued as Block Kit (before this, or by anything else) is sent as it is.
 */
export type QueuedCheckinMessage =
  | { render: "checkin"; card: QueuedCheckin }
  | { render: "checkin-reminder"; card: QueuedCheckin }
  | { render: "checkin-escalation"; card: QueuedEscalation }
  | { render: "checkin-stay"; card: StayCard };

/** An unanswered check-in or its reminder: the card without the answer it cannot have yet. */
type QueuedCheckin = Omit<CheckinCard, "answer" | "answeredBySlackId" | "directorTold">;
/** An escalation: its start date as ISO text (JSON has no dates). */
type QueuedEscalation = Omit<EscalationCard, "startedAt"> & { startedAt: string };

const named = (p: NamedParty): NamedParty => ({ slackUserId: p.slackUserId, name: p.name });

function queuedCheckin(c: CheckinCard): QueuedCheckin {
  return { checkinId: c.checkinId, matchId: c.matchId, periodKey: c.periodKey, recipient: c.recipient, you: named(c.you), other: named(c.other), programName: c.programName };
}

/** A check-in DM as queued (the card is an unanswered one: the job asks, it never answers). */
export const queuedCheckinAsk = (c: CheckinCard): Record<string, unknown> => ({ render: "checkin", card: queuedCheckin(c) }) satisfies QueuedCheckinMessage;

/** A check-in reminder as queued. */
export const queuedCheckinReminder = (c: CheckinCard): Record<string, unknown> => ({ render: "checkin-reminder", card: queuedCheckin(c) }) satisfies QueuedCheckinMessage;

/** A director's escalation DM as queued. */
export function queuedEscalation(e: EscalationCard): Record<string, unknown> {
  const card: QueuedEscalation = {
    matchId: e.matchId,
    periodKey: e.periodKey,
    cause: e.cause,
    programName: e.programName,
    role: e.role,
    startedAt: e.startedAt.toISOString(),
    mentor: named(e.mentor),
    trainee: named(e.trainee),
    askedBy: e.askedBy,
    history: e.history,
  };
  return { render: "checkin-escalation", card } satisfies QueuedCheckinMessage;
}

/** A "stay, pause or leave?" DM as queued. */
export function queuedStayAsk(s: StayCard): Record<string, unknown> {
  const card: StayCard = { matchId: s.matchId, periodKey: s.periodKey, recipient: s.recipient, you: named(s.you), other: named(s.other), programName: s.programName, ignored: s.ignored };
  return { render: "checkin-stay", card } satisfies QueuedCheckinMessage;
}

const unanswered = (c: QueuedCheckin): CheckinCard => ({ ...c, answer: null, answeredBySlackId: null, directorTold: false });

/**
 * The message of a queued check-in row, in the given words; null when the payload is not one
 * (a message queued as Block Kit, by an earlier release or another feature).
 */
export function renderQueuedCheckin(payload: Record<string, unknown>, messages: CheckinMessages): Payload | null {
  const queued = payload as QueuedCheckinMessage;
  switch (queued.render) {
    case "checkin":
      return messages.checkin(unanswered(queued.card));
    case "checkin-reminder":
      return messages.reminder(unanswered(queued.card));
    case "checkin-escalation":
      return messages.escalation({ ...queued.card, startedAt: new Date(queued.card.startedAt) });
    case "checkin-stay":
      return messages.stayAsk(queued.card);
    default:
      return null;
  }
}
