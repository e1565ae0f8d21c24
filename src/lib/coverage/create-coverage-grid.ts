import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import { BORDER_ZONE, CITY_SLOT, FRACTION_UNITS, IN_CITY, NO_ZONE, type CoverageGrid } from './coverage-grid'
import { polygonRings, type PolygonSource } from './polygon-rings'
import { polygonRowFractions } from './polygon-row-fractions'
import { sortPrefix } from './sort-prefix'
import { DEFAULT_CELL_SIZE_METERS, EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180
/** Sort key of a cut cell in a row: column * CUT_KEY + its position (more than 125 zones × 65,535 columns). */
const CUT_KEY = 2 ** 23
const PER_CUT_KEY = 2 ** -23

export interface CoverageGridOptions {
  /** Zones (planning areas, or a planner's own): Polygon/MultiPolygon features whose properties.id names the zone. */
  zones: FeatureCollection<Geometry | null, { id: string }>
  /** The city outline; defaults to the union of the zones. */
  boundary?: PolygonSource
  cellSizeMeters?: number
}

function extent(rings: Position[][]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const ring of rings) for (const [lng, lat] of ring) {
    box[0] = Math.min(box[0], lng); box[1] = Math.min(box[1], lat)
    box[2] = Math.max(box[2], lng); box[3] = Math.max(box[3], lat)
  }
  return box
}

/**
 * Build the count-grid frame for the zones (and city boundary). Static per dataset: reuse it across
 * radii, bases and what-if states.
 *
 * @example
 * const grid = createCoverageGrid({ zones, boundary, cellSizeMeters: 25 })
 * grid.columns * grid.rows // ≈ 2.3 million cells for Zhangjiagang
 */
export function createCoverageGrid(options: CoverageGridOptions): CoverageGrid {
  const cellSizeMeters = options.cellSizeMeters ?? DEFAULT_CELL_SIZE_METERS
  const zoneRings = options.zones.features.map((feature) => polygonRings(feature as Feature))
  const cityRings = options.boundary ? polygonRings(options.boundary) : zoneRings.flat()
  const [west, south, east, north] = extent([...cityRings, ...zoneRings.flat()])
  const standardCos = Math.cos(((south + north) / 2) * RADIANS)
  const centralLng = (west + east) / 2
  const projectX = (lng: number) => EARTH_RADIUS_METERS * (lng - centralLng) * RADIANS * standardCos
  const projectY = (lat: number) => (EARTH_RADIUS_METERS * Math.sin(lat * RADIANS)) / standardCos
  const originX = projectX(west)
  const originY = projectY(south)
  const columns = Math.max(1, Math.ceil((projectX(east) - originX) / cellSizeMeters))
  const rows = Math.max(1, Math.ceil((projectY(north) - originY) / cellSizeMeters))
  if (columns >= 65536) throw new Error('grid too wide: use larger cells')
  const rowLat = new Float64Array(rows)
  const rowCos = new Float64Array(rows)
  const rowSec = new Float64Array(rows)
  for (let row = 0; row < rows; row++) {
    const y = originY + (row + 0.5) * cellSizeMeters
    rowLat[row] = Math.asin(Math.max(-1, Math.min(1, (y * standardCos) / EARTH_RADIUS_METERS)))
    rowCos[row] = Math.cos(rowLat[row])
    rowSec[row] = 1 / rowCos[row]
  }
  const toGrid = ([lng, lat]: Position): [number, number] =>
    [(projectX(lng) - originX) / cellSizeMeters, (projectY(lat) - originY) / cellSizeMeters]
  // Collect, per row, the runs of cells wholly inside each outline (code = zone index, or −1 for the city)
  // and the cut cells with their inside fraction; then cut each row into segments of one class.
  // Outline k (the zones, then the city) fills rows in order: its row r has the run pairs
  // runValues[runAt[k·rows + r]] … (+ 2·runPairs[…]) and the cut (column, share) pairs likewise.
  if (zoneRings.length >= BORDER_ZONE) throw new Error(`at most ${BORDER_ZONE - 1} zones`)
  const outlines = [...zoneRings, cityRings]
  const outlineCode = (outline: number) => (outline < zoneRings.length ? outline : -1)
  const runAt = new Int32Array(outlines.length * rows), runPairs = new Int32Array(outlines.length * rows)
  const cutAt = new Int32Array(outlines.length * rows), cutPairs = new Int32Array(outlines.length * rows)
  let runValues: Float64Array = new Float64Array(4096), runLength = 0
  let cutValues: Float64Array = new Float64Array(4096), cutLength = 0
  const grow = (values: Float64Array, needed: number) => {
    if (needed <= values.length) return values
    const larger = new Float64Array(Math.max(needed, values.length * 2))
    larger.set(values)
    return larger
  }
  outlines.forEach((rings, outline) => polygonRowFractions(rings, columns, rows, toGrid,
    (row, interior, interiorLength, border, borderLength) => {
      const slot = outline * rows + row
      // Plain copies: a subarray view per row and outline would cost more than the few values it holds.
      runValues = grow(runValues, runLength + interiorLength)
      for (let value = 0; value < interiorLength; value++) runValues[runLength + value] = interior[value]
      runAt[slot] = runLength; runPairs[slot] = interiorLength / 2; runLength += interiorLength
      cutValues = grow(cutValues, cutLength + borderLength)
      for (let value = 0; value < borderLength; value++) cutValues[cutLength + value] = border[value]
      cutAt[slot] = cutLength; cutPairs[slot] = borderLength / 2; cutLength += borderLength
    }))
  // The row being assembled: runs as (start, end, code) and cuts as (column, code, share) triples, in outline order.
  let runsOf: Float64Array = new Float64Array(96), cutsOf: Float64Array = new Float64Array(96)
  const cellsPerClass = new Int32Array(256)
  cellsPerClass[NO_ZONE] = columns * rows
  const rowRuns = new Int32Array(rows + 1)
  const segments: number[] = []
  const rowSegments: number[] = []
  let cuts = new Float64Array(64)
  const borderCells: number[] = []
  const borderEntryStart: number[] = [0]
  const borderEntrySlot: number[] = []
  const borderEntryUnits: number[] = []
  const borderUnitsPerSlot = new Float64Array(NO_ZONE + 1)
  const runBorder: number[] = []
  const pushSegment = (start: number, end: number, value: number, row: number) => {
    if (value === NO_ZONE || end <= start) return
    const last = segments.length - 3
    // Extend the previous segment when it has the same class and touches this one (border runs too).
    if (segments.length / 3 > rowRuns[row] && segments[last + 1] === start && segments[last + 2] === value) segments[last + 1] = end
    else { segments.push(start, end, value); runBorder.push((value & NO_ZONE) === BORDER_ZONE ? borderCells.length : -1) }
    cellsPerClass[value] += end - start
    cellsPerClass[NO_ZONE] -= end - start
  }
  const addEntry = (slot: number, units: number) => {
    if (units <= 0) return
    borderEntrySlot.push(slot); borderEntryUnits.push(units); borderUnitsPerSlot[slot] += units
  }
  let order = new Float64Array(64)
  for (let row = 0; row < rows; row++) {
    let runLimit = 0, cutTriples = 0
    for (let outline = 0; outline < outlines.length; outline++) {
      const slot = outline * rows + row
      const code = outlineCode(outline)
      if (runLimit + 3 * runPairs[slot] > runsOf.length) runsOf = grow(runsOf, runLimit + 3 * runPairs[slot])
      for (let pair = 0, at = runAt[slot]; pair < runPairs[slot]; pair++, at += 2) {
        runsOf[runLimit++] = runValues[at]; runsOf[runLimit++] = runValues[at + 1]; runsOf[runLimit++] = code
      }
      if (3 * (cutTriples + cutPairs[slot]) > cutsOf.length) cutsOf = grow(cutsOf, 3 * (cutTriples + cutPairs[slot]))
      for (let pair = 0, at = cutAt[slot]; pair < cutPairs[slot]; pair++, at += 2, cutTriples++) {
        cutsOf[3 * cutTriples] = cutValues[at]; cutsOf[3 * cutTriples + 1] = code; cutsOf[3 * cutTriples + 2] = cutValues[at + 1]
      }
    }
    rowSegments.length = 0
    rowRuns[row] = segments.length / 3
    if (runLimit === 0 && cutTriples === 0) continue
    // Interior segments of one class, as before the cut cells are taken out.
    const cutCount2 = (runLimit / 3) * 2
    if (cuts.length < cutCount2) cuts = new Float64Array(cutCount2 * 2)
    for (let run = 0, cut = 0; run < runLimit; run += 3, cut += 2) { cuts[cut] = runsOf[run]; cuts[cut + 1] = runsOf[run + 1] }
    sortPrefix(cuts, cutCount2)
    for (let cut = 0; cut + 1 < cutCount2; cut++) {
      const start = cuts[cut]
      const end = cuts[cut + 1]
      if (end === start) continue
      let zone = NO_ZONE
      let city = 0
      for (let run = 0; run < runLimit; run += 3) {
        if (runsOf[run] > start || runsOf[run + 1] < end) continue
        if (runsOf[run + 2] < 0) city = IN_CITY
        else zone = runsOf[run + 2] // a later zone wins where zones overlap
      }
      if ((zone | city) !== NO_ZONE) rowSegments.push(start, end, zone | city)
    }
    // Cut cells sorted by column; each becomes a border cell whose entries add the outlines it is wholly in.
    const cutCount = cutTriples
    if (order.length < cutCount) order = new Float64Array(cutCount * 2)
    for (let cut = 0; cut < cutCount; cut++) order[cut] = cutsOf[3 * cut] * CUT_KEY + cut // column, then input order
    const sorted = sortPrefix(order, cutCount)
    // Back from keys to cut positions (CUT_KEY is a power of two: the multiplication is exact, unlike a slow `%`).
    for (let position = 0; position < cutCount; position++) sorted[position] -= Math.floor(sorted[position] * PER_CUT_KEY) * CUT_KEY
    let segment = 0
    let column = 0
    for (let position = 0; position < cutCount;) {
      const cell = cutsOf[3 * sorted[position]]
      while (segment < rowSegments.length && rowSegments[segment + 1] <= cell) {
        pushSegment(Math.max(column, rowSegments[segment]), rowSegments[segment + 1], rowSegments[segment + 2], row)
        segment += 3
      }
      const inside = segment < rowSegments.length && rowSegments[segment] <= cell ? rowSegments[segment + 2] : NO_ZONE
      if (segment < rowSegments.length) pushSegment(Math.max(column, rowSegments[segment]), cell, rowSegments[segment + 2], row)
      let cityUnits = inside & IN_CITY ? FRACTION_UNITS : 0
      if ((inside & NO_ZONE) !== NO_ZONE) addEntry(inside & NO_ZONE, FRACTION_UNITS)
      if (inside & IN_CITY) addEntry(CITY_SLOT, FRACTION_UNITS)
      for (; position < cutCount && cutsOf[3 * sorted[position]] === cell; position++) {
        const cut = sorted[position]
        const code = cutsOf[3 * cut + 1]
        const units = Math.min(FRACTION_UNITS, Math.round(cutsOf[3 * cut + 2] * FRACTION_UNITS))
        if (code < 0) cityUnits = units
        addEntry(code < 0 ? CITY_SLOT : code, units)
      }
      pushSegment(cell, cell + 1, BORDER_ZONE | (cityUnits * 2 >= FRACTION_UNITS ? IN_CITY : 0), row)
      borderCells.push(row * columns + cell)
      borderEntryStart.push(borderEntrySlot.length)
      column = cell + 1
    }
    for (; segment < rowSegments.length; segment += 3) {
      pushSegment(Math.max(column, rowSegments[segment]), rowSegments[segment + 1], rowSegments[segment + 2], row)
    }
  }
  rowRuns[rows] = segments.length / 3
  const runCount = segments.length / 3
  const runStart = new Int32Array(runCount)
  const runEnd = new Int32Array(runCount)
  const runClass = new Uint8Array(runCount)
  for (let run = 0; run < runCount; run++) {
    runStart[run] = segments[run * 3]; runEnd[run] = segments[run * 3 + 1]; runClass[run] = segments[run * 3 + 2]
  }
  const areaIds = options.zones.features.map((feature) => feature.properties.id)
  return {
    cellSizeMeters, columns, rows, originX, originY, centralLng, standardCos, rowLat, rowCos, rowSec, cellsPerClass,
    cellClass: new Uint8Array(0), classRowReady: new Uint8Array(rows), rowRuns, runStart, runEnd, runClass, areaIds,
    borderCells: Int32Array.from(borderCells), borderEntryStart: Int32Array.from(borderEntryStart),
    borderEntrySlot: Uint8Array.from(borderEntrySlot), borderEntryUnits: Int32Array.from(borderEntryUnits),
    borderUnitsPerSlot, runBorder: Int32Array.from(runBorder),
  }
}
