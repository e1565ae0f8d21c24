import { FRACTION_UNITS, NO_ZONE, type CoverageGrid } from './coverage-grid'

/**
 * Covered area of the cells an outline cuts, per border slot (zone index or CITY_SLOT), in FRACTION_UNITS.
 * Each border cell splits into entries (slot, units inside); a change of the cell's covered units moves
 * every entry by its share, rounded per entry, so adding and then removing the same cover returns exactly.
 *
 * @example
 * const tally = new BorderTally(grid)
 * tally.add(tally.borderOf(cell), 0, FRACTION_UNITS) // the whole cut cell is now covered
 * tally.coveredUnits[CITY_SLOT] // covered units of the city's cut cells
 */
export class BorderTally {
  readonly coveredUnits = new Float64Array(NO_ZONE + 1)
  private readonly cells: Int32Array
  private readonly entryStart: Int32Array
  private readonly entrySlot: Uint8Array
  private readonly entryUnits: Int32Array

  constructor(grid: CoverageGrid) {
    this.cells = grid.borderCells
    this.entryStart = grid.borderEntryStart
    this.entrySlot = grid.borderEntrySlot
    this.entryUnits = grid.borderEntryUnits
  }

  /** Moves border cell `border` from `before` to `after` covered units. */
  add(border: number, before: number, after: number): void {
    const { coveredUnits, entrySlot, entryUnits } = this
    for (let entry = this.entryStart[border], end = this.entryStart[border + 1]; entry < end; entry++) {
      const units = entryUnits[entry]
      coveredUnits[entrySlot[entry]] += Math.round((units * after) / FRACTION_UNITS) - Math.round((units * before) / FRACTION_UNITS)
    }
  }

  /** Border index of a cell of a border class (binary search: border cells are sorted by cell index). */
  borderOf(cell: number): number {
    const cells = this.cells
    let low = 0, high = cells.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cells[middle] < cell) low = middle + 1
      else high = middle
    }
    return low
  }
}
