import type { CoverageGrid } from './coverage-grid'
import { EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180

/**
 * The grid rows whose center line a circle of `radiusMeters` great-circle distance around latitude `lat` can
 * cross, clipped to the grid: writes the first and last row into `out` (last < first when none). Every row
 * circleRowSpans visits lies in this range, so it bounds the chords a circle gives each row.
 *
 * @example
 * const range = new Int32Array(2)
 * circleRowRange(grid, 31.87, 1000, range) // range[1] - range[0] + 1 ≈ 80 rows of 25 m
 */
export function circleRowRange(grid: CoverageGrid, lat: number, radiusMeters: number, out: Int32Array): void {
  const { cellSizeMeters, rows, originY, standardCos } = grid
  const angle = radiusMeters / EARTH_RADIUS_METERS
  const siteLat = lat * RADIANS
  const yLow = (EARTH_RADIUS_METERS * Math.sin(Math.max(-Math.PI / 2, siteLat - angle))) / standardCos
  const yHigh = (EARTH_RADIUS_METERS * Math.sin(Math.min(Math.PI / 2, siteLat + angle))) / standardCos
  out[0] = Math.max(0, Math.ceil((yLow - originY) / cellSizeMeters - 0.5))
  out[1] = Math.min(rows - 1, Math.floor((yHigh - originY) / cellSizeMeters - 0.5))
}
