/**
 * How search text is folded, on both sides of a keyword search (keywords.ts): Unicode NFKD,
 * accents dropped, lower case, split on anything that is not a letter or digit, and each word
 * reduced to a simple English singular.
 */

/** Words ending in s that are not plurals, or whose singular would mislead. */
const INVARIANT = new Set(["series", "species", "diabetes", "herpes", "measles", "mumps", "rabies", "news", "aids"]);

/** A simple English singular, applied to one lower-case word. */
export function singular(word: string): string {
  if (word.length <= 3 || word.charCodeAt(word.length - 1) !== 115 /* s */ || INVARIANT.has(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return word.slice(0, -3) + "y";
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

export const COMBINING_MARKS = /[\u0300-\u036f]/g;
export const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Splits text into lower-case, accent-free words of letters and digits, appending each (through
 * `map`) to `out`. One pass over the characters; Unicode normalisation only for non-ASCII text.
 */
function scanWords(text: string, out: string[], map: (word: string) => string): void {
  let s = NON_ASCII.test(text) ? text.normalize("NFKD").replace(COMBINING_MARKS, "") : text;
  s = s.toLowerCase();
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(map(s.slice(start, i)));
      start = -1;
    }
  }
  if (start >= 0) out.push(map(s.slice(start)));
}

const same = (w: string) => w;

/** Lower case, accents dropped, split into words — before singular folding. */
export function rawWords(text: string): string[] {
  const out: string[] = [];
  scanWords(text, out, same);
  return out;
}

/** Folded words: case, accents and plurals removed. */
export function foldWords(text: string): string[] {
  const out: string[] = [];
  scanWords(text, out, singular);
  return out;
}

/** A phrase folded into its search form: folded words joined by single spaces. */
export function foldPhrase(text: string): string {
  return foldWords(text).join(" ");
}

/** Lower case and accent-free, not split: the text a phrase is looked for in. */
export const plainText = (t: string) => (NON_ASCII.test(t) ? t.normalize("NFKD").replace(COMBINING_MARKS, "") : t).toLowerCase();

/** A letter or digit of lower-case, accent-free text (what words are made of). */
export const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
