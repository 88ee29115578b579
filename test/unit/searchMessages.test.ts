import { describe, expect, it } from "vitest";
import { RequestNotAllowed, RoundPairNotAllowed } from "../../src/domain/errors.js";
import { revivedError, sentError } from "../../src/workers/searchMessages.js";

/** What crosses between a search worker and the app is structured-cloned, as postMessage does. */
const across = (error: unknown) => revivedError(structuredClone(sentError(error)));

describe("errors from a search worker", () => {
  it("a domain error arrives as the same class with its fields, so the person reads its own words", () => {
    const back = across(new RoundPairNotAllowed("t1", "m1", "paused"));
    expect(back).toBeInstanceOf(RoundPairNotAllowed);
    expect(back).toMatchObject({ code: "round_pair_not_allowed", traineeId: "t1", mentorId: "m1", problem: "paused" });
    expect(back.message).toBe("pair t1–m1 is no longer allowed: paused");
    expect(across(new RequestNotAllowed("mentor_full"))).toMatchObject({ reason: "mentor_full" });
  });

  it("any other error arrives as a plain Error with its message", () => {
    const back = across(new TypeError("connection reset"));
    expect(back).toBeInstanceOf(Error);
    expect(back).not.toBeInstanceOf(RoundPairNotAllowed);
    expect(back.message).toBe("connection reset");
  });
});
