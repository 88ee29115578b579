import { describe, expect, it } from "vitest";
import { isDirector, slackStanding } from "../../src/domain/roles.js";
import { cohortInputSchema, programInputSchema } from "../../src/domain/program.js";
import { breakLines, changeBreaks } from "../../src/domain/programBreaks.js";
import { changeWords, parseWord } from "../../src/domain/programWords.js";

describe("who is a director", () => {
  const plain = { isAdmin: false, isOwner: false };
  it("is every Slack admin and owner", () => {
    expect(isDirector({ ...plain, isAdmin: true }, [])).toBe(true);
    expect(isDirector({ ...plain, isOwner: true }, [])).toBe(true);
  });
  it("is a member granted the role inside Rounds, until the grant is taken back", () => {
    expect(isDirector({ ...plain, directorGrantedAt: new Date("2026-11-01T00:00:00Z") }, [])).toBe(true);
    expect(isDirector({ ...plain, directorGrantedAt: null }, [])).toBe(false);
  });
  it("is someone holding the DIRECTOR role in a program, and nobody else", () => {
    expect(isDirector(plain, ["DIRECTOR"])).toBe(true);
    expect(isDirector(plain, ["MENTOR", "TRAINEE"])).toBe(false);
  });
});

describe("the Slack standing that makes a director, from users.info", () => {
  const orgUser = (roles: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean }) => ({
    is_admin: false,
    is_owner: false,
    enterprise_user: { id: "U0X", enterprise_id: "E0UNI", enterprise_name: "University Health", is_admin: false, is_owner: false, is_primary_owner: false, teams: ["T0HOSP"], ...roles },
  });
  it("counts a workspace's admins, owners and primary owner, as in one workspace", () => {
    expect(slackStanding({ is_admin: true }, "T0CITY")).toEqual({ isAdmin: true, isOwner: false });
    expect(slackStanding({ is_owner: true }, "T0CITY")).toEqual({ isAdmin: false, isOwner: true });
    expect(slackStanding({ is_primary_owner: true }, "T0CITY")).toEqual({ isAdmin: false, isOwner: true });
    expect(slackStanding({}, "T0CITY")).toEqual({ isAdmin: false, isOwner: false });
    expect(slackStanding({ ...orgUser({}), is_admin: true }, "E0UNI")).toEqual({ isAdmin: true, isOwner: false });
  });
  it("counts an org's admins and owners in the org-wide tenant, whichever workspace they are in", () => {
    expect(slackStanding(orgUser({ is_admin: true }), "E0UNI")).toEqual({ isAdmin: true, isOwner: false });
    expect(slackStanding(orgUser({ is_owner: true }), "E0UNI")).toEqual({ isAdmin: false, isOwner: true });
    expect(slackStanding(orgUser({ is_primary_owner: true }), "E0UNI")).toEqual({ isAdmin: false, isOwner: true });
    expect(slackStanding(orgUser({}), "E0UNI")).toEqual({ isAdmin: false, isOwner: false });
  });
  it("does not count org roles in a workspace that installed Rounds on its own, nor in another org", () => {
    expect(slackStanding(orgUser({ is_admin: true, is_owner: true }), "T0HOSP")).toEqual({ isAdmin: false, isOwner: false });
    expect(slackStanding(orgUser({ is_admin: true, is_owner: true }), "E0OTHER")).toEqual({ isAdmin: false, isOwner: false });
  });
});

describe("program and cohort forms", () => {
  const good = { name: "Hematology Fellowship", description: "", checkinCadence: "MONTHLY", announcementChannel: null, timezone: "Europe/London", defaultCapacity: "3" };
  it("accept a good program and turn the capacity text into a number", () => {
    expect(programInputSchema.parse(good)).toMatchObject({ name: "Hematology Fellowship", defaultCapacity: 3, timezone: "Europe/London" });
  });
  it("refuse a name over 80 characters, an unknown time zone and a capacity outside 1–20", () => {
    const issues = (input: object) => programInputSchema.safeParse({ ...good, ...input }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ name: "x".repeat(81) })).toEqual([["name", "A program name can be at most 80 characters."]]);
    expect(issues({ timezone: "Central Time" })).toEqual([["timezone", "Pick the program's time zone."]]);
    expect(issues({ defaultCapacity: "21" })).toEqual([["defaultCapacity", "From 1 to 20."]]);
    expect(issues({ defaultCapacity: "2.5" })).toEqual([["defaultCapacity", "Enter a whole number."]]);
  });
  it("read the breaks a director writes, one a line, into stored breaks in date order, each once", () => {
    const parsed = programInputSchema.parse({ ...good, checkinAlsoTrainee: true, breaks: "2027-03-15\n\n2026-12-24 to 2027-01-02\n2027-03-15\n2027-04-01..2027-04-02" });
    expect(parsed.checkinAlsoTrainee).toBe(true);
    expect(parsed.breaks).toEqual([{ from: "2026-12-24", to: "2027-01-02" }, "2027-03-15", { from: "2027-04-01", to: "2027-04-02" }]);
    expect(programInputSchema.parse(good)).toMatchObject({ checkinAlsoTrainee: false, breaks: [] });
    expect(breakLines(parsed.breaks)).toBe("2026-12-24 to 2027-01-02\n2027-03-15\n2027-04-01 to 2027-04-02");
  });
  it("refuse a break that is not a day or a range, is backwards, runs over a year or is not in the calendar, naming its line", () => {
    const issues = (breaks: string) => programInputSchema.safeParse({ ...good, breaks }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues("Christmas")).toEqual([["breaks", '"Christmas" isn\'t a day or a range of days. Write 2026-12-24, or 2026-12-24 to 2027-01-02.']]);
    expect(issues("2026-12-24\n2027-01-02 to 2026-12-24")).toEqual([["breaks", "Line 2: 2027-01-02 to 2026-12-24 ends before it starts. Put the first day first."]]);
    expect(issues("2026-01-01 to 2027-06-30")).toEqual([["breaks", "2026-01-01 to 2027-06-30 is longer than a year. Check the years."]]);
    expect(issues("2027-02-30")).toEqual([["breaks", "2027-02-30 isn't a date in the calendar."]]);
    const days101 = Array.from({ length: 101 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    expect(issues(days101.join("\n"))).toEqual([
      ["breaks", "At most 100 breaks. Remove past ones you no longer need."],
    ]);
  });
  it("let a cohort end on its start day but not before it", () => {
    expect(cohortInputSchema.safeParse({ name: "A", startsOn: "2026-07-01", endsOn: "2026-07-01" }).success).toBe(true);
    expect(cohortInputSchema.safeParse({ name: "A", startsOn: "2026-07-01", endsOn: "2026-06-30" }).error?.issues[0]).toMatchObject({
      path: ["endsOn"],
      message: "The end date must be on or after the start date.",
    });
  });
});

describe("program breaks changed from the command line", () => {
  const current = [{ from: "2026-12-24", to: "2027-01-02" }, "2027-03-15"];
  it("adds and removes breaks, keeping them in date order, and clears them all first when asked", () => {
    expect(changeBreaks(current, { add: ["2027-02-01"], remove: ["2027-03-15"] })).toEqual({ ok: true, breaks: [{ from: "2026-12-24", to: "2027-01-02" }, "2027-02-01"] });
    expect(changeBreaks(current, { clear: true, add: ["2027-05-01"] })).toEqual({ ok: true, breaks: ["2027-05-01"] });
  });
  it("names a break to remove that the program does not have, and changes nothing", () => {
    expect(changeBreaks(current, { remove: ["2026-12-24"], add: ["2027-02-01"] })).toEqual({ ok: false, missing: "2026-12-24" });
  });
});

describe("a program's own words", () => {
  it("are written KIND=Label, keyed from the label, and refused when the kind is unknown or the label empty or too long", () => {
    expect(parseWord("interests= CAR-T   therapy ")).toEqual({ ok: true, word: { kind: "interests", term: { key: "car_t_therapy", label: "CAR-T therapy" } } });
    expect(parseWord("hobbies=Sailing")).toMatchObject({ ok: false });
    expect(parseWord("interests=--")).toEqual({ ok: false, message: "give the word a label with letters or digits" });
    expect(parseWord(`interests=${"x".repeat(61)}`)).toEqual({ ok: false, message: "a label can be at most 60 characters" });
  });
  it("never duplicate a built-in word or one of the program's, and stop at 60 of a kind so profile selects keep every word", () => {
    const word = (label: string) => ({ kind: "interests" as const, term: { key: label.toLowerCase(), label } });
    expect(changeWords({}, { add: [word("Thrombosis")] })).toMatchObject({ ok: false, problem: "exists" });
    const sixty = Array.from({ length: 60 }, (_, i) => word(`Topic${i}`));
    const full = changeWords({}, { add: sixty });
    expect(full.ok && full.words.interests).toHaveLength(60);
    expect(changeWords(full.ok ? full.words : {}, { add: [word("One more")] })).toMatchObject({ ok: false, problem: "too_many" });
    expect(changeWords(full.ok ? full.words : {}, { remove: [word("Topic0")], add: [word("One more")] })).toMatchObject({ ok: true });
  });
});
