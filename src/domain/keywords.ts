import type { ProfileData } from "./profile.js";
import { featuresOf, type MentorFeatures, type Tables } from "./mentorFeatures.js";
import { foldPhrase, isWordChar, plainText, rawWords, singular } from "./textFold.js";
import { BASE_VOCABULARY, labelOf, type Vocabulary } from "./vocabulary.js";

export { foldPhrase, foldWords, rawWords, singular } from "./textFold.js";

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
    // "y" itself keeps its y: an empty stem is found everywhere, and the search would never end.
    stem: first.endsWith("y") && first.length > 1 ? first.slice(0, -1) : first,
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


type LabelKind = "interests" | "specialties" | "subspecialties" | "careerPaths";

/** Search terms can be counted in one 32-bit mask; a longer search keeps its first 30 terms. */
export const MAX_TERMS = 30;

/** A word's bit (above the terms') saying a phrase of several words starts with it. */
const STARTS_PHRASE = 1 << 30;

/** A KeywordMatcher's memory by tag and word number (mentorFeatures.ts): -1 not worked out yet. */
interface NumberedMemo {
  tables: Tables;
  tags: Record<LabelKind, Int32Array>;
  words: Int32Array;
}

const unknownBits = (n: number) => new Int32Array(n).fill(-1);

/** `bits` with room for `size` numbers (at least one more than it has). */
function grow(bits: Int32Array, size: number): Int32Array {
  const next = unknownBits(Math.max(size, bits.length * 2, 16));
  next.set(bits);
  return next;
}

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
  /** One-word alternatives matched whole: folded word → term bits. */
  private readonly exactWords = new Map<string, number>();
  /** One-word alternatives matched at the start of a word. */
  private readonly prefixWords: { want: string; bit: number }[] = [];
  /** Alternatives of several words; their first words. */
  private readonly phrases: { words: readonly string[]; prefix: boolean; bit: number }[] = [];
  private readonly phraseStarts = new Set<string>();
  /** What is remembered per tag and word number for the tables in use. */
  private numbered: NumberedMemo | null = null;

  constructor(
    terms: readonly QueryTerm[],
    private readonly vocabulary: Vocabulary = BASE_VOCABULARY,
  ) {
    this.terms = terms.slice(0, MAX_TERMS);
    this.all = this.terms.length === 0 ? 0 : 2 ** this.terms.length - 1;
    this.grants = this.labelMask(" grant ");
    this.publications = this.labelMask(" publication ");
    this.terms.forEach((term, t) => {
      const bit = 1 << t;
      for (const alt of term.alternatives) {
        if (alt.words.length > 1) {
          this.phrases.push({ words: alt.words, prefix: term.prefix, bit });
          this.phraseStarts.add(alt.words[0]!);
        } else if (term.prefix) this.prefixWords.push({ want: alt.words[0]!, bit });
        else this.exactWords.set(alt.words[0]!, (this.exactWords.get(alt.words[0]!) ?? 0) | bit);
      }
    });
  }

  private numberedFor(tables: Tables): NumberedMemo {
    this.numbered = {
      tables,
      tags: {
        interests: unknownBits(tables.tags.size),
        specialties: unknownBits(0),
        subspecialties: unknownBits(0),
        careerPaths: unknownBits(0),
      },
      words: unknownBits(tables.words.size),
    };
    return this.numbered;
  }

  /** The terms a tag's label matches (labelMask), remembered by tag number. */
  private tagBits(memo: NumberedMemo, kind: LabelKind, id: number): number {
    let bits = memo.tags[kind];
    if (id >= bits.length) bits = memo.tags[kind] = grow(bits, memo.tables.tags.size);
    let m = bits[id]!;
    if (m < 0) m = bits[id] = this.label(kind, memo.tables.tags.strings[id]!);
    return m;
  }

  /**
   * The terms a word (by number) matches on its own, remembered: bits 0–29 the terms it matches
   * as a one-word alternative, STARTS_PHRASE when a phrase of several words starts with it.
   */
  private wordBits(memo: NumberedMemo, id: number): number {
    let bits = memo.words;
    if (id >= bits.length) bits = memo.words = grow(bits, memo.tables.words.size);
    let m = bits[id]!;
    if (m < 0) {
      const raw = memo.tables.words.strings[id]!;
      const folded = memo.tables.words.folded[id]!;
      m = this.exactWords.get(folded) ?? 0;
      for (const p of this.prefixWords) if (folded.startsWith(p.want) || raw.startsWith(p.want)) m |= p.bit;
      if (this.phraseStarts.has(folded)) m |= STARTS_PHRASE;
      bits[id] = m;
    }
    return m;
  }

  /** `already` and the terms a field's words match (phraseInText's matches, by word number: the words of one field in order), stopping once every term is. */
  private wordsMask(memo: NumberedMemo, words: Int32Array, already: number): number {
    let m = already;
    for (let i = 0; i < words.length && m !== this.all; i++) {
      const bits = this.wordBits(memo, words[i]!);
      m |= bits & ~STARTS_PHRASE;
      if (bits & STARTS_PHRASE) m |= this.phrasesAt(memo, words, i);
    }
    return m;
  }

  /** Terms whose phrase of several words starts at word i. */
  private phrasesAt(memo: NumberedMemo, words: Int32Array, i: number): number {
    const { strings, folded } = memo.tables.words;
    let m = 0;
    for (const p of this.phrases) {
      const want = p.words;
      if (i + want.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < want.length && ok; k++) {
        const id = words[i + k]!;
        ok = p.prefix && k === want.length - 1 ? folded[id]!.startsWith(want[k]!) || strings[id]!.startsWith(want[k]!) : folded[id] === want[k];
      }
      if (ok) m |= p.bit;
    }
    return m;
  }

  /** Bit t set when term t matches (any of its alternatives). */
  mask(profile: ProfileData): number {
    return this.maskOf(featuresOf(profile), profile);
  }

  /** How many terms the profile matches. */
  count(profile: ProfileData): number {
    return this.countOf(featuresOf(profile), profile);
  }

  /** count, for a profile whose features (featuresOf) the caller already has. */
  countOf(f: MentorFeatures, profile: ProfileData): number {
    let m = this.maskOf(f, profile);
    let n = 0;
    while (m) {
      n += m & 1;
      m >>>= 1;
    }
    return n;
  }

  /**
   * mask, from the profile's numbered tags and words: each tag's label and each distinct word is
   * matched against the terms once per search (remembered by number), then a mentor's mask is the
   * OR of its tags' and words' bits, plus the phrases of several words found in a row.
   */
  maskOf(f: MentorFeatures, profile: ProfileData): number {
    if (this.all === 0) return 0;
    const memo = f.tables === this.numbered?.tables ? this.numbered : this.numberedFor(f.tables);
    let m = 0;
    const tags = f.allTags;
    for (let i = 0; i < tags.length; i++) m |= this.tagBits(memo, "interests", tags[i]!);
    if (f.specialtyTag >= 0) m |= this.tagBits(memo, "specialties", f.specialtyTag);
    if (f.subspecialtyTag >= 0) m |= this.tagBits(memo, "subspecialties", f.subspecialtyTag);
    const paths = f.careerPathTags;
    for (let i = 0; i < paths.length; i++) m |= this.tagBits(memo, "careerPaths", paths[i]!);
    if (profile.helpedGrants) m |= this.grants;
    if (profile.copublishes) m |= this.publications;
    if (m !== this.all && f.bioWords.length) m = this.wordsMask(memo, f.bioWords, m);
    if (m !== this.all && f.editorialWords.length) m = this.wordsMask(memo, f.editorialWords, m);
    return m;
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
}

/** Matches parsed terms against one mentor's profile (a one-off; rankings reuse a KeywordMatcher). */
export function matchKeywords(terms: readonly QueryTerm[], profile: ProfileData, vocabulary: Vocabulary = BASE_VOCABULARY): KeywordMatch {
  return new KeywordMatcher(terms, vocabulary).match(profile);
}


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

