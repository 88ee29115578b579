import { Bits, type OptionBuilder } from "slack-block-builder";
import type { Term } from "../../../domain/vocabulary.js";

/** Slack lists at most 100 options in a select; option text at most 75 characters. */
export const MAX_OPTIONS = 100;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const optionOf = (t: Term): OptionBuilder => Bits.Option({ text: clip(t.label, 75), value: t.key });

export const optionsOf = (terms: readonly Term[]): OptionBuilder[] => terms.slice(0, MAX_OPTIONS).map(optionOf);

/** The stored key as an initial option, only when it is one of the options (Slack rejects others). */
export function initialOf(terms: readonly Term[], key: string | null): OptionBuilder[] {
  const t = key ? terms.slice(0, MAX_OPTIONS).find((x) => x.key === key) : undefined;
  return t ? [optionOf(t)] : [];
}

export function initialsOf(terms: readonly Term[], keys: readonly string[]): OptionBuilder[] {
  const shown = terms.slice(0, MAX_OPTIONS);
  return keys.flatMap((k) => {
    const t = shown.find((x) => x.key === k);
    return t ? [optionOf(t)] : [];
  });
}

export const YES_NO: readonly Term[] = [
  { key: "yes", label: "Yes" },
  { key: "no", label: "No" },
  { key: "unset", label: "Not set" },
];

export const yesNoKey = (value: boolean | null): string => (value === null ? "unset" : value ? "yes" : "no");
