/** Mentees a mentor takes when neither they nor any of their programs says otherwise. */
export const FALLBACK_CAPACITY = 3;

/**
 * How many mentees a mentor takes: their own profile's number if they gave one, else the most
 * generous default among the programs they mentor in.
 */
export function mentorCapacity(profileCapacity: number | null | undefined, programDefaults: readonly number[]): number {
  if (profileCapacity !== null && profileCapacity !== undefined) return profileCapacity;
  return programDefaults.length > 0 ? Math.max(...programDefaults) : FALLBACK_CAPACITY;
}
