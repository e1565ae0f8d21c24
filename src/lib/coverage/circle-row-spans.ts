import type { CoverageGrid } from './create-coverage-grid'
import { smallAsin } from './small-asin'
import { EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180

/**
 * Visit the cells whose centre lies within `radiusMeters` great-circle distance of lng/lat, one run per
 * grid row: `visit(firstCell, lastCell)` with flat cell indexes (row * columns + column). Each row's run
 * comes from the exact longitude half-width of the spherical circle at that row's latitude, so the cost
 * is one square root and one (series) asin per row.
 *
 * @example
 * let cells = 0
 * circleRowSpans(grid, 120.55, 31.87, 1000, (first, last) => { cells += last - first + 1 }) // cells ≈ 5,027 at 25 m
 */
export function circleRowSpans(
  grid: CoverageGrid, lng: number, lat: number, radiusMeters: number, visit: (firstCell: number, lastCell: number) => void,
): void {
  const { cellSizeMeters, columns, rows, originY, rowLat, rowCos, standardCos } = grid
  const angle = radiusMeters / EARTH_RADIUS_METERS
  const siteLat = lat * RADIANS
  const siteCos = Math.cos(siteLat)
  const havRadius = Math.sin(angle / 2) ** 2
  const metersPerRadianLng = EARTH_RADIUS_METERS * standardCos
  const siteColumn = (metersPerRadianLng * (lng - grid.centralLng) * RADIANS - grid.originX) / cellSizeMeters - 0.5
  const yLow = (EARTH_RADIUS_METERS * Math.sin(Math.max(-Math.PI / 2, siteLat - angle))) / standardCos
  const yHigh = (EARTH_RADIUS_METERS * Math.sin(Math.min(Math.PI / 2, siteLat + angle))) / standardCos
  const firstRow = Math.max(0, Math.ceil((yLow - originY) / cellSizeMeters - 0.5))
  const lastRow = Math.min(rows - 1, Math.floor((yHigh - originY) / cellSizeMeters - 0.5))
  for (let row = firstRow; row <= lastRow; row++) {
    const half = (rowLat[row] - siteLat) / 2 // tiny: the sine series to x⁵ is exact in double precision
    const halfSquared = half * half
    const sinHalf = half < 0.01 && half > -0.01 ? half * (1 - halfSquared * (1 / 6 - halfSquared / 120)) : Math.sin(half)
    const rest = havRadius - sinHalf * sinHalf
    if (rest < 0) continue
    const halfColumns = (metersPerRadianLng * 2 * smallAsin(Math.min(1, Math.sqrt(rest / (siteCos * rowCos[row]))))) / cellSizeMeters
    const first = Math.max(0, Math.ceil(siteColumn - halfColumns))
    const last = Math.min(columns - 1, Math.floor(siteColumn + halfColumns))
    if (last >= first) visit(row * columns + first, row * columns + last)
  }
}
