import { describe, expect, it } from "vitest";
import { announcementMrkdwn, announcementState, hasBroadcastMention, validateCompose, type ComposeFields } from "../../src/domain/announcement.js";
import { parseThanksText } from "../../src/features/thanks/listeners/parse.js";
import type { AnnouncementRecord, ListedAnnouncement } from "../../src/features/announcements/announcements.js";
import { announcementList } from "../../src/features/announcements/views/list.js";
import { announcementMessages } from "../../src/features/announcements/views/messages.js";

const record = (n: number, over: Partial<AnnouncementRecord> = {}): AnnouncementRecord => ({
  id: `a${n}`, workspaceId: "T1", programId: "p1", programName: "Heme", timezone: "UTC", cohortIds: [], channelId: "C1",
  text: `Announcement number ${n}`, notifyEveryone: false, alsoDm: false, postAt: new Date("2026-03-01T12:00:00Z"),
  status: "SCHEDULED", postedAt: null, postedChannel: null, postedTs: null, createdById: "U0DIR", editedAt: null, createdAt: new Date("2026-02-01T12:00:00Z"),
  ...over,
});

describe("announcement text", () => {
  it("neutralises <!channel>, <!here> and <!everyone> (with labels too) but keeps user mentions, channel links and links", () => {
    const text = "Hi <!channel> <!here|here> <!EVERYONE> — see <@U123|ana>, <#C1|general> and <https://example.org|this>";
    expect(announcementMrkdwn(text, false)).toBe(
      "Hi &lt;!channel&gt; &lt;!here|here&gt; &lt;!EVERYONE&gt; — see <@U123|ana>, <#C1|general> and <https://example.org|this>",
    );
    expect(hasBroadcastMention(text)).toBe(true);
    expect(hasBroadcastMention("plain @channel words")).toBe(false);
  });

  it("with notify everyone the post starts with one <!channel>, and typed broadcasts stay neutralised", () => {
    expect(announcementMrkdwn("  Grand rounds <!here>  ", true)).toBe("<!channel> Grand rounds &lt;!here&gt;");
  });
});

describe("announcement messages", () => {
  it("the member DM escapes a program name with < > & in its text as well as its blocks", () => {
    const dm = announcementMessages.memberDm(record(1, { programName: "Heme <!channel> & Onc" }), { channel: "C1", ts: "1.1" });
    expect(dm.text).toBe("Announcement in Heme &lt;!channel&gt; &amp; Onc");
    expect(JSON.stringify(dm)).not.toContain("<!channel>");
  });

  it("a long list stays within Slack's 50 blocks per message, keeps the scheduled ones first and says how many more there are", () => {
    const scheduled: ListedAnnouncement[] = Array.from({ length: 20 }, (_, i) => ({ announcement: record(i), state: "scheduled" }));
    const recent: ListedAnnouncement[] = Array.from({ length: 10 }, (_, i) => ({ announcement: record(100 + i, { status: "POSTED", postedTs: "1.1" }), state: "posted" }));
    const list = announcementList([...scheduled, ...recent]);
    expect(list.blocks.length).toBeLessThanOrEqual(50);
    const shown = JSON.stringify(list.blocks);
    expect(shown).toContain("Announcement number 15");
    expect(shown).not.toContain("Announcement number 16");
    expect(shown).toContain("…and 14 more");
  });

  it("a short list shows every announcement and no count of more", () => {
    const list = announcementList([{ announcement: record(1), state: "scheduled" }, { announcement: record(2, { status: "CANCELLED" }), state: "cancelled" }]);
    expect(JSON.stringify(list.blocks)).toContain("Announcement number 2");
    expect(JSON.stringify(list.blocks)).not.toContain("more");
  });
});

describe("compose validation", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const ctx = { defaultChannel: "C0DEFAULT", timezone: "America/Chicago", cohortIds: ["co1", "co2"], now };
  const fields = (f: Partial<ComposeFields>): ComposeFields => ({ programId: "p1", cohortIds: [], channelId: null, text: "Hello", notifyEveryone: false, alsoDm: false, when: "now", date: null, time: null, ...f });

  it("an empty channel means the program's announcement channel; none at all is an error on the channel", () => {
    expect(validateCompose(fields({}), ctx)).toMatchObject({ ok: true, draft: { channelId: "C0DEFAULT", postAt: null } });
    expect(validateCompose(fields({}), { ...ctx, defaultChannel: null })).toMatchObject({ ok: false, errors: { channelId: expect.stringContaining("Pick a channel") } });
  });

  it("a scheduled time is read in the program's time zone and must be in the future", () => {
    const later = validateCompose(fields({ when: "later", date: "2026-03-02", time: "09:00" }), ctx);
    expect(later).toMatchObject({ ok: true, draft: { postAt: new Date("2026-03-02T15:00:00Z") } });
    const past = validateCompose(fields({ when: "later", date: "2026-03-01", time: "05:59" }), ctx); // 11:59 UTC
    expect(past).toMatchObject({ ok: false, errors: { time: expect.stringContaining("has passed") } });
    expect(validateCompose(fields({ when: "later" }), ctx)).toMatchObject({ ok: false, errors: { date: expect.any(String), time: expect.any(String) } });
  });

  it("cohorts must belong to the program, and the text must not be empty or too long", () => {
    expect(validateCompose(fields({ cohortIds: ["elsewhere"] }), ctx)).toMatchObject({ ok: false, errors: { cohortIds: expect.any(String) } });
    expect(validateCompose(fields({ text: "  " }), ctx)).toMatchObject({ ok: false, errors: { text: "Write the announcement." } });
    expect(validateCompose(fields({ text: "x".repeat(2001) }), ctx)).toMatchObject({ ok: false, errors: { text: expect.stringContaining("2000") } });
  });

  it("an announcement handed to delivery that Slack refused for want of membership is waiting for an invite", () => {
    expect(announcementState({ status: "POSTED", postedTs: null }, { status: "FAILED", lastError: "channel_not_found" })).toBe("waiting_for_invite");
    expect(announcementState({ status: "POSTED", postedTs: null }, { status: "FAILED", lastError: "is_archived" })).toBe("failed");
    expect(announcementState({ status: "POSTED", postedTs: null }, { status: "PENDING", lastError: null })).toBe("sending");
    expect(announcementState({ status: "POSTED", postedTs: "1.2" }, null)).toBe("posted");
  });
});

describe("/mentoring thanks text", () => {
  it("reads the escaped mention and the message after it", () => {
    expect(parseThanksText("thanks <@U0MAYA|maya> You were great")).toEqual({ mentor: "U0MAYA", message: "You were great" });
    expect(parseThanksText("thanks <@W0JUN>   multi\nline ")).toEqual({ mentor: "W0JUN", message: "multi\nline" });
  });

  it("gives no mentor when none is mentioned (the modal then opens)", () => {
    expect(parseThanksText("thanks")).toEqual({ mentor: null, message: "" });
    expect(parseThanksText("thanks @maya you rock")).toEqual({ mentor: null, message: "@maya you rock" });
  });
});
