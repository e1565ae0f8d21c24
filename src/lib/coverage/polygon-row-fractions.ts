import type { Position } from 'geojson'

/** Sub-scanlines per grid row: the inside length is exact along x and sampled at this many heights along y. */
export const SUB_ROWS = 8

/**
 * Even-odd fill of rings given in grid units (x = column, y = row) with partial cells: per grid row calls
 * `visitRow(row, interior, border)` where `interior` holds [start, end) column pairs of cells wholly inside
 * on every sub-scanline and `border` holds [column, fraction] pairs of the other cells the polygon touches,
 * fraction = inside share of the cell (exact along x, SUB_ROWS midpoint samples along y, so exact for a
 * straight edge that crosses the cell's top and bottom). The arrays are reused: copy what you keep.
 *
 * @example
 * polygonRowFractions([[[0, 0], [2.5, 0], [2.5, 1], [0, 1], [0, 0]]], 4, 1, (p) => [p[0], p[1]],
 *   (row, interior, border) => console.log(row, interior, border)) // 0 [0, 2] [2, 0.5]
 */
export function polygonRowFractions(
  rings: readonly Position[][],
  columns: number,
  rows: number,
  toGrid: (vertex: Position) => [number, number],
  visitRow: (row: number, interior: number[], border: number[]) => void,
): void {
  // Edges as [lowY, highY, x at lowY, dx/dy], sorted by lowY; sub-scanlines walk an active list.
  const edges: [number, number, number, number][] = []
  let maxY = -Infinity
  for (const ring of rings) {
    const points = ring.map(toGrid)
    for (let index = 0; index + 1 < points.length; index++) {
      const [x1, y1] = points[index]
      const [x2, y2] = points[index + 1]
      if (y1 === y2) continue
      edges.push(y1 < y2 ? [y1, y2, x1, (x2 - x1) / (y2 - y1)] : [y2, y1, x2, (x1 - x2) / (y1 - y2)])
      maxY = Math.max(maxY, y1, y2)
    }
  }
  if (edges.length === 0) return
  edges.sort((a, b) => a[0] - b[0])
  const firstRow = Math.max(0, Math.floor(edges[0][0]))
  const lastRow = Math.min(rows - 1, Math.ceil(maxY) - 1)
  const active: typeof edges = []
  let next = 0
  const crossings: number[] = []
  let full = new Float64Array(64) // whole-cell stretch events over all sub-scanlines: column * 2 + (start ? 1 : 0)
  let events = 0
  const partial: number[] = [] // [column, inside length] of cut cells
  const amount = new Float64Array(columns)
  const touched: number[] = []
  const interior: number[] = []
  const border: number[] = []
  const addEvent = (key: number) => {
    if (events === full.length) { const larger = new Float64Array(events * 2); larger.set(full); full = larger }
    full[events++] = key
  }
  for (let row = firstRow; row <= lastRow; row++) {
    events = 0
    partial.length = 0
    for (let sub = 0; sub < SUB_ROWS; sub++) {
      const y = row + (sub + 0.5) / SUB_ROWS
      while (next < edges.length && edges[next][0] <= y) active.push(edges[next++])
      // Half-open [lowY, highY) so a vertex counts once; drop finished edges in place; insertion-sort crossings.
      let kept = 0
      crossings.length = 0
      for (let index = 0; index < active.length; index++) {
        const edge = active[index]
        if (edge[1] <= y) continue
        active[kept++] = edge
        const crossing = edge[2] + (y - edge[0]) * edge[3]
        let slot = crossings.length
        crossings.push(crossing)
        while (slot > 0 && crossings[slot - 1] > crossing) { crossings[slot] = crossings[slot - 1]; slot-- }
        crossings[slot] = crossing
      }
      active.length = kept
      for (let pair = 0; pair + 1 < crossings.length; pair += 2) {
        const start = Math.max(0, crossings[pair])
        const end = Math.min(columns, crossings[pair + 1])
        if (end <= start) continue
        const startCell = Math.floor(start)
        const endCell = Math.ceil(end)
        if (endCell - startCell === 1) { partial.push(startCell, end - start); continue }
        const fullStart = start === startCell ? startCell : startCell + 1
        const fullEnd = end === endCell ? endCell : endCell - 1
        if (start > startCell) partial.push(startCell, startCell + 1 - start)
        if (end < endCell) partial.push(endCell - 1, end - (endCell - 1))
        if (fullEnd > fullStart) { addEvent(fullStart * 2 + 1); addEvent(fullEnd * 2) }
      }
    }
    if (events === 0 && partial.length === 0) continue
    // Sweep the whole-cell events: stretches covered on every sub-scanline are interior, the rest border.
    const sorted = full.subarray(0, events).sort()
    interior.length = 0
    let depth = 0
    for (let position = 0; position < events; position++) {
      const column = Math.floor(sorted[position] / 2)
      depth += sorted[position] % 2 === 1 ? 1 : -1
      const until = position + 1 < events ? Math.floor(sorted[position + 1] / 2) : column
      if (until <= column || depth === 0) continue
      if (depth === SUB_ROWS) {
        if (interior.length > 0 && interior[interior.length - 1] === column) interior[interior.length - 1] = until
        else interior.push(column, until)
        continue
      }
      for (let cell = column; cell < until; cell++) { if (amount[cell] === 0) touched.push(cell); amount[cell] += depth }
    }
    for (let index = 0; index < partial.length; index += 2) {
      const cell = partial[index]
      if (amount[cell] === 0) touched.push(cell)
      amount[cell] += partial[index + 1] || Number.MIN_VALUE // a zero-length cut still marks the cell
    }
    touched.sort((a, b) => a - b)
    border.length = 0
    for (const cell of touched) { border.push(cell, amount[cell] / SUB_ROWS); amount[cell] = 0 }
    touched.length = 0
    visitRow(row, interior, border)
  }
}
