import { circleRowRange } from './circle-row-range'
import type { CoverageGrid } from './coverage-grid'
import { smallAsin } from './small-asin'
import { EARTH_RADIUS_METERS, } from './types'

const RADIANS = Math.PI / 180
const range = new Int32Array(2)

/**
 * Visit the exact chord of the circle of `radiusMeters` great-circle distance around lng/lat on each grid row
 * whose center line the circle crosses: `visit(row, low, high)` with the chord's ends in grid x units
 * quantised to integers of 1/`units` of a cell (x = column; cell c spans [c·units, (c + 1)·units)), clipped to
 * the grid. The chord comes from the exact longitude half-width of the spherical circle at the row's center
 * latitude, so the cost is one square root and one (series) asin per row. The quantisation makes every
 * later sum over these ends integer arithmetic, exact in doubles.
 *
 * @example
 * let area = 0
 * circleRowSpans(grid, 120.55, 31.87, 1000, 65536, (row, low, high) => { area += (high - low) / 65536 }) // ≈ 5,027 cells at 25 m
 */
export function circleRowSpans(
  grid: CoverageGrid, lng: number, lat: number, radiusMeters: number, units: number,
  visit: (row: number, low: number, high: number) => void,
): void {
  const { cellSizeMeters, columns, rowLat, rowSec, standardCos } = grid
  const angle = radiusMeters / EARTH_RADIUS_METERS
  const siteLat = lat * RADIANS
  const perSiteCos = 1 / Math.cos(siteLat)
  const havRadius = Math.sin(angle / 2) ** 2
  const metersPerRadianLng = EARTH_RADIUS_METERS * standardCos
  // Chord ends in units: the center's x, plus or minus `scale` times the half-angle's asin.
  const center = ((metersPerRadianLng * (lng - grid.centralLng) * RADIANS - grid.originX) / cellSizeMeters) * units
  const scale = ((metersPerRadianLng * 2) / cellSizeMeters) * units
  circleRowRange(grid, lat, radiusMeters, range)
  const firstRow = range[0], lastRow = range[1]
  const width = columns * units
  for (let row = firstRow; row <= lastRow; row++) {
    const half = (rowLat[row] - siteLat) / 2 // tiny: the sine series to x⁵ is exact in double precision
    const halfSquared = half * half
    const sinHalf = half < 0.01 && half > -0.01 ? half * (1 - halfSquared * (1 / 6 - halfSquared / 120)) : Math.sin(half)
    const rest = havRadius - sinHalf * sinHalf
    if (rest < 0) continue
    const halfUnits = scale * smallAsin(Math.min(1, Math.sqrt(rest * perSiteCos * rowSec[row])))
    // Rounded to the nearest unit (floor of x + 0.5: exact at these magnitudes, and cheaper than Math.round).
    const low = Math.max(0, Math.floor(center - halfUnits + 0.5))
    const high = Math.min(width, Math.floor(center + halfUnits + 0.5))
    if (high > low) visit(row, low, high)
  }
}
