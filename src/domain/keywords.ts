import type { ProfileData } from "./profile.js";
import { BASE_VOCABULARY, labelOf, type Vocabulary } from "./vocabulary.js";

/**
 * Keyword search for /findmentor: `/findmentor thrombosis grants`.
 *
 * Text on both sides (the query and the mentor's profile) is folded the same way: Unicode NFKD,
 * accents dropped, lower case, split on anything that is not a letter or digit, and each word
 * reduced to a simple English singular (grants → grant, therapies → therapy, diseases → disease;
 * words ending in -ss, -us, -is stay as they are: thrombosis, lupus, class). Because both sides
 * fold alike, a word matches its plural and its accented spelling ("hémostase" = "hemostase").
 *
 * A query word or phrase listed in {@link SYNONYMS} matches any phrase of its group
 * (VTE ↔ venous thromboembolism ↔ thrombosis). Other words match a whole word of the profile, or
 * the start of one when the word has 4 letters or more ("hemato" finds "hematology").
 */

/** Groups of words and phrases that mean the same thing in the field. The first is the short name. */
export const SYNONYMS: readonly (readonly string[])[] = [
  ["VTE", "venous thromboembolism", "thrombosis", "thromboembolism", "DVT", "deep vein thrombosis", "pulmonary embolism"],
  ["AML", "acute myeloid leukemia", "acute myelogenous leukemia"],
  ["CML", "chronic myeloid leukemia"],
  ["CLL", "chronic lymphocytic leukemia"],
  ["ITP", "immune thrombocytopenia", "immune thrombocytopenic purpura"],
  ["TTP", "thrombotic thrombocytopenic purpura"],
  ["SCD", "sickle cell disease", "sickle cell"],
  ["HSCT", "BMT", "SCT", "stem cell transplant", "stem cell transplantation", "bone marrow transplant", "hematopoietic stem cell transplant"],
  ["CAR-T", "CAR T cell", "cellular therapy"],
  ["MDS", "myelodysplastic syndrome", "myelodysplasia"],
  ["MM", "multiple myeloma", "myeloma"],
  ["QI", "quality improvement"],
  ["med ed", "meded", "medical education"],
  ["grants", "grant writing", "funding"],
  ["pubs", "publications", "publishing"],
  ["DEI", "health equity", "diversity equity inclusion"],
];

/** Words a query may contain that carry no meaning for the search. */
const STOP_WORDS = new Set(["a", "an", "and", "or", "the", "of", "in", "on", "with", "for", "to", "at", "by", "who", "has", "does"]);

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

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

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

interface Alternative {
  /** Folded form searched for, e.g. "venous thromboembolism". */
  folded: string;
  /** How the phrase is written in the synonym table, e.g. "VTE". */
  display: string;
}

/** An alternative ready to search for. */
export interface Needle extends Alternative {
  /** In a folded label: " phrase " (whole words) or " word" (start of a word). */
  needle: string;
  /** The folded words. */
  words: readonly string[];
  /** What any spelling of the first word contains: the word less a final y (therapy → therap-ies). */
  stem: string;
}

/** One thing the trainee searched for. */
export interface QueryTerm {
  /** What the trainee typed, lower-cased and without accents, e.g. "grants" or "med ed". */
  text: string;
  /** Folded phrases any of which satisfies the term; the typed phrase comes first. */
  alternatives: readonly Needle[];
  /** Whether the last word may match the start of a longer word (plain words of 4+ letters). */
  prefix: boolean;
}

interface SynonymEntry {
  words: string[];
  group: number;
}

const SYNONYM_GROUPS: Alternative[][] = SYNONYMS.map((group) =>
  group.map((display) => ({ folded: foldPhrase(display), display })),
);

/** First folded word → synonym phrases starting with it, longest first. */
const SYNONYM_INDEX: Map<string, SynonymEntry[]> = (() => {
  const index = new Map<string, SynonymEntry[]>();
  SYNONYM_GROUPS.forEach((group, g) => {
    for (const alt of group) {
      const words = alt.folded.split(" ");
      const first = words[0]!;
      const list = index.get(first) ?? [];
      list.push({ words, group: g });
      index.set(first, list);
    }
  });
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

function needleOf(a: Alternative, prefix: boolean): Needle {
  const words = a.folded.split(" ");
  const first = words[0]!;
  return {
    ...a,
    needle: prefix ? ` ${a.folded}` : ` ${a.folded} `,
    words,
    stem: first.endsWith("y") ? first.slice(0, -1) : first,
  };
}

/**
 * Parses what the trainee typed after /findmentor into search terms (at most MAX_TERMS).
 * Synonym phrases are recognised greedily (longest first), so "venous thromboembolism grants" is
 * two terms; repeated terms are kept once.
 */
export function parseQuery(input: string | readonly string[]): QueryTerm[] {
  const raw = rawWords(typeof input === "string" ? input : input.join(" "));
  const folded = raw.map(singular);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < folded.length && terms.length < MAX_TERMS) {
    const word = folded[i]!;
    const entry = SYNONYM_INDEX.get(word)?.find((e) => e.words.every((w, k) => folded[i + k] === w));
    if (entry) {
      const text = raw.slice(i, i + entry.words.length).join(" ");
      const typed = entry.words.join(" ");
      const group = SYNONYM_GROUPS[entry.group]!;
      const key = `g${entry.group}`;
      if (!seen.has(key)) {
        seen.add(key);
        const own = group.find((a) => a.folded === typed)!;
        const alternatives = [own, ...group.filter((a) => a !== own)].map((a) => needleOf(a, false));
        terms.push({ text, alternatives, prefix: false });
      }
      i += entry.words.length;
      continue;
    }
    if (!STOP_WORDS.has(word) && !seen.has(word)) {
      seen.add(word);
      const prefix = word.length >= 4;
      terms.push({ text: raw[i]!, alternatives: [needleOf({ folded: word, display: raw[i]! }, prefix)], prefix });
    }
    i += 1;
  }
  return terms;
}

/** Which search terms a mentor matched, and through which synonym when not the typed words. */
export interface KeywordHit {
  term: string;
  /** The synonym that matched, when it differs from what was typed, e.g. "VTE". */
  via: string | null;
}

export interface KeywordMatch {
  hits: KeywordHit[];
  /** hits / terms, in [0, 1]. */
  share: number;
}

const plainText = (t: string) => (NON_ASCII.test(t) ? t.normalize("NFKD").replace(COMBINING_MARKS, "") : t).toLowerCase();

type LabelKind = "interests" | "specialties" | "subspecialties" | "careerPaths";

/** Search terms can be counted in one 32-bit mask; a longer search keeps its first 30 terms. */
export const MAX_TERMS = 30;

/**
 * Matches one search against many mentors. Built once per search: vocabulary labels and tags
 * repeat across mentors, so each label's matches are worked out once and remembered (a bit per
 * term); free text (bio, editorial roles) is searched in place, lower-cased and accent-free,
 * without splitting it into a word list. What is searched: expertise, interests, specialty and
 * subspecialty labels, career paths, bio and editorial roles; a mentor who has helped mentees
 * win grants also matches "grants", one who co-publishes matches "publications". Each field is
 * searched on its own, so a phrase never matches across two fields.
 */
export class KeywordMatcher {
  readonly terms: readonly QueryTerm[];
  private readonly all: number;
  private readonly memo: Record<LabelKind, Map<string, number>> = {
    interests: new Map(),
    specialties: new Map(),
    subspecialties: new Map(),
    careerPaths: new Map(),
  };
  private readonly foldedLabels = new Map<string, string>();
  private readonly grants: number;
  private readonly publications: number;

  constructor(
    terms: readonly QueryTerm[],
    private readonly vocabulary: Vocabulary = BASE_VOCABULARY,
  ) {
    this.terms = terms.slice(0, MAX_TERMS);
    this.all = this.terms.length === 0 ? 0 : 2 ** this.terms.length - 1;
    this.grants = this.labelMask(" grant ");
    this.publications = this.labelMask(" publication ");
  }

  /** Bit t set when term t matches (first alternative that matches, in order). */
  mask(profile: ProfileData): number {
    if (this.all === 0) return 0;
    let m = 0;
    for (const k of profile.expertise) m |= this.label("interests", k);
    for (const k of profile.interests) m |= this.label("interests", k);
    if (profile.specialty) m |= this.label("specialties", profile.specialty);
    if (profile.subspecialty) m |= this.label("subspecialties", profile.subspecialty);
    for (const k of profile.careerPaths) m |= this.label("careerPaths", k);
    if (profile.helpedGrants) m |= this.grants;
    if (profile.copublishes) m |= this.publications;
    if (m !== this.all && profile.bio) m |= this.textMask(plainText(profile.bio), m);
    if (m !== this.all && profile.editorialRoles) m |= this.textMask(plainText(profile.editorialRoles), m);
    return m;
  }

  /** How many terms the profile matches. */
  count(profile: ProfileData): number {
    let m = this.mask(profile);
    let n = 0;
    while (m) {
      n += m & 1;
      m >>>= 1;
    }
    return n;
  }

  /** Which terms matched, and through which synonym. */
  match(profile: ProfileData): KeywordMatch {
    const hits: KeywordHit[] = [];
    if (this.all === 0) return { hits, share: 0 };
    const labels = [
      ...profile.expertise.map((k) => this.folded("interests", k)),
      ...profile.interests.map((k) => this.folded("interests", k)),
      ...(profile.specialty ? [this.folded("specialties", profile.specialty)] : []),
      ...(profile.subspecialty ? [this.folded("subspecialties", profile.subspecialty)] : []),
      ...profile.careerPaths.map((k) => this.folded("careerPaths", k)),
      ...(profile.helpedGrants ? [" grant "] : []),
      ...(profile.copublishes ? [" publication "] : []),
    ];
    const texts = [profile.bio, profile.editorialRoles].filter((t): t is string => Boolean(t)).map(plainText);
    for (const term of this.terms) {
      for (let a = 0; a < term.alternatives.length; a++) {
        const alt = term.alternatives[a]!;
        if (labels.some((l) => l.includes(alt.needle)) || texts.some((t) => phraseInText(t, alt, term.prefix))) {
          hits.push({ term: term.text, via: a === 0 ? null : alt.display });
          break;
        }
      }
    }
    return { hits, share: hits.length / this.terms.length };
  }

  private label(kind: LabelKind, key: string): number {
    const memo = this.memo[kind];
    let m = memo.get(key);
    if (m === undefined) {
      m = this.labelMask(this.folded(kind, key));
      memo.set(key, m);
    }
    return m;
  }

  /** " w1 w2 ": the label's folded words (a free-text tag "grant_writing" reads "grant writing"). */
  private folded(kind: LabelKind, key: string): string {
    const id = kind + ":" + key;
    let folded = this.foldedLabels.get(id);
    if (folded === undefined) {
      const label = labelOf(this.vocabulary[kind], key);
      folded = " " + foldPhrase(label === key ? key.replace(/_/g, " ") : label) + " ";
      this.foldedLabels.set(id, folded);
    }
    return folded;
  }

  private labelMask(folded: string): number {
    let m = 0;
    this.terms.forEach((term, t) => {
      if (term.alternatives.some((alt) => folded.includes(alt.needle))) m |= 1 << t;
    });
    return m;
  }

  private textMask(text: string, already: number): number {
    let m = 0;
    for (let t = 0; t < this.terms.length; t++) {
      if (already & (1 << t)) continue;
      const term = this.terms[t]!;
      for (let a = 0; a < term.alternatives.length; a++) {
        if (phraseInText(text, term.alternatives[a]!, term.prefix)) {
          m |= 1 << t;
          break;
        }
      }
    }
    return m;
  }
}

/** Matches parsed terms against one mentor's profile (a one-off; rankings reuse a KeywordMatcher). */
export function matchKeywords(terms: readonly QueryTerm[], profile: ProfileData, vocabulary: Vocabulary = BASE_VOCABULARY): KeywordMatch {
  return new KeywordMatcher(terms, vocabulary).match(profile);
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Whether the folded words `words` occur in a row in lower-case text `t`. Occurrences of the
 * first word's stem are found with indexOf; each is checked word by word, folding only the words
 * looked at. Words are separated by anything that is not a letter or digit, as in foldWords.
 */
function phraseInText(t: string, alt: Needle, prefix: boolean): boolean {
  const words = alt.words;
  let from = 0;
  for (;;) {
    const at = t.indexOf(alt.stem, from);
    if (at === -1) return false;
    from = at + 1;
    if (at > 0 && isWordChar(t.charCodeAt(at - 1))) continue;
    let pos = at;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) {
      if (k > 0) {
        while (pos < t.length && !isWordChar(t.charCodeAt(pos))) pos++;
        if (pos >= t.length) {
          ok = false;
          break;
        }
      }
      let end = pos;
      while (end < t.length && isWordChar(t.charCodeAt(end))) end++;
      const raw = t.slice(pos, end);
      const folded = singular(raw);
      const want = words[k]!;
      ok = prefix && k === words.length - 1 ? folded.startsWith(want) || raw.startsWith(want) : folded === want;
      pos = end;
    }
    if (ok) return true;
  }
}

