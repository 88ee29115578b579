import { z } from "zod";

/**
 * How one button's value (or one modal's private_metadata) is written into Block Kit and read
 * back. Each id a feature declares carries its codec, so the view that writes a value and the
 * listener that reads it cannot disagree; a value that does not decode (a message from an older
 * version, a forged request) is refused before any work is done.
 */
export interface ValueCodec<V> {
  encode(value: V): string;
  /** `{ value }`, or null when `raw` is not one. */
  decode(raw: string): { value: V } | null;
}

/** A button with no value of its own (the presser is all it needs). */
export const noValue: ValueCodec<void> = { encode: () => "", decode: () => ({ value: undefined }) };

/** A value that is one id, as it is (a match, request or check-in id). */
export const idValue: ValueCodec<string> = {
  encode: (id) => id,
  decode: (raw) => (raw.length > 0 && raw.length <= 200 ? { value: raw } : null),
};

/** A value that is one of `values`, as it is (a menu option, a key). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T): ValueCodec<T[number]> {
  return { encode: (v) => v, decode: (raw) => (values.includes(raw) ? { value: raw as T[number] } : null) };
}

/** A value written as JSON and read back through `schema`. */
export function jsonValue<S extends z.ZodType>(schema: S): ValueCodec<z.infer<S>> {
  return {
    encode: (value) => JSON.stringify(value),
    decode: (raw) => {
      try {
        const parsed = schema.safeParse(JSON.parse(raw));
        return parsed.success ? { value: parsed.data } : null;
      } catch {
        return null;
      }
    },
  };
}

/** A value of fields joined by `separator` ("run:version"), each read through its schema. */
export function joinedValue<const S extends Record<string, z.ZodType>>(separator: string, fields: S): ValueCodec<{ [K in keyof S]: z.infer<S[K]> }> {
  const keys = Object.keys(fields) as (keyof S & string)[];
  const schema = z.object(fields);
  return {
    encode: (value) => keys.map((k) => String(value[k])).join(separator),
    decode: (raw) => {
      const parts = raw.split(separator);
      if (parts.length !== keys.length) return null;
      const parsed = schema.safeParse(Object.fromEntries(keys.map((k, i) => [k, parts[i]])));
      return parsed.success ? { value: parsed.data as { [K in keyof S]: z.infer<S[K]> } } : null;
    },
  };
}

/**
 * A button, menu or select's action id with the codec of its value. `suffixed` ids are completed
 * by the view (`match_cadence_<key>`), because one message may hold the same button more than once
 * and Slack wants action ids unique within a message: the listener answers every id that starts
 * with `id` + "_".
 */
export interface ActionId<V, I extends string = string> {
  readonly kind: "action";
  readonly id: I;
  readonly codec: ValueCodec<V>;
  readonly suffixed: boolean;
}

/** A modal's callback id with the codec of its private_metadata. */
export interface ViewId<M, I extends string = string> {
  readonly kind: "view";
  readonly id: I;
  readonly metadata: ValueCodec<M>;
}

export function action<const I extends string, V = void>(id: I, codec: ValueCodec<V> = noValue as ValueCodec<V>, options: { suffixed?: boolean } = {}): ActionId<V, I> {
  return { kind: "action", id, codec, suffixed: options.suffixed ?? false };
}

export function view<const I extends string, M = void>(id: I, metadata: ValueCodec<M> = noValue as ValueCodec<M>): ViewId<M, I> {
  return { kind: "view", id, metadata };
}

/** The action id a view writes for a suffixed id (`match_cadence` + `monthly` → `match_cadence_monthly`). */
export const suffixedId = (id: ActionId<unknown>, suffix: string): string => `${id.id}_${suffix}`;

/** The bare ids of a feature's declared ids, for the views that write them into Block Kit. */
export function idsOf<const T extends Record<string, { id: string }>>(declared: T): { readonly [K in keyof T]: T[K]["id"] } {
  return Object.fromEntries(Object.entries(declared).map(([key, d]) => [key, d.id])) as { readonly [K in keyof T]: T[K]["id"] };
}
