/** A deterministic source of numbers in [0, 1). */
export type Random = () => number

/** FNV-1a over UTF-16 code units, so string seeds such as 'registry-2024' work too. */
function hashSeed(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0
  let hash = 0x811c9dc5
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * mulberry32: a tiny seeded PRNG. The same seed always gives the same sequence, on every platform.
 * Not for cryptography; for sample data and deterministic placement.
 *
 * @example
 * const random = seededRandom('communities')
 * random() // 0.… (always the same first value for this seed)
 */
export function seededRandom(seed: number | string): Random {
  let state = hashSeed(seed)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}
