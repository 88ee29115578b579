import { describe, expect, it } from "vitest";
import * as errors from "../../src/domain/errors.js";
import { DomainError, type DomainErrorCode } from "../../src/domain/errors.js";
import { errorText } from "../../src/slack/errorText.js";
import { errorWords, type ErrorWords } from "../../src/slack/errorWords.js";

const GENERIC_FAULT = /Something went wrong on our side/;

describe("error words", () => {
  it("a person reads the words written for the error, never a code", () => {
    expect(errorText(new errors.NotADirector("U1"))).toMatch(/^Only program directors can do that, so nothing was changed\./);
    expect(errorText(new errors.RequestNotAllowed("mentor_full"))).toBe("That mentor's places are all taken right now. Type /findmentor for mentors who have room.");
    expect(errorText(new errors.RequestNoLongerPending("EXPIRED"))).toBe("This request is no longer open (it expired), so nothing was changed.");
    expect(errorText(new errors.InvalidMeetingDate("before_match"))).toBe("That's before your mentorship started. Choose a later day.");
    expect(errorText(new errors.RankingNotAllowed("not_participant"))).toBe("You're not ranking in this round, so nothing was changed.");
    expect(errorText(new errors.InvalidRankingWeights([{ path: "skills", message: "must be at most 10" }]))).toMatch(/must be at most 10/);
  });

  it("an error that is not a domain error reads as our fault, and says nothing was changed", () => {
    expect(errorText(new Error("connection reset"))).toMatch(GENERIC_FAULT);
    expect(errorText(new Error("connection reset"))).toMatch(/nothing was changed/);
  });

  it("every domain error class exported by domain/errors has a code with words", () => {
    const classes = (Object.values(errors) as unknown[]).filter((v): v is new (...a: unknown[]) => DomainError => typeof v === "function" && v.prototype instanceof DomainError);
    expect(classes.length).toBe(Object.keys(errorWords).length);
    const argsFor: Record<string, unknown[]> = { InvalidRankingWeights: [[]], RequestNotAllowed: ["self"], RankingNotAllowed: ["unknown_choice"], InvalidMeetingDate: ["in_future"], ProgramWordRefused: ["exists", { kind: "role", term: { key: "coach", label: "Coach" } }] };
    const generic = "x";
    for (const Class of classes) {
      const args = argsFor[Class.name] ?? [generic, generic, generic];
      const error = new Class(...args);
      expect(Object.keys(errorWords), Class.name).toContain(error.code);
      const words = errorText(error);
      expect(words, Class.name).not.toMatch(GENERIC_FAULT);
      expect(words.length, Class.name).toBeGreaterThan(10);
    }
  });

  it("the compiler refuses words that leave out a code, and an error whose code is not listed", () => {
    const { not_a_director: _left, ...rest } = errorWords;
    // @ts-expect-error words without not_a_director are not a complete ErrorWords
    const incomplete: ErrorWords = rest;
    expect(Object.keys(incomplete)).not.toContain("not_a_director");

    class Unlisted extends DomainError {
      // @ts-expect-error a domain error's code must be a key of DomainErrorsByCode
      readonly code = "unlisted_error";
    }
    const listed: DomainErrorCode = "not_a_director";
    expect(new Unlisted().code).not.toBe(listed);
  });
});
