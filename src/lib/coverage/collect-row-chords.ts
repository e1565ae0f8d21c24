import { circleRowRange } from './circle-row-range'
import { circleRowSpans } from './circle-row-spans'
import { FRACTION_UNITS, type CoverageGrid } from './coverage-grid'

/** The circles' chords grouped by grid row: row r owns slots start[r] … end[r] − 1 of lows and highs. */
export interface RowChords {
  start: Int32Array
  end: Int32Array
  /** Chord ends in FRACTION_UNITS of a cell (below 2^32: the grid has fewer than 65,536 columns). */
  lows: Uint32Array
  highs: Uint32Array
}

/** Positions of the centers ordered west to east (longitude quantised to 2^-30 of the span; ties by position). */
function westToEast(centers: readonly { lng: number }[]): Int32Array {
  let west = Infinity, east = -Infinity
  for (const { lng } of centers) { west = Math.min(west, lng); east = Math.max(east, lng) }
  const scale = 2 ** 30 / (east - west || 1)
  const slots = 2 ** Math.ceil(Math.log2(centers.length + 1))
  const keys = Float64Array.from(centers, ({ lng }, index) => Math.floor((lng - west) * scale) * slots + index).sort()
  return Int32Array.from(keys, (key) => key % slots)
}

/** Per row, an upper bound of the chords the circles give it, as block starts (length rows + 1). */
function rowBlocks(grid: CoverageGrid, centers: readonly { lat: number }[], radiusMeters: number): Int32Array {
  const range = new Int32Array(2)
  const capacity = new Int32Array(grid.rows + 1)
  for (const { lat } of centers) {
    circleRowRange(grid, lat, radiusMeters, range)
    if (range[1] >= range[0]) { capacity[range[0]]++; capacity[range[1] + 1]-- }
  }
  const start = new Int32Array(grid.rows + 1)
  for (let row = 0, active = 0; row < grid.rows; row++) {
    active += capacity[row]
    start[row + 1] = start[row] + active
  }
  return start
}

/**
 * Every circle's exact chords, written straight into their row's block (each circle's row range bounds the
 * chords per row, which sizes the blocks). Circles are visited west to east, so each row's chords arrive
 * almost sorted by their low end (a chord's low end is its center minus at most the radius).
 *
 * @example
 * const chords = collectRowChords(grid, sites, 1000)
 * chords.end[40] - chords.start[40] // chords on row 40
 */
export function collectRowChords(
  grid: CoverageGrid, centers: readonly { lng: number; lat: number }[], radiusMeters: number,
): RowChords {
  const start = rowBlocks(grid, centers, radiusMeters)
  const lows = new Uint32Array(start[grid.rows])
  const highs = new Uint32Array(start[grid.rows])
  const end = start.slice(0, grid.rows)
  const collect = (row: number, low: number, high: number) => {
    const slot = end[row]++
    lows[slot] = low
    highs[slot] = high
  }
  for (const index of westToEast(centers)) {
    circleRowSpans(grid, centers[index].lng, centers[index].lat, radiusMeters, FRACTION_UNITS, collect)
  }
  return { start, end, lows, highs }
}
