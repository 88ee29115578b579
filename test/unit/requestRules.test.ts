import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dueBefore, hasRoom, requestableRoles, requestBlocker, requestDue, suggestsCoMentor, EXPIRE_AFTER_DAYS, REMIND_AFTER_DAYS } from "../../src/domain/requestRules.js";
import { requestMessages } from "../../src/slack/views/requests/messages.js";
import { readRequestForm } from "../../src/slack/views/requests/form.js";
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
  activeMatchInRole: false,
};

describe("request rules", () => {
  it("a pending request needs nothing before 3 days, a reminder from 3 days and expiry from 7", () => {
    expect(requestDue(created, new Date(at(REMIND_AFTER_DAYS).getTime() - 1))).toBe("none");
    expect(requestDue(created, at(REMIND_AFTER_DAYS))).toBe("remind");
    expect(requestDue(created, new Date(at(EXPIRE_AFTER_DAYS).getTime() - 1))).toBe("remind");
    expect(requestDue(created, at(EXPIRE_AFTER_DAYS))).toBe("expire");
  });

  it("a request is due for a reminder exactly when it was created no later than dueBefore('remind')", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * DAY }), (ageMs) => {
        const now = new Date(created.getTime() + ageMs);
        expect(created <= dueBefore("remind", now)).toBe(requestDue(created, now) !== "none");
        expect(created <= dueBefore("expire", now)).toBe(requestDue(created, now) === "expire");
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
  trainee: { memberId: "t", slackUserId: "U0T", name: "Ana <b>" },
  mentor: { memberId: "m", slackUserId: "U0M", name: "Dr. M" },
};

describe("request messages and form", () => {
  it("the mentor's card escapes everything the trainee typed, so it cannot ping anyone", () => {
    const card = JSON.stringify(requestMessages.mentorRequest({ request, traineeProfile: null }));
    expect(card).toContain("&lt;@U0EVIL&gt; &amp; &lt;!channel&gt;");
    expect(card).not.toContain("<!channel>");
    expect(card).toContain("Heme &lt;Fellowship&gt;");
  });

  it("the decline notice to the trainee never carries a reason and points to /findmentor", () => {
    const text = JSON.stringify(requestMessages.traineeDeclined(request));
    expect(text).toContain("/findmentor");
    expect(text).not.toMatch(/reason/i);
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
