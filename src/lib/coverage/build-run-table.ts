import { BORDER_ZONE, CITY_SLOT, FRACTION_UNITS, IN_CITY, NO_ZONE, type CoverageGrid } from './coverage-grid'
import type { OutlineRows } from './outline-rows'
import { sortPrefix } from './sort-prefix'

/** Sort key of a cut cell in a row: column * CUT_KEY + its position (more than 125 zones × 65,535 columns). */
const CUT_KEY = 2 ** 23
const PER_CUT_KEY = 2 ** -23

/** The class runs and border tables of a grid: the part of CoverageGrid the outlines decide. */
export type RunTable = Pick<CoverageGrid,
  'cellsPerClass' | 'rowRuns' | 'runStart' | 'runEnd' | 'runClass' | 'runBorder' | 'borderCells' | 'borderEntryStart' |
  'borderEntrySlot' | 'borderEntryUnits' | 'borderUnitsPerSlot'>

/** Cuts each gathered row into runs of one class; cut cells become border cells with their entries. */
class RunTableBuilder {
  readonly cellsPerClass = new Int32Array(256)
  readonly rowRuns: Int32Array
  readonly borderUnitsPerSlot = new Float64Array(NO_ZONE + 1)
  /** Runs as (start, end, class) triples, and per run its first border index or −1. */
  private readonly segments: number[] = []
  private readonly runBorder: number[] = []
  private readonly borderCells: number[] = []
  private readonly borderEntryStart: number[] = [0]
  private readonly borderEntrySlot: number[] = []
  private readonly borderEntryUnits: number[] = []
  /** The row's interior segments (start, end, class) before the cut cells are taken out. */
  private readonly rowSegments: number[] = []
  private ends = new Float64Array(64)
  private order = new Float64Array(64)

  constructor(private readonly columns: number, rows: number) {
    this.cellsPerClass[NO_ZONE] = columns * rows
    this.rowRuns = new Int32Array(rows + 1)
  }

  addRow(row: number, outlines: OutlineRows): void {
    this.rowSegments.length = 0
    this.rowRuns[row] = this.segments.length / 3
    if (outlines.runLength === 0 && outlines.cutCount === 0) return
    this.interiorSegments(outlines.runs, outlines.runLength)
    this.addCutCells(row, outlines.cuts, outlines.cutCount)
  }

  finish(rows: number): RunTable {
    const { segments } = this
    const runCount = segments.length / 3
    this.rowRuns[rows] = runCount
    const runStart = new Int32Array(runCount), runEnd = new Int32Array(runCount), runClass = new Uint8Array(runCount)
    for (let run = 0; run < runCount; run++) {
      runStart[run] = segments[run * 3]; runEnd[run] = segments[run * 3 + 1]; runClass[run] = segments[run * 3 + 2]
    }
    return {
      cellsPerClass: this.cellsPerClass, rowRuns: this.rowRuns, runStart, runEnd, runClass,
      runBorder: Int32Array.from(this.runBorder), borderCells: Int32Array.from(this.borderCells),
      borderEntryStart: Int32Array.from(this.borderEntryStart), borderEntrySlot: Uint8Array.from(this.borderEntrySlot),
      borderEntryUnits: Int32Array.from(this.borderEntryUnits), borderUnitsPerSlot: this.borderUnitsPerSlot,
    }
  }

  /** Interior segments of one class between consecutive run ends (a later zone wins where zones overlap). */
  private interiorSegments(runs: Float64Array, runLength: number): void {
    const endCount = (runLength / 3) * 2
    if (this.ends.length < endCount) this.ends = new Float64Array(endCount * 2)
    const ends = this.ends
    for (let run = 0, end = 0; run < runLength; run += 3, end += 2) { ends[end] = runs[run]; ends[end + 1] = runs[run + 1] }
    sortPrefix(ends, endCount)
    for (let index = 0; index + 1 < endCount; index++) {
      const start = ends[index], end = ends[index + 1]
      if (end === start) continue
      let zone = NO_ZONE, city = 0
      for (let run = 0; run < runLength; run += 3) {
        if (runs[run] > start || runs[run + 1] < end) continue
        if (runs[run + 2] < 0) city = IN_CITY
        else zone = runs[run + 2]
      }
      if ((zone | city) !== NO_ZONE) this.rowSegments.push(start, end, zone | city)
    }
  }

  /** Positions of the row's cuts sorted by column, then input order. */
  private sortedCuts(cuts: Float64Array, cutCount: number): Float64Array {
    if (this.order.length < cutCount) this.order = new Float64Array(cutCount * 2)
    for (let cut = 0; cut < cutCount; cut++) this.order[cut] = cuts[3 * cut] * CUT_KEY + cut
    const sorted = sortPrefix(this.order, cutCount)
    // Back from keys to cut positions (CUT_KEY is a power of two: the multiplication is exact, unlike a slow `%`).
    for (let position = 0; position < cutCount; position++) sorted[position] -= Math.floor(sorted[position] * PER_CUT_KEY) * CUT_KEY
    return sorted
  }

  /** Pushes the row's interior segments with each cut cell taken out as a border cell of its own. */
  private addCutCells(row: number, cuts: Float64Array, cutCount: number): void {
    const sorted = this.sortedCuts(cuts, cutCount)
    const rowSegments = this.rowSegments
    let segment = 0, column = 0
    for (let position = 0; position < cutCount;) {
      const cell = cuts[3 * sorted[position]]
      while (segment < rowSegments.length && rowSegments[segment + 1] <= cell) {
        this.pushSegment(Math.max(column, rowSegments[segment]), rowSegments[segment + 1], rowSegments[segment + 2], row)
        segment += 3
      }
      const inside = segment < rowSegments.length && rowSegments[segment] <= cell ? rowSegments[segment + 2] : NO_ZONE
      if (segment < rowSegments.length) this.pushSegment(Math.max(column, rowSegments[segment]), cell, rowSegments[segment + 2], row)
      let end = position
      while (end < cutCount && cuts[3 * sorted[end]] === cell) end++
      this.addBorderCell(row, cell, inside, cuts, sorted, position, end)
      position = end
      column = cell + 1
    }
    for (; segment < rowSegments.length; segment += 3) {
      this.pushSegment(Math.max(column, rowSegments[segment]), rowSegments[segment + 1], rowSegments[segment + 2], row)
    }
  }

  /** One cut cell (cuts sorted[from] … sorted[to − 1]): entries for the outlines it lies wholly inside, then one per outline cutting it. */
  private addBorderCell(row: number, cell: number, inside: number, cuts: Float64Array, sorted: Float64Array, from: number, to: number): void {
    let cityUnits = inside & IN_CITY ? FRACTION_UNITS : 0
    if ((inside & NO_ZONE) !== NO_ZONE) this.addEntry(inside & NO_ZONE, FRACTION_UNITS)
    if (inside & IN_CITY) this.addEntry(CITY_SLOT, FRACTION_UNITS)
    for (let position = from; position < to; position++) {
      const cut = sorted[position]
      const code = cuts[3 * cut + 1]
      const units = Math.min(FRACTION_UNITS, Math.round(cuts[3 * cut + 2] * FRACTION_UNITS))
      if (code < 0) cityUnits = units
      this.addEntry(code < 0 ? CITY_SLOT : code, units)
    }
    this.pushSegment(cell, cell + 1, BORDER_ZONE | (cityUnits * 2 >= FRACTION_UNITS ? IN_CITY : 0), row)
    this.borderCells.push(row * this.columns + cell)
    this.borderEntryStart.push(this.borderEntrySlot.length)
  }

  private addEntry(slot: number, units: number): void {
    if (units <= 0) return
    this.borderEntrySlot.push(slot); this.borderEntryUnits.push(units); this.borderUnitsPerSlot[slot] += units
  }

  /** Appends a run, extending the previous one when it has the same class and touches it (border runs too). */
  private pushSegment(start: number, end: number, value: number, row: number): void {
    if (value === NO_ZONE || end <= start) return
    const segments = this.segments
    const last = segments.length - 3
    if (segments.length / 3 > this.rowRuns[row] && segments[last + 1] === start && segments[last + 2] === value) segments[last + 1] = end
    else { segments.push(start, end, value); this.runBorder.push((value & NO_ZONE) === BORDER_ZONE ? this.borderCells.length : -1) }
    this.cellsPerClass[value] += end - start
    this.cellsPerClass[NO_ZONE] -= end - start
  }
}

/**
 * The class runs and border tables of a grid from its scan-converted outlines: each row is cut into runs of
 * one class (zone index | IN_CITY), and every cell an outline cuts becomes a border cell whose entries give
 * the part of it in each zone and in the city, in FRACTION_UNITS.
 *
 * @example
 * const table = buildRunTable(new OutlineRows(outlines, zoneCount, columns, rows, toGrid), columns, rows)
 * table.rowRuns[rows] // number of runs
 */
export function buildRunTable(outlines: OutlineRows, columns: number, rows: number): RunTable {
  const builder = new RunTableBuilder(columns, rows)
  for (let row = 0; row < rows; row++) {
    outlines.gatherRow(row)
    builder.addRow(row, outlines)
  }
  return builder.finish(rows)
}
