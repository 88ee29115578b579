import type { ProfileData } from "./profile.js";
import { rawWords, singular } from "./textFold.js";

/**
 * What a keyword search (keywords.ts KeywordMatcher) reads of a mentor's profile that is the same
 * for every search, worked out once per profile object and kept beside it (a WeakMap: it goes when
 * the profile goes, so a cached pool's features live as long as that pool load):
 *
 * - tags (expertise, interests, career paths, specialty, subspecialty) as numbers, so a search
 *   remembers each tag's label match in an array indexed by number, not a map of strings;
 * - bio and editorial roles split into words once (numbered too: lower case, accent-free), so a
 *   search matches each distinct word once instead of lower-casing and scanning every bio.
 *
 * The scoring factors read the profile itself: tried with their own numbered tags and per-priority
 * support in typed arrays, a search without words was slower (more objects touched per mentor).
 *
 * Numbers are from tables shared by all profiles, which only grow; should they grow past
 * MAX_STRINGS they are started afresh when the next ranking begins, and features numbered from the
 * old ones are rebuilt when next read.
 *
 * A profile is treated as a value: features are rebuilt when any field they came from is a
 * different value than when they were built (a field replaced, as an edit does), never patched.
 * Arrays are not expected to be changed in place.
 */

/** Strings numbered in the order first seen: the same string, the same number. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly strings: string[] = [];

  idOf(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  get size(): number {
    return this.strings.length;
  }
}

/** Numbered words, each with its folded form (textFold.ts singular) beside it. */
export class WordTable extends Interner {
  readonly folded: string[] = [];

  override idOf(s: string): number {
    const before = this.size;
    const id = super.idOf(s);
    if (id === before) this.folded.push(singular(s));
    return id;
  }
}

const MAX_STRINGS = 1 << 20;
/** Characters of the texts kept by text (tables.texts), at most (about 16 MB of one-byte strings). */
const MAX_TEXT_CHARS = 1 << 24;

export interface Tables {
  /** Tag and key numbers (expertise, interests, career paths, specialties, subspecialties). */
  readonly tags: Interner;
  /** Words of bios and editorial roles (raw: lower case, accent-free, not singular). */
  readonly words: WordTable;
  /** A text's word numbers by the text: a pool loaded again brings the same bios as new strings. */
  readonly texts: Map<string, Int32Array>;
  /** Their characters, in all. */
  textChars: number;
}

const newTables = (): Tables => ({ tags: new Interner(), words: new WordTable(), texts: new Map(), textChars: 0 });
let live: Tables = newTables();

/** The tables a ranking starts with (started afresh first when they grew too large): rank() calls it before a keyword search. */
export function currentTables(): Tables {
  if (live.tags.size > MAX_STRINGS || live.words.size > MAX_STRINGS || live.textChars > MAX_TEXT_CHARS) startTablesAfresh();
  return live;
}

/** New, empty tables: features numbered from the old ones are rebuilt when next read. */
export function startTablesAfresh(): void {
  live = newTables();
}

const NO_IDS = new Int32Array(0);

function idsOf(table: Interner, list: readonly string[]): Int32Array {
  if (list.length === 0) return NO_IDS;
  const ids = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) ids[i] = table.idOf(list[i]!);
  return ids;
}

function wordsOf(tables: Tables, text: string | null): Int32Array {
  if (!text) return NO_IDS;
  let ids = tables.texts.get(text);
  if (ids === undefined) {
    ids = idsOf(tables.words, rawWords(text));
    tables.texts.set(text, ids);
    tables.textChars += text.length;
  }
  return ids;
}

export class MentorFeatures {
  /** The tables its numbers are from. */
  readonly tables: Tables = live;
  // What they were built from.
  readonly expertise: readonly string[];
  readonly interests: readonly string[];
  readonly careerPaths: readonly string[];
  readonly specialty: string | null;
  readonly subspecialty: string | null;
  readonly editorialRoles: string | null;
  readonly bio: string | null;

  /** Every expertise and interest tag, each once. */
  readonly allTags: Int32Array;
  readonly careerPathTags: Int32Array;
  /** -1 when none. */
  readonly specialtyTag: number;
  readonly subspecialtyTag: number;
  readonly bioWords: Int32Array;
  readonly editorialWords: Int32Array;

  constructor(p: ProfileData) {
    this.expertise = p.expertise;
    this.interests = p.interests;
    this.careerPaths = p.careerPaths;
    this.specialty = p.specialty;
    this.subspecialty = p.subspecialty;
    this.editorialRoles = p.editorialRoles;
    this.bio = p.bio;

    const { tags } = this.tables;
    this.allTags = idsOf(tags, [...new Set([...p.expertise, ...p.interests])]);
    this.careerPathTags = idsOf(tags, p.careerPaths);
    this.specialtyTag = p.specialty ? tags.idOf(p.specialty) : -1;
    this.subspecialtyTag = p.subspecialty ? tags.idOf(p.subspecialty) : -1;
    this.bioWords = wordsOf(this.tables, p.bio);
    this.editorialWords = wordsOf(this.tables, p.editorialRoles);
  }

  /** Whether these features still describe `p` (every field they came from is the same value). */
  describes(p: ProfileData): boolean {
    return (
      this.tables === live &&
      this.expertise === p.expertise &&
      this.interests === p.interests &&
      this.careerPaths === p.careerPaths &&
      this.specialty === p.specialty &&
      this.subspecialty === p.subspecialty &&
      this.editorialRoles === p.editorialRoles &&
      this.bio === p.bio
    );
  }
}

const features = new WeakMap<ProfileData, MentorFeatures>();

/** The profile's features, built on first use and whenever a field they came from changed. */
export function featuresOf(p: ProfileData): MentorFeatures {
  let f = features.get(p);
  if (f === undefined || !f.describes(p)) {
    f = new MentorFeatures(p);
    features.set(p, f);
  }
  return f;
}
