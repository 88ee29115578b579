import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkinMessages } from "../../src/features/checkins/views/messages.js";
import { queuedCheckinAsk, queuedCheckinReminder, queuedEscalation, queuedStayAsk } from "../../src/features/checkins/queuedMessages.js";
import type { CheckinCard, EscalationCard, StayCard } from "../../src/features/checkins/checkins.js";
import { messageOf } from "../../src/slack/outboxRender.js";
import type { OutboxRow } from "../../src/store/outbox.js";
import { CHECKIN_CARDS } from "../support/checkinCards.js";

/**
 * What the check-in job queued for each card before it queued cards: the full Block Kit, as
 * written by the release before this one (test/fixtures/checkinMessagesQueuedBefore.json, made
 * with that release's checkinMessages from test/support/checkinCards.ts).
 */
const BEFORE = JSON.parse(readFileSync(new URL("../fixtures/checkinMessagesQueuedBefore.json", import.meta.url), "utf8")) as Record<string, { text: string; blocks: unknown[] }>;

/** A card queued as the job queues it, then read back as the database hands it over (JSON). */
function queued(kind: string, card: CheckinCard | EscalationCard | StayCard): Record<string, unknown> {
  const payload =
    kind === "checkin"
      ? queuedCheckinAsk(card as CheckinCard)
      : kind === "reminder"
        ? queuedCheckinReminder(card as CheckinCard)
        : kind === "escalation"
          ? queuedEscalation(card as EscalationCard)
          : queuedStayAsk(card as StayCard);
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}

const row = (payload: Record<string, unknown>): OutboxRow => ({ id: "o1", workspaceId: "T1", key: "k", channel: "D0MAYA", payload, kind: "MESSAGE", attempts: 1, claimedAt: null, createdAt: new Date() });

describe("check-in messages queued as cards", () => {
  it.each(Object.entries(CHECKIN_CARDS))("%s: the outbox sends exactly the message the job used to queue (text, blocks, buttons, values)", (name, { kind, card }) => {
    const sent = messageOf(row(queued(kind, card)));
    expect(sent).toEqual(BEFORE[name]);
    expect(sent).toEqual({ ...checkinMessages[kind](card as never) });
  });

  it("a queued check-in carries its card, not Block Kit, and is a fraction of the rendered message's size", () => {
    for (const { kind, card } of Object.values(CHECKIN_CARDS)) {
      const payload = queued(kind, card);
      expect(payload).not.toHaveProperty("blocks");
      expect(payload).not.toHaveProperty("text");
      expect(JSON.stringify(payload).length).toBeLessThan(JSON.stringify(checkinMessages[kind](card as never)).length / 2);
    }
    // Only what the message shows of a person is stored: no member id, time zone or DM channel.
    expect(JSON.stringify(queued("checkin", CHECKIN_CARDS.checkin.card))).not.toMatch(/memberId|tz|dmChannel|D0MAYA/);
  });

  it("a check-in queued as Block Kit by an earlier release is sent as it was queued", () => {
    for (const payload of Object.values(BEFORE)) expect(messageOf(row(JSON.parse(JSON.stringify(payload))))).toEqual(payload);
  });
});
