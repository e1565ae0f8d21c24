import { BorderTally } from './border-tally'
import { CellPieces } from './cell-pieces'
import { circleRowSpans } from './circle-row-spans'
import { collectRowChords, type RowChords } from './collect-row-chords'
import { coverInitialRows } from './cover-initial-rows'
import { BORDER_ZONE, FRACTION_UNITS, NO_ZONE, type CoverageGrid } from './coverage-grid'
import { ensureClassRow } from './ensure-class-row'

const UNITS = FRACTION_UNITS
const HALF = UNITS / 2

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
  counts(): Uint32Array
}

/** A count grid for circles of one radius: initial totals from the row chords, then per-cell edits. */
class ChordCountGrid implements CountGrid {
  readonly coveredPerClass = new Float64Array(256)
  readonly coveredBorderUnits: Float64Array
  private readonly border: BorderTally
  /** Center counts and chord-end pieces, allocated when an edit first touches a row or counts are asked for. */
  private cellCounts = new Uint32Array(0)
  private pieces = new CellPieces(0)
  private cellClass: Uint8Array
  private readonly rowReady: Uint8Array
  private editDelta: 1 | -1 = 1
  /** Columns [skipStart, skipEnd) of the row being edited that a move leaves covered (empty outside moves). */
  private skipStart = 0
  private skipEnd = 0
  /** A move's new chords and skipped columns per row, cleared after each move. */
  private readonly newLow: Float64Array
  private readonly newHigh: Float64Array
  private readonly oldSkipStart: Int32Array
  private readonly oldSkipEnd: Int32Array
  private readonly touchedRows: number[] = []
  private readonly editChord = (row: number, low: number, high: number) => this.edit(row, low, high)
  private readonly keepNewChord = (row: number, low: number, high: number) => {
    this.newLow[row] = low; this.newHigh[row] = high; this.touchedRows.push(row)
  }
  private readonly removeOldChord = (row: number, low: number, high: number) => this.removeMoved(row, low, high)

  constructor(private readonly grid: CoverageGrid, private readonly chords: RowChords, private readonly radiusMeters: number) {
    this.border = new BorderTally(grid)
    this.coveredBorderUnits = this.border.coveredUnits
    this.cellClass = grid.cellClass
    this.rowReady = new Uint8Array(grid.rows)
    this.newLow = new Float64Array(grid.rows)
    this.newHigh = new Float64Array(grid.rows)
    this.oldSkipStart = new Int32Array(grid.rows)
    this.oldSkipEnd = new Int32Array(grid.rows)
    coverInitialRows(grid, chords, this.coveredPerClass, this.border)
  }

  stamp(lng: number, lat: number, delta: 1 | -1): void {
    this.editDelta = delta
    this.skipStart = this.skipEnd = 0
    circleRowSpans(this.grid, lng, lat, this.radiusMeters, UNITS, this.editChord)
  }

  /**
   * New chords first (kept per row), then the old chord of each row is taken off and the new one put on,
   * skipping the cells strictly inside both: a short drag touches only the cells near chord ends.
   */
  move(fromLng: number, fromLat: number, toLng: number, toLat: number): void {
    this.touchedRows.length = 0
    circleRowSpans(this.grid, toLng, toLat, this.radiusMeters, UNITS, this.keepNewChord)
    this.editDelta = -1
    circleRowSpans(this.grid, fromLng, fromLat, this.radiusMeters, UNITS, this.removeOldChord)
    this.editDelta = 1
    for (const row of this.touchedRows) {
      this.skipStart = this.oldSkipStart[row]; this.skipEnd = this.oldSkipEnd[row]
      this.edit(row, this.newLow[row], this.newHigh[row])
      this.newLow[row] = this.newHigh[row] = this.oldSkipStart[row] = this.oldSkipEnd[row] = 0
    }
    this.skipStart = this.skipEnd = 0
  }

  counts(): Uint32Array {
    for (let row = 0; row < this.grid.rows; row++) if (!this.rowReady[row]) this.materialise(row)
    return this.cellCounts
  }

  /** Takes a moved circle's old chord off a row, skipping the columns its new chord also spans. */
  private removeMoved(row: number, low: number, high: number): void {
    if (this.newHigh[row] > 0) {
      this.skipStart = Math.max(Math.floor(low / UNITS), Math.floor(this.newLow[row] / UNITS)) + 1
      this.skipEnd = Math.min(Math.ceil(high / UNITS), Math.ceil(this.newHigh[row] / UNITS)) - 1
      this.oldSkipStart[row] = this.skipStart; this.oldSkipEnd[row] = this.skipEnd
    } else this.skipStart = this.skipEnd = 0
    this.edit(row, low, high)
  }

  /** Builds a row's per-cell state from its initial chords: center counts (a difference array) and pieces. */
  private materialise(row: number): void {
    const { columns, rows } = this.grid
    if (this.cellCounts.length === 0) { this.cellCounts = new Uint32Array(columns * rows); this.pieces = new CellPieces(columns * rows) }
    ensureClassRow(this.grid, row)
    this.cellClass = this.grid.cellClass
    this.rowReady[row] = 1
    const { lows, highs } = this.chords
    const counts = this.cellCounts
    const offset = row * columns
    for (let span = this.chords.start[row]; span < this.chords.end[row]; span++) {
      const first = Math.ceil((lows[span] - HALF) / UNITS), last = Math.floor((highs[span] - HALF) / UNITS)
      if (last >= first) {
        counts[offset + first]++
        if (last + 1 < columns) counts[offset + last + 1]--
      }
      this.pieces.addChordEnds(offset, lows[span], highs[span])
    }
    let running = 0
    for (let cell = offset, end = offset + columns; cell < end; cell++) {
      running = (running + counts[cell]) >>> 0 // wrap-around arithmetic: exact below 2^32
      counts[cell] = running
    }
  }

  private change(cell: number, before: number, after: number): void {
    if (before === after) return
    const value = this.cellClass[cell]
    this.coveredPerClass[value] += after - before
    if ((value & NO_ZONE) === BORDER_ZONE) this.border.add(this.border.borderOf(cell), before, after)
  }

  /** One end cell of a chord: its piece (when the chord ends inside it) changes as well as its count. */
  private editEnd(cell: number, from: number, to: number, center: boolean): void {
    const before = this.pieces.covered(cell, this.cellCounts[cell])
    if (center) this.cellCounts[cell] += this.editDelta
    if (from > 0 || to < UNITS) {
      if (this.editDelta === 1) this.pieces.add(cell, from, to)
      else this.pieces.remove(cell, from, to)
    }
    this.change(cell, before, this.pieces.covered(cell, this.cellCounts[cell]))
  }

  /** Applies one chord: end cells (and cells holding other chords' ends) through `covered`, the rest fast. */
  private edit(row: number, low: number, high: number): void {
    if (!this.rowReady[row]) this.materialise(row)
    const offset = row * this.grid.columns
    const firstColumn = Math.floor(low / UNITS), lastColumn = Math.ceil(high / UNITS) - 1
    const first = Math.ceil((low - HALF) / UNITS), last = Math.floor((high - HALF) / UNITS)
    const lowFrom = low - firstColumn * UNITS
    if (firstColumn === lastColumn) {
      this.editEnd(offset + firstColumn, lowFrom, high - firstColumn * UNITS, first <= firstColumn && firstColumn <= last)
      return
    }
    this.editEnd(offset + firstColumn, lowFrom, UNITS, first <= firstColumn)
    this.editEnd(offset + lastColumn, 0, high - lastColumn * UNITS, lastColumn <= last)
    this.editInner(offset + firstColumn + 1, offset + lastColumn, offset)
  }

  /** The cells strictly between a chord's end cells; those inside both the old and the new chord of a move are skipped. */
  private editInner(from: number, to: number, offset: number): void {
    const counts = this.cellCounts, head = this.pieces.head, delta = this.editDelta
    const skipFrom = offset + Math.max(from - offset, this.skipStart), skipTo = offset + Math.min(to - offset, this.skipEnd)
    for (let cell = from; cell < to; cell++) {
      if (cell === skipFrom && skipTo > skipFrom) { cell = skipTo - 1; continue }
      if (head[cell] !== 0) {
        const old = this.pieces.covered(cell, counts[cell])
        counts[cell] += delta
        this.change(cell, old, this.pieces.covered(cell, counts[cell]))
      } else if (delta === 1) {
        if (counts[cell]++ === 0) this.change(cell, 0, UNITS)
      } else if (--counts[cell] === 0) this.change(cell, UNITS, 0)
    }
  }
}

/**
 * A count grid for circles of one radius. Covered area is measured per grid row from the circles' exact
 * chords at the row's center line (quantised to 1/FRACTION_UNITS of a cell): the union of the row's chords,
 * intersected with the zone runs, and, in the cells an outline cuts, scaled by each outline's exact share.
 * The initial build never touches single cells: the chords of a row are sorted and merged into their
 * union. The per-cell state of a row — center counts (32-bit) and the chord ends that fall inside cells —
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
  return new ChordCountGrid(grid, collectRowChords(grid, centers, radiusMeters), radiusMeters)
}
