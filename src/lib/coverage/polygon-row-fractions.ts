import type { Position } from 'geojson'
import { gridEdges, type GridEdge } from './grid-edges'
import { sortPrefix } from './sort-prefix'

type RowVisitor = (row: number, interior: Float64Array, interiorLength: number, border: Float64Array, borderLength: number) => void

/** Even-odd inside share of a winding area w: 1 − |(w mod 2) − 1|. */
function inside(winding: number): number {
  const parity = winding - 2 * Math.floor(winding / 2)
  return 1 - Math.abs(parity - 1)
}

/** A sparse row accumulator: edges deposit signed area per cell; a running sum then gives each cell's share. */
class RowAccumulator {
  private readonly amount: Float64Array
  private touched: Int32Array = new Int32Array(64)
  private touchedCount = 0
  // Each row has at most one interior run and one cut cell per touched cell: touched.length bounds both.
  private interior: Float64Array = new Float64Array(128)
  private interiorLength = 0
  private border: Float64Array = new Float64Array(128)
  private borderLength = 0

  constructor(private readonly columns: number) {
    this.amount = new Float64Array(columns + 2)
  }

  /** Deposits the exact signed area of the part of `edge` within row [row, row + 1). */
  deposit(edge: GridEdge, row: number): void {
    const columns = this.columns
    const yStart = Math.max(row, edge[0]), yEnd = Math.min(row + 1, edge[1])
    const height = yEnd - yStart
    if (height <= 0) return
    const xStart = Math.min(columns, Math.max(0, edge[2] + (yStart - edge[0]) * edge[3]))
    const xEnd = Math.min(columns, Math.max(0, edge[2] + (yEnd - edge[0]) * edge[3]))
    const depth = height * edge[4]
    const x0 = Math.min(xStart, xEnd), x1 = Math.max(xStart, xEnd)
    const x0Floor = Math.floor(x0), x1Ceil = Math.ceil(x1)
    if (x1Ceil <= x0Floor + 1) {
      const middle = 0.5 * (xStart + xEnd) - x0Floor
      this.add(x0Floor, depth - depth * middle)
      this.add(x0Floor + 1, depth * middle)
      return
    }
    const slope = 1 / (x1 - x0)
    const x0Fraction = x0 - x0Floor
    const first = 0.5 * slope * (1 - x0Fraction) * (1 - x0Fraction)
    const x1Fraction = x1 - x1Ceil + 1
    const last = 0.5 * slope * x1Fraction * x1Fraction
    this.add(x0Floor, depth * first)
    if (x1Ceil === x0Floor + 2) this.add(x0Floor + 1, depth * (1 - first - last))
    else {
      const second = slope * (1.5 - x0Fraction)
      this.add(x0Floor + 1, depth * (second - first))
      for (let column = x0Floor + 2; column < x1Ceil - 1; column++) this.add(column, depth * slope)
      const beforeLast = second + (x1Ceil - x0Floor - 3) * slope
      this.add(x1Ceil - 1, depth * (1 - beforeLast - last))
    }
    this.add(x1Ceil, depth * last)
  }

  /** Running sum over the touched cells (between them every cell has the same winding area); visits the row. */
  emit(row: number, visitRow: RowVisitor): void {
    const touchedCount = this.touchedCount
    if (touchedCount === 0) return
    const sorted = sortPrefix(this.touched, touchedCount)
    this.interiorLength = 0
    this.borderLength = 0
    if (this.interior.length < 4 * touchedCount + 4) {
      this.interior = new Float64Array(8 * touchedCount + 8); this.border = new Float64Array(8 * touchedCount + 8)
    }
    const { amount, columns, border } = this
    let winding = 0, previous = -1
    for (let position = 0; position < touchedCount; position++) {
      const cell = sorted[position]
      if (cell > previous + 1 && previous >= 0 && inside(winding) > 1 - 1e-9) this.addInterior(previous + 1, cell)
      winding += amount[cell]
      amount[cell] = 0
      previous = cell
      if (cell >= columns) continue
      const share = inside(winding)
      if (share > 1 - 1e-9) this.addInterior(cell, cell + 1)
      else if (share > 1e-9) { border[this.borderLength++] = cell; border[this.borderLength++] = share }
    }
    this.touchedCount = 0
    if (this.interiorLength > 0 || this.borderLength > 0) visitRow(row, this.interior, this.interiorLength, border, this.borderLength)
  }

  private add(column: number, value: number): void {
    const cell = Math.min(this.columns + 1, Math.max(0, column))
    if (this.amount[cell] === 0) {
      if (this.touchedCount === this.touched.length) {
        const larger = new Int32Array(this.touchedCount * 2); larger.set(this.touched); this.touched = larger
      }
      this.touched[this.touchedCount++] = cell
    }
    this.amount[cell] += value || Number.MIN_VALUE // keep a touched cell marked even when its sum is zero
  }

  private addInterior(start: number, end: number): void {
    const interior = this.interior
    if (this.interiorLength > 0 && interior[this.interiorLength - 1] === start) interior[this.interiorLength - 1] = end
    else { interior[this.interiorLength++] = start; interior[this.interiorLength++] = end }
  }
}

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
  visitRow: RowVisitor,
): void {
  // Sorted by lowY; rows walk an active list.
  const edges = gridEdges(rings, toGrid)
  if (edges.length === 0) return
  let maxY = -Infinity
  for (const edge of edges) maxY = Math.max(maxY, edge[1])
  const firstRow = Math.max(0, Math.floor(edges[0][0]))
  const lastRow = Math.min(rows - 1, Math.ceil(maxY) - 1)
  const accumulator = new RowAccumulator(columns)
  const active: GridEdge[] = []
  let activeCount = 0, next = 0
  for (let row = firstRow; row <= lastRow; row++) {
    while (next < edges.length && edges[next][0] < row + 1) active[activeCount++] = edges[next++]
    let kept = 0
    for (let index = 0; index < activeCount; index++) {
      const edge = active[index]
      if (edge[1] <= row) continue
      active[kept++] = edge
      accumulator.deposit(edge, row)
    }
    activeCount = kept
    accumulator.emit(row, visitRow)
  }
}
