/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd" (English ordinals, through Intl.PluralRules). */
const rules = new Intl.PluralRules("en-US", { type: "ordinal" });
const SUFFIX: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };

export const ordinal = (n: number): string => `${n}${SUFFIX[rules.select(n)] ?? "th"}`;
