import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import { buildRunTable } from './build-run-table'
import type { CoverageGrid } from './coverage-grid'
import { coverageLimitError } from './coverage-limit-error'
import { OutlineRows } from './outline-rows'
import { polygonRings, type PolygonSource } from './polygon-rings'
import { DEFAULT_CELL_SIZE_METERS, EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180

export interface CoverageGridOptions {
  /** Zones (planning areas, or a planner's own): Polygon/MultiPolygon features whose properties.id names the zone. */
  zones: FeatureCollection<Geometry | null, { id: string }>
  /** The city outline; defaults to the union of the zones. */
  boundary?: PolygonSource
  cellSizeMeters?: number
}

/** The projection and size of a grid, before any outline is drawn into it. */
type Frame = Pick<CoverageGrid,
  'cellSizeMeters' | 'columns' | 'rows' | 'originX' | 'originY' | 'centralLng' | 'standardCos' | 'rowLat' | 'rowCos' | 'rowSec'>

function extent(rings: Position[][]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const ring of rings) for (const [lng, lat] of ring) {
    box[0] = Math.min(box[0], lng); box[1] = Math.min(box[1], lat)
    box[2] = Math.max(box[2], lng); box[3] = Math.max(box[3], lat)
  }
  return box
}

/** Cylindrical equal-area frame over the rings' extent, standard parallel at its middle latitude. */
function equalAreaFrame(rings: Position[][], cellSizeMeters: number): Frame {
  const [west, south, east, north] = extent(rings)
  const standardCos = Math.cos(((south + north) / 2) * RADIANS)
  const centralLng = (west + east) / 2
  const originX = EARTH_RADIUS_METERS * (west - centralLng) * RADIANS * standardCos
  const originY = (EARTH_RADIUS_METERS * Math.sin(south * RADIANS)) / standardCos
  const eastX = EARTH_RADIUS_METERS * (east - centralLng) * RADIANS * standardCos
  const northY = (EARTH_RADIUS_METERS * Math.sin(north * RADIANS)) / standardCos
  const columns = Math.max(1, Math.ceil((eastX - originX) / cellSizeMeters))
  const rows = Math.max(1, Math.ceil((northY - originY) / cellSizeMeters))
  const rowLat = new Float64Array(rows), rowCos = new Float64Array(rows), rowSec = new Float64Array(rows)
  for (let row = 0; row < rows; row++) {
    const y = originY + (row + 0.5) * cellSizeMeters
    rowLat[row] = Math.asin(Math.max(-1, Math.min(1, (y * standardCos) / EARTH_RADIUS_METERS)))
    rowCos[row] = Math.cos(rowLat[row])
    rowSec[row] = 1 / rowCos[row]
  }
  return { cellSizeMeters, columns, rows, originX, originY, centralLng, standardCos, rowLat, rowCos, rowSec }
}

/** Lng/lat → grid units (x = column, y = row) of a frame. */
function toGridUnits(frame: Frame): (vertex: Position) => [number, number] {
  const { centralLng, standardCos, originX, originY, cellSizeMeters } = frame
  return ([lng, lat]) => [
    (EARTH_RADIUS_METERS * (lng - centralLng) * RADIANS * standardCos - originX) / cellSizeMeters,
    ((EARTH_RADIUS_METERS * Math.sin(lat * RADIANS)) / standardCos - originY) / cellSizeMeters,
  ]
}

/**
 * Build the count-grid frame for the zones (and city boundary): every outline is scan-converted with exact
 * cell fractions, then each row is cut into runs of one class. Static per dataset: reuse it across radii,
 * bases and what-if states. Throws when the zones or the grid exceed COVERAGE_LIMITS.
 *
 * @example
 * const grid = createCoverageGrid({ zones, boundary, cellSizeMeters: 25 })
 * grid.columns * grid.rows // ≈ 2.3 million cells for Zhangjiagang
 */
export function createCoverageGrid(options: CoverageGridOptions): CoverageGrid {
  const cellSizeMeters = options.cellSizeMeters ?? DEFAULT_CELL_SIZE_METERS
  const zoneRings = options.zones.features.map((feature) => polygonRings(feature as Feature))
  const cityRings = options.boundary ? polygonRings(options.boundary) : zoneRings.flat()
  const frame = equalAreaFrame([...cityRings, ...zoneRings.flat()], cellSizeMeters)
  const limitError = coverageLimitError({ zones: zoneRings.length, gridColumns: frame.columns })
  if (limitError) throw new RangeError(limitError)
  const outlines = new OutlineRows([...zoneRings, cityRings], zoneRings.length, frame.columns, frame.rows, toGridUnits(frame))
  return {
    ...frame, ...buildRunTable(outlines, frame.columns, frame.rows),
    cellClass: new Uint8Array(0), classRowReady: new Uint8Array(frame.rows),
    areaIds: options.zones.features.map((feature) => feature.properties.id),
  }
}
