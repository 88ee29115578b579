import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import {
  dueBefore,
  expiryDueAt,
  hasRoom,
  reminderDueAt,
  requestableRoles,
  requestBlocker,
  requestDue,
  suggestsCoMentor,
  EXPIRE_AFTER_DAYS,
  REMIND_AFTER_DAYS,
} from "../../src/domain/requestRules.js";
import { answeredMessage, requestMessages, settledForMentor, settledForTrainee } from "../../src/features/requests/views/messages.js";
import { readRequestForm } from "../../src/features/requests/views/form.js";
import type { RequestRecord } from "../../src/store/requests.js";

const DAY = 24 * 60 * 60_000;
const created = new Date("2026-11-01T12:00:00Z");
const at = (days: number) => new Date(created.getTime() + days * DAY);

const allowed = {
  traineeId: "t",
  mentorId: "m",
  traineeEnrolled: true,
  mentorEnrolled: true,
  role: "coach",
  rolesOffered: ["coach"],
  activeMatchInRole: false, mentorHasRoom: true, mentorPaused: false };

describe("request rules", () => {
  const NY = "America/New_York";
  const LA = "America/Los_Angeles";
  const TOKYO = "Asia/Tokyo";
  const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
  const before = (d: Date) => new Date(d.getTime() - 60_000);
  const localTime = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");

  it("the reminder comes on the first working morning (10:00, Mon–Fri) in the mentor's zone at least 3 days after the request", () => {
    // Friday 11:00 in New York; 3 days later is Monday 11:00, past 10:00, so Tuesday 10:00.
    const friday = local("2026-11-06T11:00", NY);
    const zones = { mentorTz: NY, traineeTz: NY };
    expect(localTime(reminderDueAt(friday, NY), NY)).toBe("Tue 2026-11-10 10:00");
    expect(requestDue(friday, local("2026-11-09T11:00", NY), zones)).toBe("none");
    expect(requestDue(friday, before(local("2026-11-10T10:00", NY)), zones)).toBe("none");
    expect(requestDue(friday, local("2026-11-10T10:00", NY), zones)).toBe("remind");
  });

  it("mentors in Tokyo and Los Angeles are reminded of the same request at their own 10:00, at different instants", () => {
    const created = local("2026-11-06T11:00", NY); // 16:00 UTC Friday
    const tokyo = reminderDueAt(created, TOKYO);
    const la = reminderDueAt(created, LA);
    expect(localTime(tokyo, TOKYO)).toBe("Tue 2026-11-10 10:00"); // 3 days on is Tuesday 01:00 in Tokyo
    expect(localTime(la, LA)).toBe("Mon 2026-11-09 10:00"); // 3 days on is Monday 08:00 in Los Angeles
    expect(la.getTime()).toBeLessThan(tokyo.getTime());
    expect(requestDue(created, la, { mentorTz: LA, traineeTz: NY })).toBe("remind");
    expect(requestDue(created, la, { mentorTz: TOKYO, traineeTz: NY })).toBe("none");
    expect(requestDue(created, before(tokyo), { mentorTz: TOKYO, traineeTz: NY })).toBe("none");
    expect(requestDue(created, tokyo, { mentorTz: TOKYO, traineeTz: NY })).toBe("remind");
  });

  it("the request expires on the first working morning in the trainee's zone at least 7 days after it was made, not the mentor's", () => {
    // Friday 11:00 New York; 7 days later is Friday 11:00 New York = Friday 08:00 Los Angeles.
    const created = local("2026-11-06T11:00", NY);
    const expiry = expiryDueAt(created, NY);
    expect(localTime(expiry, NY)).toBe("Mon 2026-11-16 10:00");
    const laMorning = local("2026-11-13T10:00", LA); // when a Los Angeles trainee's request would expire
    expect(requestDue(created, laMorning, { mentorTz: LA, traineeTz: NY })).toBe("remind");
    expect(requestDue(created, laMorning, { mentorTz: NY, traineeTz: LA })).toBe("expire");
    expect(requestDue(created, before(expiry), { mentorTz: LA, traineeTz: NY })).toBe("remind");
    expect(requestDue(created, expiry, { mentorTz: LA, traineeTz: NY })).toBe("expire");
  });

  it("across the spring clock change the reminder is still at 10:00 local, 72 hours or more after the request", () => {
    // Friday 09:30 EST; 72 hours later the clocks have gone forward, so it is Monday 10:30 EDT: Tuesday 10:00 EDT.
    const created = local("2026-03-06T09:30", NY);
    const reminder = reminderDueAt(created, NY);
    expect(localTime(reminder, NY)).toBe("Tue 2026-03-10 10:00");
    expect(reminder.toISOString()).toBe("2026-03-10T14:00:00.000Z");
    expect(requestDue(created, before(reminder), { mentorTz: NY, traineeTz: NY })).toBe("none");
    expect(requestDue(created, reminder, { mentorTz: NY, traineeTz: NY })).toBe("remind");
  });

  it("an unknown or missing zone reads as UTC", () => {
    const created = new Date("2026-11-06T16:00:00Z");
    expect(reminderDueAt(created, "Not/AZone").toISOString()).toBe("2026-11-10T10:00:00.000Z");
    expect(reminderDueAt(created, null).toISOString()).toBe("2026-11-10T10:00:00.000Z");
  });

  const zoneArb = fc.constantFrom("UTC", NY, LA, TOKYO, "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", null);

  it("whatever the zones, the reminder comes at 10:00 on a weekday, before expiry, and nothing is due earlier than dueBefore allows", () => {
    const start = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * DAY }), fc.integer({ min: 0, max: 14 * DAY }), zoneArb, zoneArb, (offset, ageMs, mentorTz, traineeTz) => {
        const created = new Date(start + offset);
        const now = new Date(created.getTime() + ageMs);
        const reminder = reminderDueAt(created, mentorTz);
        const shown = DateTime.fromJSDate(reminder, { zone: mentorTz ?? "UTC" });
        expect([shown.hour, shown.minute, shown.weekday <= 5]).toEqual([10, 0, true]);
        expect(reminder.getTime()).toBeGreaterThanOrEqual(created.getTime() + REMIND_AFTER_DAYS * DAY);
        expect(reminder.getTime()).toBeLessThan(expiryDueAt(created, traineeTz).getTime());
        const due = requestDue(created, now, { mentorTz, traineeTz });
        if (due !== "none") expect(created <= dueBefore("remind", now)).toBe(true);
        if (due === "expire") expect(created <= dueBefore("expire", now)).toBe(true);
      }),
    );
  });

  it("a trainee may ask only for a role the mentor offers, or any role when the mentor named none", () => {
    expect(requestableRoles(["sponsor", "mentor"]).map((r) => r.key)).toEqual(["mentor", "sponsor"]);
    expect(requestableRoles([]).map((r) => r.key)).toEqual(["mentor", "coach", "sponsor", "connector"]);
    expect(requestBlocker({ ...allowed, role: "sponsor" })).toBe("role_not_offered");
    expect(requestBlocker(allowed)).toBeNull();
  });

  it("nobody may ask themselves, ask outside the program, or ask again for a role they already have", () => {
    expect(requestBlocker({ ...allowed, mentorId: "t" })).toBe("self");
    expect(requestBlocker({ ...allowed, traineeEnrolled: false })).toBe("not_trainee");
    expect(requestBlocker({ ...allowed, mentorEnrolled: false })).toBe("not_mentor");
    expect(requestBlocker({ ...allowed, activeMatchInRole: true })).toBe("already_matched");
  });

  it("a mentor whose places are full, or who is paused, cannot be asked (a stale /findmentor card says why)", () => {
    expect(requestBlocker({ ...allowed, mentorHasRoom: false })).toBe("mentor_full");
    expect(requestBlocker({ ...allowed, mentorPaused: true })).toBe("mentor_paused");
  });

  it("a mentor has room only while their active matches are below capacity", () => {
    expect(hasRoom(1, 2)).toBe(true);
    expect(hasRoom(2, 2)).toBe(false);
    expect(hasRoom(0, 0)).toBe(false);
  });

  it("only a junior-faculty mentor prompts the senior co-mentor suggestion", () => {
    expect(suggestsCoMentor("junior_faculty")).toBe(true);
    expect(suggestsCoMentor("senior_faculty")).toBe(false);
    expect(suggestsCoMentor(null)).toBe(false);
  });
});

const request: RequestRecord = {
  id: "req1",
  workspaceId: "T1",
  programId: "p1",
  programName: "Heme <Fellowship>",
  role: "mentor",
  message: "<@U0EVIL> & <!channel>",
  goal: null,
  status: "PENDING",
  createdAt: created,
  trainee: { memberId: "t", slackUserId: "U0T", name: "Ana <b>", tz: "UTC", pause: { pausedAt: null, pausedUntil: null } },
  mentor: { memberId: "m", slackUserId: "U0M", name: "Dr. M", tz: "UTC", pause: { pausedAt: null, pausedUntil: null } },
};

describe("request messages and form", () => {
  it("the mentor's card escapes everything the trainee typed, so it cannot ping anyone", () => {
    const card = JSON.stringify(requestMessages.mentorRequest({ request, traineeProfile: null, traineeGoals: ["Win <K08>"] }));
    expect(card).toContain("Win &lt;K08&gt;");
    expect(card).toContain("&lt;@U0EVIL&gt; &amp; &lt;!channel&gt;");
    expect(card).not.toContain("<!channel>");
    expect(card).toContain("Heme &lt;Fellowship&gt;");
  });

  it("every notification text escapes the names in it, so a name can ping nobody", () => {
    const evil = { ...request, trainee: { ...request.trainee, name: "<!channel> Ana" }, mentor: { ...request.mentor, name: "<!here> Dr. M" } };
    const card = { request: evil, traineeProfile: null, traineeGoals: [] };
    const texts = [
      requestMessages.mentorRequest(card).text,
      requestMessages.mentorReminder(card).text,
      requestMessages.traineeSent(evil, false).text,
      requestMessages.traineeDeclined(evil).text,
      requestMessages.traineeExpired(evil).text,
      requestMessages.traineeMentorFull(evil).text,
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/<!(channel|here)>/);
      expect(text).toMatch(/&lt;!(channel|here)&gt;/);
    }
  });

  it("the decline notice to the trainee never carries a reason and points to /findmentor", () => {
    const text = JSON.stringify(requestMessages.traineeDeclined(request));
    expect(text).toContain("/findmentor");
    expect(text).not.toMatch(/reason/i);
  });

  it("a trainee whose mentor's places filled is told kindly at once and pointed to /findmentor", () => {
    const told = JSON.stringify(requestMessages.traineeMentorFull(request));
    expect(told).toContain("<@U0M>'s mentoring places have all filled, so your request for them to be your mentor can't go ahead");
    expect(told).toContain("not about you");
    expect(told).toContain("/findmentor");
  });

  it("a settled request's DMs lose their buttons and say what became of it, to each side", () => {
    const statuses = ["ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED", "MENTOR_FULL"] as const;
    for (const status of statuses) {
      const mentor = JSON.stringify(settledForMentor({ ...request, status }));
      const trainee = JSON.stringify(settledForTrainee({ ...request, status }));
      expect(mentor).not.toContain("request_accept");
      expect(mentor).not.toContain("request_decline");
      expect(trainee).not.toContain("request_withdraw");
    }
    expect(JSON.stringify(settledForMentor({ ...request, status: "WITHDRAWN" }))).toContain("<@U0T> withdrew their request for you to be their mentor");
    expect(JSON.stringify(settledForMentor({ ...request, status: "MENTOR_FULL" }))).toContain("profile_edit");
    expect(JSON.stringify(settledForTrainee({ ...request, status: "MENTOR_FULL" }))).toContain("their mentoring places filled up");
  });

  it("tells the mentor who pressed Accept when full how many other waiting requests closed with it, in words that agree", () => {
    expect(answeredMessage({ ...request, status: "MENTOR_FULL" }, "full", 0).text).not.toContain("other request");
    expect(answeredMessage({ ...request, status: "MENTOR_FULL" }, "full", 1).text).toContain("1 other request waiting for you was closed the same way");
    expect(answeredMessage({ ...request, status: "ACCEPTED" }, "accepted", 2).text).toContain("That was your last place, so 2 other requests waiting for you were closed");
    expect(answeredMessage({ ...request, status: "WITHDRAWN" }, "gone").text).toContain("no longer open (they withdrew it)");
  });

  it("a message over 500 characters and a missing role are reported inline on their fields", () => {
    const result = readRequestForm({ message: { value: { type: "plain_text_input", value: "x".repeat(501) } } }, { mentorId: "m", programId: "p", goals: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["message", "role"]);
  });

  it("the chosen goal is read back as the trainee's own words", () => {
    const result = readRequestForm(
      { role: { value: { type: "static_select", selected_option: { value: "coach" } } }, goal: { value: { type: "static_select", selected_option: { value: "1" } } } },
      { mentorId: "m", programId: "p", goals: ["First goal", "Second goal"] },
    );
    expect(result).toEqual({ ok: true, input: { mentorId: "m", programId: "p", role: "coach", message: "", goal: "Second goal" } });
  });
});
