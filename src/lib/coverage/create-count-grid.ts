import { circleRowSpans } from './circle-row-spans'
import { BORDER_ZONE, NO_ZONE, type CoverageGrid } from './create-coverage-grid'
import { ensureClassRow } from './ensure-class-row'

/** Rows with more runs than columns / DIFFERENCE_FACTOR are tallied with a difference array, not a sort. */
export const DIFFERENCE_FACTOR = 8

/** Scratch for the first pass, kept between calls (grow-only) to spare the garbage collector. */
let scratch = { rows: new Int32Array(0), keys: new Uint32Array(0) }

/** Per-cell site counts with running covered-cell totals, built lazily row by row. */
export interface CountGrid {
  /** Covered cells (count > 0) per cellClass value (the NO_ZONE class outside the city is not tracked). */
  coveredPerClass: Int32Array
  /** Covered border-cell area per border slot (zone index or CITY_SLOT), in FRACTION_UNITS. */
  coveredBorderUnits: Float64Array
  /** Add (+1) or subtract (−1) one circle, updating the totals. */
  stamp(lng: number, lat: number, delta: 1 | -1): void
  /** Sites covering each cell (materialises every row; afterwards kept current by stamp). Do not mutate. */
  counts(): Uint16Array
}

/**
 * A count grid for circles of one radius. The initial build never touches single cells: each circle is cut
 * into one run of cells per row; per row the runs are sorted, merged and intersected with the grid's class
 * runs to get the covered cells per class. The per-cell counts (16-bit, ≤ 65,535 overlapping sites) of a
 * row are materialised from its stored runs only when an edit first touches the row or when the counts are
 * asked for; from then on stamp keeps them and the totals current.
 *
 * @example
 * const counts = createCountGrid(grid, sites, 1000)
 * counts.stamp(120.6, 31.9, 1) // add a circle
 * counts.coveredPerClass // covered cells per zone/city class
 */
export function createCountGrid(
  grid: CoverageGrid, centres: readonly { lng: number; lat: number }[], radiusMeters: number,
): CountGrid {
  const { columns, rows, rowRuns, runStart, runEnd, runClass, runBorder, borderCells, borderEntryStart, borderEntrySlot, borderEntryUnits } = grid
  const coveredBorderUnits = new Float64Array(NO_ZONE + 1)
  const addBorder = (border: number, sign: number) => {
    for (let entry = borderEntryStart[border]; entry < borderEntryStart[border + 1]; entry++) {
      coveredBorderUnits[borderEntrySlot[entry]] += sign * borderEntryUnits[entry]
    }
  }
  /** Border index of a cell of a border class (binary search: border cells are sorted). */
  const borderOf = (cell: number) => {
    let low = 0, high = borderCells.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (borderCells[middle] < cell) low = middle + 1
      else high = middle
    }
    return low
  }
  let cellClass = grid.cellClass
  // Pass 1: every circle's row runs, packed as row and (first column << 16 | last column).
  const estimate = Math.max(16, centres.length * (Math.ceil((2.02 * radiusMeters) / grid.cellSizeMeters) + 3))
  if (scratch.rows.length < estimate) scratch = { rows: new Int32Array(estimate), keys: new Uint32Array(estimate) }
  let spanRow = scratch.rows
  let spanKey = scratch.keys
  let spans = 0
  const collect = (firstCell: number, lastCell: number) => {
    if (spans === spanRow.length) {
      const rowsCopy = new Int32Array(spans * 2); rowsCopy.set(spanRow); spanRow = rowsCopy
      const keysCopy = new Uint32Array(spans * 2); keysCopy.set(spanKey); spanKey = keysCopy
      scratch = { rows: spanRow, keys: spanKey }
    }
    const row = (firstCell / columns) | 0
    spanRow[spans] = row
    spanKey[spans++] = (((firstCell - row * columns) << 16) | (lastCell - row * columns)) >>> 0
  }
  for (const { lng, lat } of centres) circleRowSpans(grid, lng, lat, radiusMeters, collect)
  // Pass 2: bucket the runs by row (counting sort), then sort each row's runs by first column.
  const rowSpans = new Int32Array(rows + 1)
  for (let span = 0; span < spans; span++) rowSpans[spanRow[span] + 1]++
  for (let row = 0; row < rows; row++) rowSpans[row + 1] += rowSpans[row]
  const keys = new Uint32Array(spans)
  const next = rowSpans.slice(0, rows)
  for (let span = 0; span < spans; span++) keys[next[spanRow[span]]++] = spanKey[span]
  const coveredPerClass = new Int32Array(256)
  // Dense rows (many runs): a difference array over the row's columns is cheaper than sorting the runs.
  const rowDifferences = new Int32Array(columns + 1)
  const coverRowByDifferences = (sortedKeys: Uint32Array, from: number, to: number, row: number) => {
    rowDifferences.fill(0)
    for (let span = from; span < to; span++) {
      rowDifferences[sortedKeys[span] >>> 16]++
      rowDifferences[(sortedKeys[span] & 0xffff) + 1]--
    }
    let running = 0
    let column = 0
    for (let run = rowRuns[row]; run < rowRuns[row + 1]; run++) {
      while (column < runStart[run]) running += rowDifferences[column++]
      let covered = 0
      const isBorder = runBorder[run] >= 0
      while (column < runEnd[run]) {
        running += rowDifferences[column]
        if (running > 0) { covered++; if (isBorder) addBorder(runBorder[run] + column - runStart[run], 1) }
        column++
      }
      coveredPerClass[runClass[run]] += covered
    }
  }
  for (let row = 0; row < rows; row++) {
    const from = rowSpans[row], to = rowSpans[row + 1]
    if (from === to || rowRuns[row] === rowRuns[row + 1]) continue
    if ((to - from) * DIFFERENCE_FACTOR > columns) {
      coverRowByDifferences(keys, from, to, row)
      continue
    }
    keys.subarray(from, to).sort()
    // Merge the sorted runs into a union and intersect each union piece with the row's class runs.
    const lastRun = rowRuns[row + 1]
    let run = rowRuns[row]
    let unionStart = -1, unionEnd = -1
    for (let span = from; span <= to; span++) {
      const first = span < to ? keys[span] >>> 16 : columns + 1
      const end = span < to ? (keys[span] & 0xffff) + 1 : columns + 1
      if (first <= unionEnd) { if (end > unionEnd) unionEnd = end; continue }
      if (unionEnd > unionStart) {
        while (run < lastRun && runEnd[run] <= unionStart) run++
        for (let other = run; other < lastRun && runStart[other] < unionEnd; other++) {
          const from = Math.max(unionStart, runStart[other]), to = Math.min(unionEnd, runEnd[other])
          if (to <= from) continue
          coveredPerClass[runClass[other]] += to - from
          if (runBorder[other] >= 0) for (let column = from; column < to; column++) addBorder(runBorder[other] + column - runStart[other], 1)
        }
      }
      unionStart = first
      unionEnd = end
    }
  }
  let counts = new Uint16Array(0) // allocated on first use
  const rowReady = new Uint8Array(rows)
  const materialise = (row: number) => {
    if (counts.length === 0) counts = new Uint16Array(columns * rows)
    ensureClassRow(grid, row)
    cellClass = grid.cellClass
    rowReady[row] = 1
    const offset = row * columns
    for (let span = rowSpans[row]; span < rowSpans[row + 1]; span++) {
      counts[offset + (keys[span] >>> 16)]++
      const after = (keys[span] & 0xffff) + 1
      if (after < columns) counts[offset + after]--
    }
    let running = 0
    for (let cell = offset, end = offset + columns; cell < end; cell++) {
      running = (running + counts[cell]) & 0xffff // wrap-around arithmetic: exact below 65,536
      counts[cell] = running
    }
  }
  const add = (first: number, last: number) => {
    const row = (first / columns) | 0
    if (!rowReady[row]) materialise(row)
    for (let cell = first; cell <= last; cell++) {
      if (counts[cell]++ !== 0) continue
      coveredPerClass[cellClass[cell]]++
      if ((cellClass[cell] & NO_ZONE) === BORDER_ZONE) addBorder(borderOf(cell), 1)
    }
  }
  const subtract = (first: number, last: number) => {
    const row = (first / columns) | 0
    if (!rowReady[row]) materialise(row)
    for (let cell = first; cell <= last; cell++) {
      if (--counts[cell] !== 0) continue
      coveredPerClass[cellClass[cell]]--
      if ((cellClass[cell] & NO_ZONE) === BORDER_ZONE) addBorder(borderOf(cell), -1)
    }
  }
  return {
    coveredPerClass, coveredBorderUnits,
    stamp: (lng, lat, delta) => circleRowSpans(grid, lng, lat, radiusMeters, delta === 1 ? add : subtract),
    counts: () => {
      for (let row = 0; row < rows; row++) if (!rowReady[row]) materialise(row)
      return counts
    },
  }
}
