import type { Position } from 'geojson'
import { polygonRowFractions } from './polygon-row-fractions'

function grow(values: Float64Array, needed: number): Float64Array {
  if (needed <= values.length) return values
  const larger = new Float64Array(Math.max(needed, values.length * 2))
  larger.set(values)
  return larger
}

/**
 * Every outline (the zones, then the city) scan-converted once into flat typed buffers: per outline and row,
 * the runs of cells wholly inside and the cut cells with their inside share. `gatherRow` then lays out one
 * row of all outlines, in outline order, as runs (start, end, code) and cuts (column, code, share), where
 * code is the zone index, or −1 for the city.
 *
 * @example
 * const outlines = new OutlineRows([...zoneRings, cityRings], zoneRings.length, columns, rows, toGrid)
 * outlines.gatherRow(12)
 * outlines.runLength / 3 // interior runs of row 12, over all outlines
 */
export class OutlineRows {
  /** Row r of outline k: its run pairs start at runValues[runAt[k·rows + r]], runPairs[…] of them; cuts likewise. */
  private readonly runAt: Int32Array
  private readonly runPairs: Int32Array
  private readonly cutAt: Int32Array
  private readonly cutPairs: Int32Array
  private runValues: Float64Array = new Float64Array(4096)
  private runValueCount = 0
  private cutValues: Float64Array = new Float64Array(4096)
  private cutValueCount = 0
  /** The gathered row: runLength values of (start, end, code) triples … */
  runs: Float64Array = new Float64Array(96)
  runLength = 0
  /** … and cutCount (column, code, share) triples. */
  cuts: Float64Array = new Float64Array(96)
  cutCount = 0

  constructor(
    private readonly outlines: readonly Position[][][], private readonly zoneCount: number,
    columns: number, private readonly rows: number, toGrid: (vertex: Position) => [number, number],
  ) {
    const slots = outlines.length * rows
    this.runAt = new Int32Array(slots); this.runPairs = new Int32Array(slots)
    this.cutAt = new Int32Array(slots); this.cutPairs = new Int32Array(slots)
    outlines.forEach((rings, outline) => polygonRowFractions(rings, columns, rows, toGrid,
      (row, interior, interiorLength, border, borderLength) =>
        this.keepRow(outline * rows + row, interior, interiorLength, border, borderLength)))
  }

  /** Lays out one row of every outline into runs and cuts. */
  gatherRow(row: number): void {
    this.runLength = 0
    this.cutCount = 0
    for (let outline = 0; outline < this.outlines.length; outline++) {
      const slot = outline * this.rows + row
      const code = outline < this.zoneCount ? outline : -1
      this.gatherRuns(slot, code)
      this.gatherCuts(slot, code)
    }
  }

  private gatherRuns(slot: number, code: number): void {
    const pairs = this.runPairs[slot]
    this.runs = grow(this.runs, this.runLength + 3 * pairs)
    const runs = this.runs, values = this.runValues
    let length = this.runLength
    for (let pair = 0, at = this.runAt[slot]; pair < pairs; pair++, at += 2) {
      runs[length++] = values[at]; runs[length++] = values[at + 1]; runs[length++] = code
    }
    this.runLength = length
  }

  private gatherCuts(slot: number, code: number): void {
    const pairs = this.cutPairs[slot]
    this.cuts = grow(this.cuts, 3 * (this.cutCount + pairs))
    const cuts = this.cuts, values = this.cutValues
    let count = this.cutCount
    for (let pair = 0, at = this.cutAt[slot]; pair < pairs; pair++, at += 2, count++) {
      cuts[3 * count] = values[at]; cuts[3 * count + 1] = code; cuts[3 * count + 2] = values[at + 1]
    }
    this.cutCount = count
  }

  /** Copies one outline row (plain copies: a subarray view per row and outline would cost more than the few values it holds). */
  private keepRow(slot: number, interior: Float64Array, interiorLength: number, border: Float64Array, borderLength: number): void {
    this.runValues = grow(this.runValues, this.runValueCount + interiorLength)
    for (let value = 0; value < interiorLength; value++) this.runValues[this.runValueCount + value] = interior[value]
    this.runAt[slot] = this.runValueCount; this.runPairs[slot] = interiorLength / 2; this.runValueCount += interiorLength
    this.cutValues = grow(this.cutValues, this.cutValueCount + borderLength)
    for (let value = 0; value < borderLength; value++) this.cutValues[this.cutValueCount + value] = border[value]
    this.cutAt[slot] = this.cutValueCount; this.cutPairs[slot] = borderLength / 2; this.cutValueCount += borderLength
  }
}
