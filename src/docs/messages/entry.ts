import type { Surface } from "./render.js";

/** Who reads it. */
export type Reader = "trainee" | "mentor" | "director" | "anyone";

/** One thing a person can see: when they see it, and the real view's output. */
export interface Entry {
  reader: Reader;
  title: string;
  /** What the person did, or what happened, for them to see it. */
  when: string;
  surface: Surface;
}
