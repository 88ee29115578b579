import { describe, expect, it } from "vitest";
import { escapeClipped, escapeMrkdwn } from "../../src/slack/kit/escape.js";
import { requestMessages } from "../../src/features/requests/views/messages.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import type { RequestRecord } from "../../src/store/requests.js";

const ZWSP = "\u200B";
const party = (slackUserId: string, name: string) => ({ memberId: `m-${slackUserId}`, slackUserId, name, tz: "UTC", pause: { pausedAt: null, pausedUntil: null } });
const request: RequestRecord = {
  id: "r1",
  workspaceId: "T",
  programId: "p",
  programName: "Heme Fellowship",
  role: "sponsor",
  message: "*urgent* _please_ ~maybe~ `now`",
  goal: "Win a *K08*",
  status: "PENDING",
  createdAt: new Date("2026-12-01T12:00:00Z"),
  trainee: party("U0TARA", "Tara Fellow"),
  mentor: party("U0MAYA", "Dr. Maya"),
};

/**
 * Whether Slack would draw a span of `text` as bold, italic, strike or code: a mark right after the
 * start, a space or punctuation, with a word character after it, closed by the same mark after a word
 * character. A zero-width space beside a mark is neither, so the span stays plain.
 */
const formats = (text: string) => /(^|[\s(>])([*_~`])[^\s\u200B*_~`][^*_~`\n]*?[^\s\u200B]\2(?=$|[\s.,;:!?)])/m.test(text);

describe("text a person typed, echoed to someone else", () => {
  it("keeps its formatting marks visible but never formats: bold, italic, strike and code stay as typed", () => {
    expect(formats("*urgent*")).toBe(true); // the check itself sees formatting
    expect(escapeMrkdwn("*urgent* _please_ ~maybe~ `now`")).toBe(
      `${ZWSP}*${ZWSP}urgent${ZWSP}*${ZWSP} ${ZWSP}_${ZWSP}please${ZWSP}_${ZWSP} ${ZWSP}~${ZWSP}maybe${ZWSP}~${ZWSP} ${ZWSP}\`${ZWSP}now${ZWSP}\`${ZWSP}`,
    );
    expect(formats(escapeMrkdwn("*urgent* _please_ ~maybe~ `now`"))).toBe(false);
  });

  it("still cannot ping or link, and reads the same once the invisible fences are removed", () => {
    const typed = "<!channel> & <https://x.test|click> *bold*";
    const escaped = escapeMrkdwn(typed);
    expect(escaped).not.toContain("<");
    expect(escaped.replaceAll(ZWSP, "")).toBe("&lt;!channel&gt; &amp; &lt;https://x.test|click&gt; *bold*");
  });

  it("is cut by whole characters, so a fenced mark is never split", () => {
    const cut = escapeClipped("ab*cd", 5);
    expect(cut).toBe("ab…");
    expect(escapeClipped("a*b", 10)).toBe(`a${ZWSP}*${ZWSP}b`);
  });

  it("reaches the mentor as typed in a request: the message and the goal show their stars, not bold", () => {
    const payload = requestMessages.mentorRequest({ request, traineeProfile: EMPTY_PROFILE, traineeGoals: ["Publish _two_ papers"] });
    const section = (payload.blocks[0] as { text: { text: string } }).text.text;
    expect(section.replaceAll(ZWSP, "")).toContain("*This request is about*: Win a *K08*");
    expect(section.replaceAll(ZWSP, "")).toContain("*Their message*:\n>*urgent* _please_ ~maybe~ `now`");
    expect(section.replaceAll(ZWSP, "")).toContain("*Goals*: Publish _two_ papers");
    const typedParts = section.replace(/\*(sponsor|This request is about|Their message|Goals)\*/g, "");
    expect(formats(typedParts)).toBe(false);
    expect(formats(section)).toBe(true); // Rounds' own bold labels still format
  });

  it("names the trainee once when asking a mentor", () => {
    const payload = requestMessages.mentorRequest({ request, traineeProfile: null, traineeGoals: [] });
    const section = (payload.blocks[0] as { text: { text: string } }).text.text;
    expect(section.split("\n")[0]).toBe("<@U0TARA> asks you to be their *sponsor* in Heme Fellowship.");
    expect(payload.text).toBe("Tara Fellow asks you to be their sponsor");
  });
});
