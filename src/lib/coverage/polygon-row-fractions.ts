import type { Position } from 'geojson'
import { gridEdges } from './grid-edges'
import { sortPrefix } from './sort-prefix'

/**
 * Even-odd fill of rings given in grid units (x = column, y = row) with partial cells: per grid row calls
 * `visitRow(row, interior, interiorLength, border, borderLength)` where `interior` holds [start, end) column
 * pairs of cells wholly inside and `border` holds [column, fraction] pairs of the cells an outline cuts,
 * fraction = exact inside share; only the first interiorLength / borderLength values of each are the row's.
 * Each edge deposits its exact signed area per cell into a row accumulator (the font-rs rasteriser's
 * method, kept sparse); a running sum then gives every cell's winding area, and even-odd turns a winding
 * area w into the inside share 1 − |(w mod 2) − 1|. The arrays are reused between calls: copy what you keep.
 *
 * @example
 * polygonRowFractions([[[0, 0], [2, 0], [0, 2], [0, 0]]], 4, 4, (p) => [p[0], p[1]],
 *   (row, interior, interiorLength, border, borderLength) =>
 *     console.log(row, interior.slice(0, interiorLength), border.slice(0, borderLength))) // 0 [0, 1] [1, 0.5], then 1 [] [0, 0.5]
 */
export function polygonRowFractions(
  rings: readonly Position[][],
  columns: number,
  rows: number,
  toGrid: (vertex: Position) => [number, number],
  visitRow: (row: number, interior: Float64Array, interiorLength: number, border: Float64Array, borderLength: number) => void,
): void {
  // Sorted by lowY; rows walk an active list.
  const edges = gridEdges(rings, toGrid)
  if (edges.length === 0) return
  let maxY = -Infinity
  for (const edge of edges) maxY = Math.max(maxY, edge[1])
  const firstRow = Math.max(0, Math.floor(edges[0][0]))
  const lastRow = Math.min(rows - 1, Math.ceil(maxY) - 1)
  const active: typeof edges = []
  let activeCount = 0
  let next = 0
  const amount = new Float64Array(columns + 2)
  let touched = new Int32Array(64)
  let touchedCount = 0
  // Each row has at most one interior run and one cut cell per touched cell: touched.length bounds both.
  let interior = new Float64Array(128), interiorLength = 0
  let border = new Float64Array(128), borderLength = 0
  const add = (column: number, value: number) => {
    const cell = Math.min(columns + 1, Math.max(0, column))
    if (amount[cell] === 0) {
      if (touchedCount === touched.length) { const larger = new Int32Array(touchedCount * 2); larger.set(touched); touched = larger }
      touched[touchedCount++] = cell
    }
    amount[cell] += value || Number.MIN_VALUE // keep a touched cell marked even when its sum is zero
  }
  const addInterior = (start: number, end: number) => {
    if (interiorLength > 0 && interior[interiorLength - 1] === start) interior[interiorLength - 1] = end
    else { interior[interiorLength++] = start; interior[interiorLength++] = end }
  }
  const inside = (winding: number) => { const parity = winding - 2 * Math.floor(winding / 2); return 1 - Math.abs(parity - 1) }
  for (let row = firstRow; row <= lastRow; row++) {
    while (next < edges.length && edges[next][0] < row + 1) active[activeCount++] = edges[next++]
    let kept = 0
    for (let index = 0; index < activeCount; index++) {
      const edge = active[index]
      if (edge[1] <= row) continue
      active[kept++] = edge
      const yStart = Math.max(row, edge[0]), yEnd = Math.min(row + 1, edge[1])
      const height = yEnd - yStart
      if (height <= 0) continue
      const xStart = Math.min(columns, Math.max(0, edge[2] + (yStart - edge[0]) * edge[3]))
      const xEnd = Math.min(columns, Math.max(0, edge[2] + (yEnd - edge[0]) * edge[3]))
      const depth = height * edge[4]
      const x0 = Math.min(xStart, xEnd), x1 = Math.max(xStart, xEnd)
      const x0Floor = Math.floor(x0), x1Ceil = Math.ceil(x1)
      if (x1Ceil <= x0Floor + 1) {
        const middle = 0.5 * (xStart + xEnd) - x0Floor
        add(x0Floor, depth - depth * middle)
        add(x0Floor + 1, depth * middle)
        continue
      }
      const slope = 1 / (x1 - x0)
      const x0Fraction = x0 - x0Floor
      const first = 0.5 * slope * (1 - x0Fraction) * (1 - x0Fraction)
      const x1Fraction = x1 - x1Ceil + 1
      const last = 0.5 * slope * x1Fraction * x1Fraction
      add(x0Floor, depth * first)
      if (x1Ceil === x0Floor + 2) add(x0Floor + 1, depth * (1 - first - last))
      else {
        const second = slope * (1.5 - x0Fraction)
        add(x0Floor + 1, depth * (second - first))
        for (let column = x0Floor + 2; column < x1Ceil - 1; column++) add(column, depth * slope)
        const beforeLast = second + (x1Ceil - x0Floor - 3) * slope
        add(x1Ceil - 1, depth * (1 - beforeLast - last))
      }
      add(x1Ceil, depth * last)
    }
    activeCount = kept
    if (touchedCount === 0) continue
    // Running sum over the touched cells; between them every cell has the same winding area.
    const sorted = sortPrefix(touched, touchedCount)
    interiorLength = 0
    borderLength = 0
    if (interior.length < 4 * touchedCount + 4) { interior = new Float64Array(8 * touchedCount + 8); border = new Float64Array(8 * touchedCount + 8) }
    let winding = 0
    let previous = -1
    for (let position = 0; position < touchedCount; position++) {
      const cell = sorted[position]
      if (cell > previous + 1 && previous >= 0 && inside(winding) > 1 - 1e-9) addInterior(previous + 1, cell)
      winding += amount[cell]
      amount[cell] = 0
      previous = cell
      if (cell >= columns) continue
      const share = inside(winding)
      if (share > 1 - 1e-9) addInterior(cell, cell + 1)
      else if (share > 1e-9) { border[borderLength++] = cell; border[borderLength++] = share }
    }
    touchedCount = 0
    if (interiorLength > 0 || borderLength > 0) visitRow(row, interior, interiorLength, border, borderLength)
  }
}
