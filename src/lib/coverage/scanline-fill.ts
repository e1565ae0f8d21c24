import type { Position } from 'geojson'

/**
 * Even-odd scanline fill of rings given in grid units (x = column, y = row, cell centres at +0.5):
 * calls `fillRow(row, firstColumn, lastColumn)` for every run of cells whose centre is inside.
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
  const edges: number[] = [] // x1, y1, x2, y2 per edge, in grid units
  let minY = Infinity
  let maxY = -Infinity
  for (const ring of rings) {
    const points = ring.map(toGrid)
    for (let index = 0; index + 1 < points.length; index++) {
      const [x1, y1] = points[index]
      const [x2, y2] = points[index + 1]
      edges.push(x1, y1, x2, y2)
      minY = Math.min(minY, y1, y2)
      maxY = Math.max(maxY, y1, y2)
    }
  }
  const firstRow = Math.max(0, Math.ceil(minY - 0.5))
  const lastRow = Math.min(rows - 1, Math.floor(maxY - 0.5))
  const crossings: number[] = []
  for (let row = firstRow; row <= lastRow; row++) {
    const y = row + 0.5
    crossings.length = 0
    for (let edge = 0; edge < edges.length; edge += 4) {
      const y1 = edges[edge + 1]
      const y2 = edges[edge + 3]
      if ((y1 <= y) === (y2 <= y)) continue
      const x1 = edges[edge]
      crossings.push(x1 + ((y - y1) / (y2 - y1)) * (edges[edge + 2] - x1))
    }
    crossings.sort((a, b) => a - b)
    for (let pair = 0; pair + 1 < crossings.length; pair += 2) {
      const first = Math.max(0, Math.ceil(crossings[pair] - 0.5))
      const last = Math.min(columns - 1, Math.ceil(crossings[pair + 1] - 0.5) - 1)
      if (last >= first) fillRow(row, first, last)
    }
  }
}
