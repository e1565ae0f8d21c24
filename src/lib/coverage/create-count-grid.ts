import { circleRowRange } from './circle-row-range'
import { circleRowSpans } from './circle-row-spans'
import { BORDER_ZONE, FRACTION_UNITS, NO_ZONE, type CoverageGrid } from './create-coverage-grid'
import { ensureClassRow } from './ensure-class-row'

const UNITS = FRACTION_UNITS
/** log2(UNITS): chord ends are integers below 2^32, so `>>> UNIT_BITS` is an exact floor(end / UNITS). */
const UNIT_BITS = Math.log2(UNITS)
const HALF = UNITS / 2
/** Sort key of a chord in its row: low end * KEY_SHIFT + position in the row (at most 65,535 chords a row). */
const KEY_SHIFT = 2 ** 20

/** Rows with more chords than columns / DENSE_FACTOR are tallied with a difference array, not a sort. */
export const DENSE_FACTOR = 8
/** Packing of a chord-end piece: (column * PIECE_SHIFT + start) * PIECE_SHIFT + end, exact in a double. */
const PIECE_SHIFT = 2 ** 17
/** Reciprocals of powers of two: multiplying by them is exact, and much cheaper than dividing or `%`. */
const PER_SHIFT = 2 ** -17
const PER_COLUMN = 2 ** -34

/** Per-cell site counts with running covered-area totals, built lazily row by row. */
export interface CountGrid {
  /**
   * Covered area per cellClass value in FRACTION_UNITS of a cell (the NO_ZONE class outside the city is
   * not tracked): per row, the length of the union of the circles' exact chords, integer-quantised.
   */
  coveredPerClass: Float64Array
  /** Covered border-cell area per border slot (zone index or CITY_SLOT), in FRACTION_UNITS. */
  coveredBorderUnits: Float64Array
  /** Add (+1) or subtract (−1) one circle, updating the totals. */
  stamp(lng: number, lat: number, delta: 1 | -1): void
  /** Move one circle: the same totals as stamping it off at the old center and on at the new one. */
  move(fromLng: number, fromLat: number, toLng: number, toLat: number): void
  /**
   * Sites whose circle covers each cell's center (materialises every row; afterwards kept current by stamp).
   * Do not mutate.
   */
  counts(): Uint16Array
}

/** Positions of the centers ordered west to east (longitude quantised to 2^-30 of the span; ties by position). */
function westToEast(centers: readonly { lng: number }[]): Int32Array {
  let west = Infinity, east = -Infinity
  for (const { lng } of centers) { west = Math.min(west, lng); east = Math.max(east, lng) }
  const scale = 2 ** 30 / (east - west || 1)
  const slots = 2 ** Math.ceil(Math.log2(centers.length + 1))
  const keys = Float64Array.from(centers, ({ lng }, index) => Math.floor((lng - west) * scale) * slots + index).sort()
  return Int32Array.from(keys, (key) => key % slots)
}

/** Calls visit(column, from, to) for the cells an integer chord [low, high) only partly covers. */
function partialPieces(low: number, high: number, visit: (column: number, from: number, to: number) => void): void {
  const first = Math.floor(low / UNITS)
  const last = Math.ceil(high / UNITS) - 1
  const firstFrom = low - first * UNITS
  if (first === last) {
    const to = high - first * UNITS
    if (firstFrom > 0 || to < UNITS) visit(first, firstFrom, to)
    return
  }
  if (firstFrom > 0) visit(first, firstFrom, UNITS)
  const lastTo = high - last * UNITS
  if (lastTo < UNITS) visit(last, 0, lastTo)
}

/**
 * A count grid for circles of one radius. Covered area is measured per grid row from the circles' exact
 * chords at the row's center line (quantised to 1/FRACTION_UNITS of a cell): the union of the row's chords,
 * intersected with the zone runs, and, in the cells an outline cuts, scaled by each outline's exact share.
 * The initial build never touches single cells: the chords of a row are sorted and merged into their
 * union. The per-cell state of a row — center counts (16-bit) and the chord ends that fall inside cells —
 * is materialised only when an edit first touches the row or when the counts are asked for; from then on
 * stamp updates only the cells a chord covers, subtracting each cell's old covered units and adding the
 * new, so every total is an exact integer sum and returns to the same value when a site moves back.
 *
 * @example
 * const counts = createCountGrid(grid, sites, 1000)
 * counts.stamp(120.6, 31.9, 1) // add a circle
 * counts.coveredPerClass // covered area per zone/city class, in FRACTION_UNITS
 */
export function createCountGrid(
  grid: CoverageGrid, centers: readonly { lng: number; lat: number }[], radiusMeters: number,
): CountGrid {
  const { columns, rows, rowRuns, runStart, runEnd, runClass, runBorder, borderCells, borderEntryStart, borderEntrySlot, borderEntryUnits } = grid
  const coveredBorderUnits = new Float64Array(NO_ZONE + 1)
  /** Moves a border cell's entries from `before` to `after` covered units (rounded per entry, so exact). */
  const addBorder = (border: number, before: number, after: number) => {
    for (let entry = borderEntryStart[border]; entry < borderEntryStart[border + 1]; entry++) {
      const units = borderEntryUnits[entry]
      coveredBorderUnits[borderEntrySlot[entry]] += Math.round((units * after) / UNITS) - Math.round((units * before) / UNITS)
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
  // Pass 1: each circle's row range bounds the chords per row (a difference array), which gives every row a
  // block of slots. Pass 2 writes each chord straight into its row's block: rowEnd[row] ends the filled part.
  const range = new Int32Array(2)
  const rowCapacity = new Int32Array(rows + 1)
  for (const { lat } of centers) {
    circleRowRange(grid, lat, radiusMeters, range)
    if (range[1] >= range[0]) { rowCapacity[range[0]]++; rowCapacity[range[1] + 1]-- }
  }
  const rowSpans = new Int32Array(rows + 1)
  for (let row = 0, active = 0; row < rows; row++) {
    active += rowCapacity[row]
    rowSpans[row + 1] = rowSpans[row] + active
  }
  const lows = new Uint32Array(rowSpans[rows])
  const highs = new Uint32Array(rowSpans[rows])
  const rowEnd = rowSpans.slice(0, rows)
  const collect = (row: number, low: number, high: number) => {
    const slot = rowEnd[row]++
    lows[slot] = low
    highs[slot] = high
  }
  // Circles in west-to-east order: each row's chords then arrive almost sorted by their low end (a chord's low
  // end is its center minus at most the radius), so an insertion sort in place orders a row in near-linear time.
  for (const index of westToEast(centers)) circleRowSpans(grid, centers[index].lng, centers[index].lat, radiusMeters, UNITS, collect)
  const coveredPerClass = new Float64Array(256)
  let keys = new Float64Array(64)
  let pendingBorder = -1, pendingUnits = 0
  const flush = () => { if (pendingBorder >= 0) addBorder(pendingBorder, 0, pendingUnits); pendingBorder = -1; pendingUnits = 0 }
  // Dense rows (many chords): whole cells from a difference array, chord ends merged per cell; no full sort.
  const rowFull = new Int32Array(columns + 1)
  const rowPartial = new Float64Array(columns)
  let pieceKeys = new Float64Array(64)
  const coverDenseRow = (from: number, to: number, row: number) => {
    rowFull.fill(0)
    for (let span = from; span < to; span++) {
      const wholeFrom = (lows[span] + UNITS - 1) >>> UNIT_BITS, wholeTo = highs[span] >>> UNIT_BITS
      if (wholeTo > wholeFrom) { rowFull[wholeFrom]++; rowFull[wholeTo]-- }
    }
    for (let column = 1; column < columns; column++) rowFull[column] += rowFull[column - 1]
    // The chords' end pieces (as partialPieces gives them) in cells no chord spans whole, packed inline.
    let kept = 0
    if (pieceKeys.length < 2 * (to - from)) pieceKeys = new Float64Array(4 * (to - from))
    for (let span = from; span < to; span++) {
      const low = lows[span], high = highs[span]
      const first = low >>> UNIT_BITS, last = ((high + UNITS - 1) >>> UNIT_BITS) - 1
      const firstFrom = low - first * UNITS
      if (first === last) {
        const end = high - first * UNITS
        if ((firstFrom > 0 || end < UNITS) && rowFull[first] === 0) pieceKeys[kept++] = (first * PIECE_SHIFT + firstFrom) * PIECE_SHIFT + end
        continue
      }
      if (firstFrom > 0 && rowFull[first] === 0) pieceKeys[kept++] = (first * PIECE_SHIFT + firstFrom) * PIECE_SHIFT + UNITS
      const lastTo = high - last * UNITS
      if (lastTo < UNITS && rowFull[last] === 0) pieceKeys[kept++] = last * PIECE_SHIFT * PIECE_SHIFT + lastTo
    }
    const sortedPieces = pieceKeys.subarray(0, kept).sort()
    let cell = -1, start = 0, end = 0
    const close = () => { if (cell >= 0) rowPartial[cell] += end - start }
    for (const key of sortedPieces) {
      const column = Math.floor(key * PER_COLUMN)
      const rest = key - column * PIECE_SHIFT * PIECE_SHIFT
      const pieceStart = Math.floor(rest * PER_SHIFT)
      const pieceEnd = rest - pieceStart * PIECE_SHIFT
      if (column !== cell || pieceStart > end) { close(); cell = column; start = pieceStart; end = pieceEnd } else if (pieceEnd > end) end = pieceEnd
    }
    close()
    for (let run = rowRuns[row]; run < rowRuns[row + 1]; run++) {
      let units = 0
      const border = runBorder[run]
      for (let column = runStart[run]; column < runEnd[run]; column++) {
        const covered = rowFull[column] > 0 ? UNITS : rowPartial[column]
        units += covered
        if (border >= 0 && covered > 0) addBorder(border + column - runStart[run], 0, covered)
      }
      coveredPerClass[runClass[run]] += units
    }
    for (let index = 0; index < kept; index++) rowPartial[Math.floor(sortedPieces[index] * PER_COLUMN)] = 0
  }
  /** Sorts the chords [from, to) of a row by low end in place: insertion sort, or a full sort when far from sorted. */
  const sortRow = (from: number, to: number) => {
    let moves = 0
    for (let span = from + 1; span < to; span++) {
      const low = lows[span], high = highs[span]
      let slot = span
      while (slot > from && lows[slot - 1] > low) { lows[slot] = lows[slot - 1]; highs[slot] = highs[slot - 1]; slot-- }
      lows[slot] = low
      highs[slot] = high
      moves += span - slot
      if (moves > 4 * (to - from)) {
        // Far from sorted (e.g. many centers on one meridian): pack low end and position into one sortable key.
        if (keys.length < to - from) keys = new Float64Array((to - from) * 2)
        for (let other = from; other < to; other++) keys[other - from] = lows[other] * KEY_SHIFT + (other - from)
        const sorted = keys.subarray(0, to - from).sort()
        if (sortedHighs.length < to - from) sortedHighs = new Uint32Array((to - from) * 2)
        for (let position = 0; position < sorted.length; position++) {
          const low = Math.floor(sorted[position] / KEY_SHIFT)
          sortedHighs[position] = highs[from + sorted[position] - low * KEY_SHIFT]
          sorted[position] = low
        }
        for (let position = 0; position < sorted.length; position++) { lows[from + position] = sorted[position]; highs[from + position] = sortedHighs[position] }
        return
      }
    }
  }
  let sortedHighs = new Uint32Array(64)
  for (let row = 0; row < rows; row++) {
    const from = rowSpans[row], to = rowEnd[row]
    if (from === to || rowRuns[row] === rowRuns[row + 1]) continue
    if ((to - from) * DENSE_FACTOR > columns) { coverDenseRow(from, to, row); continue }
    sortRow(from, to)
    // Merge the sorted chords into a union and intersect each union piece with the row's class runs.
    const lastRun = rowRuns[row + 1]
    let run = rowRuns[row]
    let unionStart = -1, unionEnd = -1
    for (let span = from; span <= to; span++) {
      const low = span < to ? lows[span] : Infinity
      if (low <= unionEnd) { if (highs[span] > unionEnd) unionEnd = highs[span]; continue }
      if (unionEnd > unionStart) {
        while (run < lastRun && runEnd[run] * UNITS <= unionStart) run++
        for (let other = run; other < lastRun && runStart[other] * UNITS < unionEnd; other++) {
          const start = Math.max(unionStart, runStart[other] * UNITS), end = Math.min(unionEnd, runEnd[other] * UNITS)
          if (end <= start) continue
          coveredPerClass[runClass[other]] += end - start
          if (runBorder[other] < 0) continue
          for (let column = Math.floor(start / UNITS); column * UNITS < end; column++) {
            const border = runBorder[other] + column - runStart[other]
            if (border !== pendingBorder) { flush(); pendingBorder = border }
            pendingUnits += Math.min(end, (column + 1) * UNITS) - Math.max(start, column * UNITS)
          }
        }
      }
      unionStart = low
      unionEnd = span < to ? highs[span] : Infinity
    }
    flush()
  }
  let counts = new Uint16Array(0) // allocated on first use, with the piece heads
  /**
   * Chord ends inside cells, as linked lists in a typed pool: pieceHead[cell] is the first piece (0 = none),
   * each piece a [from, to] range within the cell in units and the next piece of the cell.
   */
  let pieceHead = new Int32Array(0)
  let pieceFrom = new Int32Array(1024), pieceTo = new Int32Array(1024), pieceNext = new Int32Array(1024)
  let pieceCount = 1 // slot 0 is the list end
  let freePiece = 0
  const rowReady = new Uint8Array(rows)
  let cellClass = grid.cellClass
  const addPiece = (cell: number, from: number, to: number) => {
    let piece = freePiece
    if (piece !== 0) freePiece = pieceNext[piece]
    else {
      if (pieceCount === pieceFrom.length) {
        const grow = (array: Int32Array) => { const larger = new Int32Array(array.length * 2); larger.set(array); return larger }
        pieceFrom = grow(pieceFrom); pieceTo = grow(pieceTo); pieceNext = grow(pieceNext)
      }
      piece = pieceCount++
    }
    pieceFrom[piece] = from
    pieceTo[piece] = to
    pieceNext[piece] = pieceHead[cell]
    pieceHead[cell] = piece
  }
  const removePiece = (cell: number, from: number, to: number) => {
    for (let previous = 0, piece = pieceHead[cell]; piece !== 0; previous = piece, piece = pieceNext[piece]) {
      if (pieceFrom[piece] !== from || pieceTo[piece] !== to) continue
      if (previous === 0) pieceHead[cell] = pieceNext[piece]
      else pieceNext[previous] = pieceNext[piece]
      pieceNext[piece] = freePiece
      freePiece = piece
      return
    }
  }
  let mergeFrom = new Int32Array(16), mergeTo = new Int32Array(16)
  /** Covered units of a cell: whole when a chord spans it, else the union of the chord pieces in it. */
  const covered = (cell: number): number => {
    const head = pieceHead[cell]
    if (head === 0) return counts[cell] > 0 ? UNITS : 0
    let centerd = 0, count = 0
    for (let piece = head; piece !== 0; piece = pieceNext[piece]) {
      if (pieceFrom[piece] <= HALF && pieceTo[piece] >= HALF) centerd++
      count++
    }
    if (counts[cell] > centerd) return UNITS // a chord without an end in the cell covers its center: all of it
    if (mergeFrom.length < count) { mergeFrom = new Int32Array(count * 2); mergeTo = new Int32Array(count * 2) }
    // Insertion sort by start (lists are short), then merge.
    let size = 0
    for (let piece = head; piece !== 0; piece = pieceNext[piece]) {
      let slot = size++
      while (slot > 0 && mergeFrom[slot - 1] > pieceFrom[piece]) { mergeFrom[slot] = mergeFrom[slot - 1]; mergeTo[slot] = mergeTo[slot - 1]; slot-- }
      mergeFrom[slot] = pieceFrom[piece]
      mergeTo[slot] = pieceTo[piece]
    }
    let total = 0, start = mergeFrom[0], end = mergeTo[0]
    for (let slot = 1; slot < size; slot++) {
      if (mergeFrom[slot] > end) { total += end - start; start = mergeFrom[slot]; end = mergeTo[slot] } else if (mergeTo[slot] > end) end = mergeTo[slot]
    }
    return total + end - start
  }
  const change = (cell: number, before: number, after: number) => {
    if (before === after) return
    const value = cellClass[cell]
    coveredPerClass[value] += after - before
    if ((value & NO_ZONE) === BORDER_ZONE) addBorder(borderOf(cell), before, after)
  }
  const materialise = (row: number) => {
    if (counts.length === 0) { counts = new Uint16Array(columns * rows); pieceHead = new Int32Array(columns * rows) }
    ensureClassRow(grid, row)
    cellClass = grid.cellClass
    rowReady[row] = 1
    const offset = row * columns
    for (let span = rowSpans[row]; span < rowEnd[row]; span++) {
      const first = Math.ceil((lows[span] - HALF) / UNITS), last = Math.floor((highs[span] - HALF) / UNITS)
      if (last >= first) {
        counts[offset + first]++
        if (last + 1 < columns) counts[offset + last + 1]--
      }
      partialPieces(lows[span], highs[span], (column, from, to) => addPiece(offset + column, from, to))
    }
    let running = 0
    for (let cell = offset, end = offset + columns; cell < end; cell++) {
      running = (running + counts[cell]) & 0xffff // wrap-around arithmetic: exact below 65,536
      counts[cell] = running
    }
  }
  let editDelta: 1 | -1 = 1
  /** Columns [skipStart, skipEnd) of the row being edited that a move leaves covered (empty outside moves). */
  let skipStart = 0, skipEnd = 0
  const newLow = new Float64Array(rows), newHigh = new Float64Array(rows)
  const oldSkipStart = new Int32Array(rows), oldSkipEnd = new Int32Array(rows)
  const touchedRows: number[] = []
  /** One end cell of a chord: its piece (when the chord ends inside it) changes as well as its count. */
  const editEnd = (cell: number, from: number, to: number, center: boolean) => {
    const piece = from > 0 || to < UNITS
    const before = covered(cell)
    if (center) counts[cell] += editDelta
    if (piece) { if (editDelta === 1) addPiece(cell, from, to); else removePiece(cell, from, to) }
    change(cell, before, covered(cell))
  }
  /** Applies one chord: end cells (and cells holding other chords' ends) through `covered`, the rest fast. */
  const edit = (row: number, low: number, high: number) => {
    if (!rowReady[row]) materialise(row)
    const offset = row * columns
    const firstColumn = Math.floor(low / UNITS), lastColumn = Math.ceil(high / UNITS) - 1
    const first = Math.ceil((low - HALF) / UNITS), last = Math.floor((high - HALF) / UNITS)
    const delta = editDelta
    const lowFrom = low - firstColumn * UNITS
    if (firstColumn === lastColumn) {
      editEnd(offset + firstColumn, lowFrom, high - firstColumn * UNITS, first <= firstColumn && firstColumn <= last)
      return
    }
    editEnd(offset + firstColumn, lowFrom, UNITS, first <= firstColumn)
    editEnd(offset + lastColumn, 0, high - lastColumn * UNITS, lastColumn <= last)
    // Cells inside both the old and the new chord of a move keep their cover: skipped.
    const skipFrom = offset + Math.max(firstColumn + 1, skipStart), skipTo = offset + Math.min(lastColumn, skipEnd)
    for (let cell = offset + firstColumn + 1, end = offset + lastColumn; cell < end; cell++) {
      if (cell === skipFrom && skipTo > skipFrom) { cell = skipTo - 1; continue }
      if (pieceHead[cell] !== 0) {
        const old = covered(cell)
        counts[cell] += delta
        change(cell, old, covered(cell))
      } else if (delta === 1) {
        if (counts[cell]++ === 0) change(cell, 0, UNITS)
      } else if (--counts[cell] === 0) change(cell, UNITS, 0)
    }
  }
  return {
    coveredPerClass, coveredBorderUnits,
    stamp: (lng, lat, delta) => { editDelta = delta; skipStart = skipEnd = 0; circleRowSpans(grid, lng, lat, radiusMeters, UNITS, edit) },
    move: (fromLng, fromLat, toLng, toLat) => {
      // New chords first (kept per row), then the old chord of each row is taken off and the new one put
      // on, skipping the cells strictly inside both: a short drag touches only the cells near chord ends.
      touchedRows.length = 0
      circleRowSpans(grid, toLng, toLat, radiusMeters, UNITS, (row, low, high) => {
        newLow[row] = low; newHigh[row] = high; touchedRows.push(row)
      })
      editDelta = -1
      circleRowSpans(grid, fromLng, fromLat, radiusMeters, UNITS, (row, low, high) => {
        if (newHigh[row] > 0) {
          skipStart = Math.max(Math.floor(low / UNITS), Math.floor(newLow[row] / UNITS)) + 1
          skipEnd = Math.min(Math.ceil(high / UNITS), Math.ceil(newHigh[row] / UNITS)) - 1
          oldSkipStart[row] = skipStart; oldSkipEnd[row] = skipEnd
        } else skipStart = skipEnd = 0
        edit(row, low, high)
      })
      editDelta = 1
      for (const row of touchedRows) {
        skipStart = oldSkipStart[row]; skipEnd = oldSkipEnd[row]
        edit(row, newLow[row], newHigh[row])
        newLow[row] = newHigh[row] = oldSkipStart[row] = oldSkipEnd[row] = 0
      }
      skipStart = skipEnd = 0
    },
    counts: () => {
      for (let row = 0; row < rows; row++) if (!rowReady[row]) materialise(row)
      return counts
    },
  }
}
