import { describe, expect, it } from "vitest";
import { notEnrolledMessage } from "../../src/features/home/views/help.js";
import { requestMessages } from "../../src/features/requests/views/messages.js";
import { meetingSavedModal } from "../../src/features/goals-meetings/views/meetings/meetingModal.js";
import type { MemberRecord } from "../../src/store/members.js";
import type { MatchRecord } from "../../src/store/matches.js";

const member = { id: "m", workspaceId: "T", slackUserId: "U0DANA", name: "Dana", realName: null, email: null, tz: "UTC", isAdmin: false, isOwner: false, refreshedAt: new Date(0), directorGrantedAt: null, pausedAt: null, pausedUntil: null, erasedAt: null } satisfies MemberRecord;
const match: MatchRecord = {
  id: "x",
  workspaceId: "T",
  programId: "p",
  programName: "Heme Fellowship",
  role: "coach",
  status: "ENDED",
  cadence: null,
  introChannelId: null,
  trainee: { memberId: "t", slackUserId: "U0TARA", name: "Tara" },
  mentor: { memberId: "mm", slackUserId: "U0MAYA", name: "Maya" },
};
const all = (x: unknown) => JSON.stringify(x);

/** Wording found by reading docs/messages.md as each person. */
describe("what people read", () => {
  it("tells a director in no program that they direct programs, not to ask their program director", () => {
    const director = notEnrolledMessage({ member, enrollments: [], isDirector: true });
    expect(director.text).toBe("You direct programs here, but you aren't a trainee or mentor in one.");
    expect(all(director.blocks)).toContain("/mentoring-admin");
    expect(all(director.blocks)).not.toContain("Ask your program director");
    expect(all(director.blocks)).not.toContain("Slack admin");
    const newcomer = notEnrolledMessage({ member, enrollments: [], isDirector: false });
    expect(all(newcomer.blocks)).toContain("Ask your program director to add you");
  });

  it("names each person once when telling directors who ended a mentorship", () => {
    const byMentor = all(requestMessages.matchEndedDirector(match, "U0MAYA", null).blocks);
    expect(byMentor).toContain("<@U0MAYA> ended their mentorship of <@U0TARA> (coach) in Heme Fellowship.");
    expect(byMentor.match(/<@U0MAYA>/g)).toHaveLength(1);
    const byTrainee = all(requestMessages.matchEndedDirector(match, "U0TARA", null).blocks);
    expect(byTrainee).toContain("<@U0TARA> ended their mentorship with <@U0MAYA> (their coach) in Heme Fellowship.");
  });

  it("offers co-mentors as more senior than the junior mentor, not as 'senior' mid-career faculty", () => {
    const party = (slackUserId: string) => ({ memberId: slackUserId, slackUserId, name: slackUserId, tz: "UTC", pause: { pausedAt: null, pausedUntil: null } });
    const request = { id: "r", workspaceId: "T", programId: "p", programName: "Heme", role: "mentor", message: "", goal: null, status: "PENDING" as const, createdAt: new Date(0), trainee: party("U0TARA"), mentor: party("U0JUN") };
    const card = { memberId: "s", slackUserId: "U0SAM", name: "Sam", programId: "p", stage: "Mid-career faculty", specialty: null, subspecialty: null, reasons: ["same specialty as the junior mentor: hematology"], juniorFaculty: false, handsOn: null, supervisorNote: null, activeMentees: 0, capacity: 2, helpedGrants: null, copublishes: null, pastFellows: null, cadence: null };
    const offer = all(requestMessages.coMentorOffer(request, [card]).blocks);
    expect(offer).toContain("These mentors are more senior than <@U0JUN> (mid-career faculty or above), fit you, and work close to their field.");
    expect(offer).toContain("<@U0SAM> — Mid-career faculty");
    expect(offer).not.toMatch(/senior co-mentor: /);
    expect(all(requestMessages.coMentorOffer(request, []).blocks)).toContain("No mentor more senior than <@U0JUN> in your programs has room to co-mentor beside them right now.");
  });

  it("dates a saved meeting in the one date style", () => {
    expect(all(meetingSavedModal("U0MAYA", "2026-12-07"))).toContain("your meeting with <@U0MAYA> on Mon 7 Dec 2026.");
  });
});
