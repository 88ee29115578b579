/**
 * Counts in words, through Intl.PluralRules: `count(1, "pending request")` is "1 pending request",
 * `count(3, "cohort")` is "3 cohorts", `count(2, "person", "people")` is "2 people". Numbers are
 * grouped ("1,200"). Every count a person reads goes through here.
 */
const rules = new Intl.PluralRules("en-US");
const numbers = new Intl.NumberFormat("en-US");

/** The word alone, for `n`: `noun(1, "mentor")` is "mentor", `noun(0, "mentor")` is "mentors". */
export function noun(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === "one" ? one : other;
}

/** The number and the word: "1 mentor", "12 mentors", "1,200 trainees". */
export function count(n: number, one: string, other = `${one}s`): string {
  return `${numbers.format(n)} ${noun(n, one, other)}`;
}

/** A verb that agrees with `n`: `verb(1, "has", "have")` is "has". */
export const verb = (n: number, one: string, other: string): string => (rules.select(n) === "one" ? one : other);
