import type { Position } from 'geojson'
import { gridEdges } from './grid-edges'

/**
 * Even-odd scanline fill of rings given in grid units (x = column, y = row, cell centers at +0.5):
 * calls `fillRow(row, firstColumn, lastColumn)` for every run of cells whose center is inside.
 * `toGrid` maps a [lng, lat] vertex to grid units.
 *
 * @example
 * scanlineFill([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], 4, 4, (p) => p, (row, a, b) => console.log(row, a, b))
 * // 0 0 1, then 1 0 1
 */
export function scanlineFill(
  rings: readonly Position[][],
  columns: number,
  rows: number,
  toGrid: (vertex: Position) => [number, number],
  fillRow: (row: number, firstColumn: number, lastColumn: number) => void,
): void {
  // Sorted by lowY; rows walk an active list.
  const edges = gridEdges(rings, toGrid)
  if (edges.length === 0) return
  const firstRow = Math.max(0, Math.ceil(edges[0][0] - 0.5))
  const lastRow = Math.min(rows - 1, Math.floor(Math.max(...edges.map((edge) => edge[1])) - 0.5))
  const active: typeof edges = []
  let next = 0
  const crossings: number[] = []
  for (let row = firstRow; row <= lastRow; row++) {
    const y = row + 0.5
    while (next < edges.length && edges[next][0] <= y) active.push(edges[next++])
    // Half-open [lowY, highY) so a vertex on the scanline is counted once; drop finished edges in place.
    let kept = 0
    crossings.length = 0
    for (let index = 0; index < active.length; index++) {
      const edge = active[index]
      if (edge[1] <= y) continue
      active[kept++] = edge
      // Insertion sort: a scanline crosses only a few edges.
      const crossing = edge[2] + (y - edge[0]) * edge[3]
      let slot = crossings.length
      crossings.push(crossing)
      while (slot > 0 && crossings[slot - 1] > crossing) { crossings[slot] = crossings[slot - 1]; slot-- }
      crossings[slot] = crossing
    }
    active.length = kept
    for (let pair = 0; pair + 1 < crossings.length; pair += 2) {
      const first = Math.max(0, Math.ceil(crossings[pair] - 0.5))
      const last = Math.min(columns - 1, Math.ceil(crossings[pair + 1] - 0.5) - 1)
      if (last >= first) fillRow(row, first, last)
    }
  }
}
