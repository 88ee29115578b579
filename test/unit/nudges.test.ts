import { describe, expect, it } from "vitest";
import { askedForHelp, openHelpAskers, type AnswerRow } from "../../src/domain/nudges.js";

const pair = { mentor: { memberId: "m" }, trainee: { memberId: "t" } };
const at = (iso: string) => new Date(iso);

describe("who asked for help", () => {
  it("names only the side that answered Need help in the period, whoever's check-in it was", () => {
    const rows: AnswerRow[] = [
      { periodKey: "2026-03-01", recipient: "mentor", answer: "NEED_HELP", answeredById: "m" },
      { periodKey: "2026-03-01", recipient: "trainee", answer: "SCHEDULED", answeredById: "t" },
      { periodKey: "2026-02-01", recipient: "trainee", answer: "NEED_HELP", answeredById: "t" },
    ];
    expect(askedForHelp(pair, rows, "2026-03-01")).toEqual(["mentor"]);
    expect(askedForHelp(pair, rows, "2026-02-01")).toEqual(["trainee"]);
    expect(askedForHelp(pair, [...rows, { periodKey: "2026-03-01", recipient: "trainee", answer: "NEED_HELP", answeredById: "t" }], "2026-03-01")).toEqual(["trainee", "mentor"]);
    expect(askedForHelp(pair, [{ periodKey: "2026-03-01", recipient: "trainee", answer: "NEED_HELP" }], "2026-03-01")).toEqual(["trainee"]);
    expect(askedForHelp(pair, rows, "2026-04-01")).toEqual([]);
  });

  it("keeps a call for help open until the pair meet: a later Met answer or a meeting logged since closes it", () => {
    const help: AnswerRow = { periodKey: "2026-03-01", recipient: "mentor", answer: "NEED_HELP", answeredAt: at("2026-04-02T10:00:00Z"), answeredById: "m" };
    expect(openHelpAskers(pair, [help], null)).toEqual(["mentor"]);
    expect(openHelpAskers(pair, [help], at("2026-03-20T00:00:00Z"))).toEqual(["mentor"]);
    expect(openHelpAskers(pair, [help], at("2026-04-05T00:00:00Z"))).toEqual([]);
    expect(openHelpAskers(pair, [help, { periodKey: "2026-04-01", recipient: "mentor", answer: "MET", answeredAt: at("2026-05-02T10:00:00Z"), answeredById: "m" }], null)).toEqual([]);
    expect(openHelpAskers(pair, [{ periodKey: "2026-03-01", recipient: "mentor", answer: "NOT_YET" }], null)).toEqual([]);
  });
});
