import { FRACTION_UNITS } from './coverage-grid'

const UNITS = FRACTION_UNITS
const HALF = UNITS / 2
/** Above this many pieces in one cell, the union sorts packed keys natively instead of by insertion. */
const NATIVE_SORT_FROM = 48
/** Packing of a piece as from * PIECE_SHIFT + to (both at most 65,536 < 2^17), exact in a double. */
const PIECE_SHIFT = 2 ** 17

function grow(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2)
  larger.set(array)
  return larger
}

/**
 * The chord ends that fall inside cells, as linked lists in a typed pool: head[cell] is the first piece
 * (0 = none), each piece a [from, to) range within the cell in FRACTION_UNITS and the next piece of the
 * cell. Freed pieces are reused. `covered` turns a cell's pieces and center count into its covered units.
 *
 * @example
 * const pieces = new CellPieces(grid.columns * grid.rows)
 * pieces.add(cell, 0, 30000)
 * pieces.covered(cell, 0) // 30000
 */
export class CellPieces {
  readonly head: Int32Array
  private from: Int32Array = new Int32Array(1024)
  private to: Int32Array = new Int32Array(1024)
  private next: Int32Array = new Int32Array(1024)
  /** Slot 0 is the list end. */
  private count = 1
  private free = 0
  private mergeFrom = new Int32Array(16)
  private mergeTo = new Int32Array(16)
  private packed = new Float64Array(0)

  constructor(cells: number) {
    this.head = new Int32Array(cells)
  }

  add(cell: number, from: number, to: number): void {
    let piece = this.free
    if (piece !== 0) this.free = this.next[piece]
    else {
      if (this.count === this.from.length) { this.from = grow(this.from); this.to = grow(this.to); this.next = grow(this.next) }
      piece = this.count++
    }
    this.from[piece] = from
    this.to[piece] = to
    this.next[piece] = this.head[cell]
    this.head[cell] = piece
  }

  remove(cell: number, from: number, to: number): void {
    const next = this.next
    for (let previous = 0, piece = this.head[cell]; piece !== 0; previous = piece, piece = next[piece]) {
      if (this.from[piece] !== from || this.to[piece] !== to) continue
      if (previous === 0) this.head[cell] = next[piece]
      else next[previous] = next[piece]
      next[piece] = this.free
      this.free = piece
      return
    }
  }

  /** Adds the pieces of chord [low, high) on the row starting at cell `offset`: the cells it only partly covers. */
  addChordEnds(offset: number, low: number, high: number): void {
    const first = Math.floor(low / UNITS)
    const last = Math.ceil(high / UNITS) - 1
    const firstFrom = low - first * UNITS
    if (first === last) {
      const to = high - first * UNITS
      if (firstFrom > 0 || to < UNITS) this.add(offset + first, firstFrom, to)
      return
    }
    if (firstFrom > 0) this.add(offset + first, firstFrom, UNITS)
    const lastTo = high - last * UNITS
    if (lastTo < UNITS) this.add(offset + last, 0, lastTo)
  }

  /** Covered units of a cell whose center `centerCount` chords cover: whole when a chord spans it, else the union of its pieces. */
  covered(cell: number, centerCount: number): number {
    const head = this.head[cell]
    if (head === 0) return centerCount > 0 ? UNITS : 0
    const { from, to, next } = this
    let centered = 0, count = 0
    for (let piece = head; piece !== 0; piece = next[piece]) {
      if (from[piece] <= HALF && to[piece] >= HALF) centered++
      count++
    }
    if (centerCount > centered) return UNITS // a chord without an end in the cell covers its center: all of it
    return this.union(head, count)
  }

  /** Length of the union of a cell's pieces: insertion sort by start (lists are short), then merge. */
  private union(head: number, count: number): number {
    if (count > NATIVE_SORT_FROM) return this.packedUnion(head, count)
    if (this.mergeFrom.length < count) { this.mergeFrom = new Int32Array(count * 2); this.mergeTo = new Int32Array(count * 2) }
    const { from, to, next, mergeFrom, mergeTo } = this
    let size = 0
    for (let piece = head; piece !== 0; piece = next[piece]) {
      let slot = size++
      while (slot > 0 && mergeFrom[slot - 1] > from[piece]) { mergeFrom[slot] = mergeFrom[slot - 1]; mergeTo[slot] = mergeTo[slot - 1]; slot-- }
      mergeFrom[slot] = from[piece]
      mergeTo[slot] = to[piece]
    }
    let total = 0, start = mergeFrom[0], end = mergeTo[0]
    for (let slot = 1; slot < size; slot++) {
      if (mergeFrom[slot] > end) { total += end - start; start = mergeFrom[slot]; end = mergeTo[slot] } else if (mergeTo[slot] > end) end = mergeTo[slot]
    }
    return total + end - start
  }

  /** The same union for a crowded cell (many circles ending in it): packed keys and the native sort. */
  private packedUnion(head: number, count: number): number {
    if (this.packed.length < count) this.packed = new Float64Array(count * 2)
    const { from, to, next } = this
    let size = 0
    for (let piece = head; piece !== 0; piece = next[piece]) this.packed[size++] = from[piece] * PIECE_SHIFT + to[piece]
    const sorted = this.packed.subarray(0, size).sort()
    let total = 0, start = -1, end = -1
    for (const key of sorted) {
      const pieceFrom = Math.floor(key / PIECE_SHIFT), pieceTo = key - pieceFrom * PIECE_SHIFT
      if (pieceFrom > end) { total += end - start; start = pieceFrom; end = pieceTo } else if (pieceTo > end) end = pieceTo
    }
    return total + end - start
  }
}
