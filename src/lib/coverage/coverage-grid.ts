// The count-grid frame's shape and its cell-class bits, shared by the frame builder and every reader.

/** cellClass value bits: low 7 bits = zone index (NO_ZONE when none), top bit = inside the city. */
export const NO_ZONE = 127
export const IN_CITY = 128
/** Zone bits of a cell the city or a zone outline cuts: its area is split by exact fractions (border tables). */
export const BORDER_ZONE = 126
/** Border-table slot of the city outline (zones use their index). */
export const CITY_SLOT = NO_ZONE
/** Border fractions are integers in units of 1/FRACTION_UNITS of a cell, so running sums stay exact. */
export const FRACTION_UNITS = 65536

/**
 * A static raster frame in a cylindrical equal-area projection (standard parallel at the data's center),
 * so every cell has the same true area. Cells know their zone and whether they lie in the city.
 */
export interface CoverageGrid {
  cellSizeMeters: number
  columns: number
  rows: number
  /** Projected x/y (metres) of the grid's south-west corner. */
  originX: number
  originY: number
  centralLng: number
  /** cos of the standard parallel. */
  standardCos: number
  /** Latitude (radians) and its cosine at each row's cell centers. */
  rowLat: Float64Array
  rowCos: Float64Array
  /** 1 / rowCos, so per-row chord code multiplies instead of dividing. */
  rowSec: Float64Array
  /**
   * Per cell: zone index | IN_CITY. Cell index = row * columns + column; row 0 is the south edge.
   * Allocated and filled lazily per row from the runs below: call ensureClassRow(grid, row) before reading
   * a row, and read grid.cellClass afterwards (the array is created on first use).
   */
  cellClass: Uint8Array
  /** 1 where the row of cellClass has been filled. */
  classRowReady: Uint8Array
  /** Number of cells of each cellClass value. */
  cellsPerClass: Int32Array
  /** Runs of equal class per row (NO_ZONE runs left out): row r owns runs rowRuns[r] … rowRuns[r + 1] − 1. */
  rowRuns: Int32Array
  /** Per run: first column, column after the last, cellClass value. */
  runStart: Int32Array
  runEnd: Int32Array
  runClass: Uint8Array
  /**
   * Cells cut by an outline (class BORDER_ZONE, with IN_CITY when at least half is in the city), sorted
   * by cell index; cell borderCells[b] owns entries borderEntryStart[b] … borderEntryStart[b + 1] − 1,
   * each a slot (zone index or CITY_SLOT) and the part of the cell in it, in FRACTION_UNITS.
   */
  borderCells: Int32Array
  borderEntryStart: Int32Array
  borderEntrySlot: Uint8Array
  borderEntryUnits: Int32Array
  /** Sum of the border entries per slot, in FRACTION_UNITS. */
  borderUnitsPerSlot: Float64Array
  /** Per run: border index of its first cell when its class is a border class, else −1. */
  runBorder: Int32Array
  /** Zone index → zone id, in the order of the zones collection (the ids come from the input). */
  areaIds: string[]
}
