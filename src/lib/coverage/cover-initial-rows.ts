import type { BorderTally } from './border-tally'
import type { RowChords } from './collect-row-chords'
import { FRACTION_UNITS, type CoverageGrid } from './coverage-grid'

const UNITS = FRACTION_UNITS
/** log2(UNITS): chord ends are integers below 2^32, so `>>> UNIT_BITS` is an exact floor(end / UNITS). */
const UNIT_BITS = Math.log2(UNITS)
/** Sort key of a chord in its row: low end * KEY_SHIFT + position in the row (sparse rows hold < 8,192 chords). */
const KEY_SHIFT = 2 ** 20
/** Rows with more chords than columns / DENSE_FACTOR are tallied with a difference array, not a sort. */
const DENSE_FACTOR = 8
/** Packing of a chord-end piece: (column * PIECE_SHIFT + start) * PIECE_SHIFT + end, exact in a double. */
const PIECE_SHIFT = 2 ** 17
/** Reciprocals of powers of two: multiplying by them is exact, and much cheaper than dividing or `%`. */
const PER_SHIFT = 2 ** -17
const PER_COLUMN = 2 ** -34

/** Packs the chord-end pieces of [low, high) that fall in cells no chord spans whole; returns the new count. */
function packPieces(low: number, high: number, rowFull: Int32Array, keys: Float64Array, kept: number): number {
  const first = low >>> UNIT_BITS, last = ((high + UNITS - 1) >>> UNIT_BITS) - 1
  const firstFrom = low - first * UNITS
  if (first === last) {
    const end = high - first * UNITS
    if ((firstFrom > 0 || end < UNITS) && rowFull[first] === 0) keys[kept++] = (first * PIECE_SHIFT + firstFrom) * PIECE_SHIFT + end
    return kept
  }
  if (firstFrom > 0 && rowFull[first] === 0) keys[kept++] = (first * PIECE_SHIFT + firstFrom) * PIECE_SHIFT + UNITS
  const lastTo = high - last * UNITS
  if (lastTo < UNITS && rowFull[last] === 0) keys[kept++] = last * PIECE_SHIFT * PIECE_SHIFT + lastTo
  return kept
}

/** Adds the union length of sorted packed pieces to rowPartial, per cell. */
function mergePieces(sorted: Float64Array, rowPartial: Float64Array): void {
  let cell = -1, start = 0, end = 0
  for (const key of sorted) {
    const column = Math.floor(key * PER_COLUMN)
    const rest = key - column * PIECE_SHIFT * PIECE_SHIFT
    const pieceStart = Math.floor(rest * PER_SHIFT)
    const pieceEnd = rest - pieceStart * PIECE_SHIFT
    if (column !== cell || pieceStart > end) {
      if (cell >= 0) rowPartial[cell] += end - start
      cell = column; start = pieceStart; end = pieceEnd
    } else if (pieceEnd > end) end = pieceEnd
  }
  if (cell >= 0) rowPartial[cell] += end - start
}

/** The first build of the covered totals: per row, the union of its chords, never a single cell. */
class RowUnion {
  private keys = new Float64Array(64)
  private sortedHighs = new Uint32Array(64)
  private pieceKeys = new Float64Array(64)
  private readonly rowFull: Int32Array
  private readonly rowPartial: Float64Array
  private pendingBorder = -1
  private pendingUnits = 0

  constructor(
    private readonly grid: CoverageGrid, private readonly chords: RowChords,
    private readonly coveredPerClass: Float64Array, private readonly border: BorderTally,
  ) {
    this.rowFull = new Int32Array(grid.columns + 1)
    this.rowPartial = new Float64Array(grid.columns)
  }

  coverAll(): void {
    const { rows, columns, rowRuns } = this.grid
    const { start, end } = this.chords
    for (let row = 0; row < rows; row++) {
      const from = start[row], to = end[row]
      if (from === to || rowRuns[row] === rowRuns[row + 1]) continue
      if ((to - from) * DENSE_FACTOR > columns) this.coverDenseRow(row, from, to)
      else this.coverSparseRow(row, from, to)
    }
  }

  /** Sorts the row's chords, merges them into a union and intersects each union piece with the class runs. */
  private coverSparseRow(row: number, from: number, to: number): void {
    this.sortRow(from, to)
    const { lows, highs } = this.chords
    const { rowRuns, runEnd } = this.grid
    const lastRun = rowRuns[row + 1]
    let run = rowRuns[row]
    let unionStart = -1, unionEnd = -1
    for (let span = from; span <= to; span++) {
      const low = span < to ? lows[span] : Infinity
      if (low <= unionEnd) { if (highs[span] > unionEnd) unionEnd = highs[span]; continue }
      if (unionEnd > unionStart) {
        while (run < lastRun && runEnd[run] * UNITS <= unionStart) run++
        this.coverPiece(run, lastRun, unionStart, unionEnd)
      }
      unionStart = low
      unionEnd = span < to ? highs[span] : Infinity
    }
    this.flushBorder()
  }

  /** Adds the union piece [unionStart, unionEnd) to the class runs from `run` on that it overlaps. */
  private coverPiece(run: number, lastRun: number, unionStart: number, unionEnd: number): void {
    const { runStart, runEnd, runClass, runBorder } = this.grid
    for (let other = run; other < lastRun && runStart[other] * UNITS < unionEnd; other++) {
      const start = Math.max(unionStart, runStart[other] * UNITS), end = Math.min(unionEnd, runEnd[other] * UNITS)
      if (end <= start) continue
      this.coveredPerClass[runClass[other]] += end - start
      if (runBorder[other] < 0) continue
      for (let column = Math.floor(start / UNITS); column * UNITS < end; column++) {
        const border = runBorder[other] + column - runStart[other]
        if (border !== this.pendingBorder) { this.flushBorder(); this.pendingBorder = border }
        this.pendingUnits += Math.min(end, (column + 1) * UNITS) - Math.max(start, column * UNITS)
      }
    }
  }

  /** Border cells collect their covered units over consecutive pieces, then add them at once. */
  private flushBorder(): void {
    if (this.pendingBorder >= 0) this.border.add(this.pendingBorder, 0, this.pendingUnits)
    this.pendingBorder = -1
    this.pendingUnits = 0
  }

  /** Sorts the chords [from, to) of a row by low end in place: insertion sort, or a keyed sort when far from sorted. */
  private sortRow(from: number, to: number): void {
    const { lows, highs } = this.chords
    let moves = 0
    for (let span = from + 1; span < to; span++) {
      const low = lows[span], high = highs[span]
      let slot = span
      while (slot > from && lows[slot - 1] > low) { lows[slot] = lows[slot - 1]; highs[slot] = highs[slot - 1]; slot-- }
      lows[slot] = low
      highs[slot] = high
      moves += span - slot
      // Far from sorted (e.g. many centers on one meridian): finish with a packed-key sort.
      if (moves > 4 * (to - from)) { this.sortRowByKeys(from, to); return }
    }
  }

  /** Sorts a row's chords by a packed (low end, position) key with the native sort. */
  private sortRowByKeys(from: number, to: number): void {
    const { lows, highs } = this.chords
    const count = to - from
    if (this.keys.length < count) this.keys = new Float64Array(count * 2)
    if (this.sortedHighs.length < count) this.sortedHighs = new Uint32Array(count * 2)
    const keys = this.keys, sortedHighs = this.sortedHighs
    for (let other = from; other < to; other++) keys[other - from] = lows[other] * KEY_SHIFT + (other - from)
    const sorted = keys.subarray(0, count).sort()
    for (let position = 0; position < count; position++) {
      const low = Math.floor(sorted[position] / KEY_SHIFT)
      sortedHighs[position] = highs[from + sorted[position] - low * KEY_SHIFT]
      sorted[position] = low
    }
    for (let position = 0; position < count; position++) { lows[from + position] = sorted[position]; highs[from + position] = sortedHighs[position] }
  }

  /** Dense rows (many chords): whole cells from a difference array, chord ends merged per cell; no full sort. */
  private coverDenseRow(row: number, from: number, to: number): void {
    const { lows, highs } = this.chords
    const { rowFull, rowPartial } = this
    const columns = this.grid.columns
    rowFull.fill(0)
    for (let span = from; span < to; span++) {
      const wholeFrom = (lows[span] + UNITS - 1) >>> UNIT_BITS, wholeTo = highs[span] >>> UNIT_BITS
      if (wholeTo > wholeFrom) { rowFull[wholeFrom]++; rowFull[wholeTo]-- }
    }
    for (let column = 1; column < columns; column++) rowFull[column] += rowFull[column - 1]
    if (this.pieceKeys.length < 2 * (to - from)) this.pieceKeys = new Float64Array(4 * (to - from))
    let kept = 0
    for (let span = from; span < to; span++) kept = packPieces(lows[span], highs[span], rowFull, this.pieceKeys, kept)
    const sortedPieces = this.pieceKeys.subarray(0, kept).sort()
    mergePieces(sortedPieces, rowPartial)
    this.tallyDenseRow(row)
    for (let index = 0; index < kept; index++) rowPartial[Math.floor(sortedPieces[index] * PER_COLUMN)] = 0
  }

  /** Adds a dense row's covered units (whole cells, or the merged pieces) to its class runs. */
  private tallyDenseRow(row: number): void {
    const { rowRuns, runStart, runEnd, runClass, runBorder } = this.grid
    const { rowFull, rowPartial } = this
    for (let run = rowRuns[row]; run < rowRuns[row + 1]; run++) {
      let units = 0
      const border = runBorder[run]
      for (let column = runStart[run]; column < runEnd[run]; column++) {
        const covered = rowFull[column] > 0 ? UNITS : rowPartial[column]
        units += covered
        if (border >= 0 && covered > 0) this.border.add(border + column - runStart[run], 0, covered)
      }
      this.coveredPerClass[runClass[run]] += units
    }
  }
}

/**
 * The first build of a count grid's covered totals: per row, the length of the union of its chords,
 * intersected with the row's class runs (adds to coveredPerClass, and to `border` for cut cells).
 * Sparse rows sort their (almost sorted) chords in place and merge them; dense rows use a difference array
 * of whole cells plus the chord ends that fall in cells no chord spans.
 *
 * @example
 * coverInitialRows(grid, collectRowChords(grid, sites, 1000), coveredPerClass, new BorderTally(grid))
 */
export function coverInitialRows(
  grid: CoverageGrid, chords: RowChords, coveredPerClass: Float64Array, border: BorderTally,
): void {
  new RowUnion(grid, chords, coveredPerClass, border).coverAll()
}
