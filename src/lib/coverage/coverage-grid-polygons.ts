import type { Feature, MultiPolygon } from 'geojson'
import { IN_CITY, type CoverageGrid } from './coverage-grid'
import { ensureClassRow } from './ensure-class-row'
import { EARTH_RADIUS_METERS } from './types'

const DEGREES = 180 / Math.PI

export interface GridPolygonOptions {
  /** Cells per block edge: 4 turns 25 m cells into 100 m display blocks. */
  blockCells?: number
  /** Keep only blocks inside the city outline (default true). */
  clipToCity?: boolean
}

/**
 * The covered area as one MultiPolygon of non-overlapping rectangles, read from the count grid at block
 * resolution (a block is covered when its center cell is). Samples one cell per block, so it is cheap
 * enough to redo while dragging.
 *
 * @example
 * coverageGridPolygons(state.grid, state.cellCounts(), { blockCells: 4 }).geometry.coordinates.length // rectangles
 */
export function coverageGridPolygons(
  grid: CoverageGrid, cellCounts: Readonly<ArrayLike<number>>, options: GridPolygonOptions = {},
): Feature<MultiPolygon> {
  const block = Math.max(1, Math.round(options.blockCells ?? 4))
  const clip = options.clipToCity ?? true
  const blockColumns = Math.ceil(grid.columns / block)
  const blockRows = Math.ceil(grid.rows / block)
  const size = grid.cellSizeMeters * block
  const toLng = (column: number) =>
    grid.centralLng + ((grid.originX + column * size) / (EARTH_RADIUS_METERS * grid.standardCos)) * DEGREES
  const toLat = (row: number) =>
    Math.asin(Math.min(1, ((grid.originY + Math.min(row * size, grid.rows * grid.cellSizeMeters)) * grid.standardCos) / EARTH_RADIUS_METERS)) * DEGREES
  const rectangles: number[][][][] = []
  // Open rectangles keyed by block column run (first * 65536 + last), with the block row they started in.
  let open = new Map<number, number>()
  const close = (key: number, startRow: number, endRow: number) => {
    const first = Math.floor(key / 65536)
    const last = key % 65536
    const [west, east, south, north] = [toLng(first), toLng(last + 1), toLat(startRow), toLat(endRow)]
    rectangles.push([[[west, south], [east, south], [east, north], [west, north], [west, south]]])
  }
  for (let blockRow = 0; blockRow <= blockRows; blockRow++) {
    const runs = new Map<number, number>()
    if (blockRow < blockRows) {
      const row = Math.min(grid.rows - 1, blockRow * block + (block >> 1))
      ensureClassRow(grid, row)
      let runStart = -1
      for (let blockColumn = 0; blockColumn <= blockColumns; blockColumn++) {
        const cell = row * grid.columns + Math.min(grid.columns - 1, blockColumn * block + (block >> 1))
        const covered = blockColumn < blockColumns && cellCounts[cell] > 0 && (!clip || (grid.cellClass[cell] & IN_CITY) !== 0)
        if (covered && runStart < 0) runStart = blockColumn
        if (!covered && runStart >= 0) {
          const key = runStart * 65536 + blockColumn - 1
          runs.set(key, open.get(key) ?? blockRow)
          runStart = -1
        }
      }
    }
    for (const [key, startRow] of open) if (!runs.has(key)) close(key, startRow, blockRow)
    open = runs
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: rectangles } }
}
