import { BORDER_ZONE } from './coverage-grid'

/**
 * The limits the coverage engine keeps. Sites have none: cell counts are 32-bit and chords are stored per row
 * (about 8 bytes per site and grid row its circle crosses: 200,000 sites at 1 km and 25 m cells ≈ 130 MB).
 */
export const COVERAGE_LIMITS = {
  /** A cell's class keeps the zone index in 7 bits, two values reserved (border cells, no zone). */
  maxZones: BORDER_ZONE - 1,
  /** Chord ends are 32-bit integers in 1/65,536 of a cell. */
  maxGridColumns: 65535,
} as const

/** Sizes to check; leave out what is not known yet. */
export interface CoverageSize {
  zones?: number
  gridColumns?: number
}

/**
 * One line naming the first coverage limit an input exceeds, or null when it fits: the build script calls it
 * up front (and exits 2), createCoverageGrid throws it as a RangeError.
 *
 * @example
 * coverageLimitError({ zones: 9 }) // null
 * coverageLimitError({ zones: 200 }) // '200 zones: the coverage engine takes at most 125'
 */
export function coverageLimitError(size: CoverageSize): string | null {
  if (size.zones !== undefined && size.zones > COVERAGE_LIMITS.maxZones) {
    return `${size.zones} zones: the coverage engine takes at most ${COVERAGE_LIMITS.maxZones}`
  }
  if (size.gridColumns !== undefined && size.gridColumns > COVERAGE_LIMITS.maxGridColumns) {
    return `${size.gridColumns} grid columns: at most ${COVERAGE_LIMITS.maxGridColumns}; use larger cells`
  }
  return null
}
