import { describe, expect, it } from "vitest";
import { choiceSchema } from "../../src/features/roundtables/roundTables.js";

const hosted = ["industry", "medical_education", "clinical_practice"];
const issues = (input: Record<string, string | null>) => {
  const r = choiceSchema(hosted).safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [String(i.path[0]), i.message]);
};

describe("a trainee's round-table choices", () => {
  it("takes two or three different hosted paths, most wanted first", () => {
    expect(choiceSchema(hosted).parse({ first: "industry", second: "clinical_practice", third: null })).toEqual(["industry", "clinical_practice"]);
    expect(choiceSchema(hosted).parse({ first: "industry", second: "clinical_practice", third: "medical_education" })).toEqual(["industry", "clinical_practice", "medical_education"]);
  });

  it("needs a first and a second choice", () => {
    expect(issues({ first: "industry", second: null, third: null })).toEqual([["second", "Choose a second career path: everyone chooses 2 or 3."]]);
    expect(issues({ first: null, second: null, third: "industry" }).map(([field]) => field)).toEqual(["first", "second"]);
  });

  it("refuses the same path twice, under the later field", () => {
    expect(issues({ first: "industry", second: "clinical_practice", third: "industry" })).toEqual([["third", "You chose this career path already; choose a different one."]]);
  });

  it("refuses a path no table is hosted for", () => {
    expect(issues({ first: "government", second: "industry", third: null })).toEqual([["first", "No table is hosted for that career path; choose another."]]);
  });
});
