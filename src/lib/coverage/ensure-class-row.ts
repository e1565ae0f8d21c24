import { NO_ZONE, type CoverageGrid } from './coverage-grid'

/**
 * Fill one row of grid.cellClass from the grid's class runs, once (idempotent, so a grid shared by several
 * states stays consistent); allocates cellClass on first use. Keeps building a grid free of per-cell work.
 *
 * @example
 * ensureClassRow(grid, 120)
 * grid.cellClass[120 * grid.columns + 40] // zone index | IN_CITY
 */
export function ensureClassRow(grid: CoverageGrid, row: number): void {
  if (grid.classRowReady[row]) return
  if (grid.cellClass.length === 0) grid.cellClass = new Uint8Array(grid.columns * grid.rows)
  const offset = row * grid.columns
  grid.cellClass.fill(NO_ZONE, offset, offset + grid.columns)
  for (let run = grid.rowRuns[row]; run < grid.rowRuns[row + 1]; run++) {
    grid.cellClass.fill(grid.runClass[run], offset + grid.runStart[run], offset + grid.runEnd[run])
  }
  grid.classRowReady[row] = 1
}
