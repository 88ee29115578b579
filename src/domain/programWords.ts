import { normalizeTag, parseVocabularyExtension, vocabularyWith, type Term, type VocabularyExtension } from "./vocabulary.js";

/**
 * A program's own words: specialties, subspecialties, career paths and interests added to the
 * built-in vocabulary (Program.vocabulary). People in the program see them in their profile form;
 * a roster may use them. Set from the CLI (`program settings --add-word interests="CAR-T therapy"`).
 */

export const WORD_KINDS = ["specialties", "subspecialties", "careerPaths", "interests"] as const;
export type WordKind = (typeof WORD_KINDS)[number];

export interface ProgramWord {
  kind: WordKind;
  term: Term;
}

/** A label fits a Slack option; a program's words of one kind stay well inside a select's 100 options with the built-in ones. */
export const WORD_LIMITS = { label: 60, perKind: 60 } as const;

/** "interests=CAR-T therapy" → the word (its key made from the label), or what is wrong with it. */
export function parseWord(text: string): { ok: true; word: ProgramWord } | { ok: false; message: string } {
  const at = text.indexOf("=");
  const kind = text.slice(0, Math.max(0, at)).trim();
  const label = text.slice(at + 1).trim().replace(/\s+/g, " ");
  if (at < 0 || !(WORD_KINDS as readonly string[]).includes(kind)) return { ok: false, message: `write KIND=Label, with KIND one of ${WORD_KINDS.join(", ")}` };
  const key = normalizeTag(label);
  if (!key) return { ok: false, message: "give the word a label with letters or digits" };
  if (label.length > WORD_LIMITS.label) return { ok: false, message: `a label can be at most ${WORD_LIMITS.label} characters` };
  return { ok: true, word: { kind: kind as WordKind, term: { key, label } } };
}

/** The program's stored words (unreadable: none). */
export function readWords(json: unknown): VocabularyExtension {
  return parseVocabularyExtension(json) ?? {};
}

export type WordsChange = { add?: readonly ProgramWord[]; remove?: readonly ProgramWord[] };

/**
 * The words after a change: removed by key, then added (a word already built in, or already the
 * program's, is refused by name so nothing is added twice; so is going over WORD_LIMITS.perKind).
 * Nothing changes on a problem.
 */
export function changeWords(
  current: VocabularyExtension,
  change: WordsChange,
): { ok: true; words: VocabularyExtension } | { ok: false; problem: "missing" | "exists" | "too_many"; word: ProgramWord } {
  const next: VocabularyExtension = Object.fromEntries(WORD_KINDS.map((k) => [k, [...(current[k] ?? [])]]));
  for (const w of change.remove ?? []) {
    const list = next[w.kind]!;
    if (!list.some((t) => t.key === w.term.key)) return { ok: false, problem: "missing", word: w };
    next[w.kind] = list.filter((t) => t.key !== w.term.key);
  }
  for (const w of change.add ?? []) {
    if (vocabularyWith(next)[w.kind].some((t) => t.key === w.term.key)) return { ok: false, problem: "exists", word: w };
    next[w.kind] = [...next[w.kind]!, w.term];
    if (next[w.kind]!.length > WORD_LIMITS.perKind) return { ok: false, problem: "too_many", word: w };
  }
  for (const k of WORD_KINDS) if (!next[k]!.length) delete next[k];
  return { ok: true, words: next };
}
