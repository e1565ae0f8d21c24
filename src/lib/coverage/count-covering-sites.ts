import { haversineMeters } from './haversine-meters'
import { smallAsin } from './small-asin'
import { EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180
const DEGREES = 180 / Math.PI
const EARTH_RADIUS = EARTH_RADIUS_METERS // a local binding keeps hot loops off module-export getters
/** Bucket edge as a share of the radius: smaller buckets leave fewer points to test one by one. */
const BUCKETS_PER_RADIUS = 8

/**
 * Longitude half-width (degrees) of the circle with haversine `hav` around a center at latitude siteLat
 * (radians, cosine siteCos) at latitude atLat (radians, cosine atCos); −1 when the circle misses that latitude.
 */
function halfWidth(atLat: number, atCos: number, siteLat: number, siteCos: number, hav: number): number {
  const half = (atLat - siteLat) / 2
  const halfSquared = half * half
  // Town-scale differences are tiny: the sine series to x⁵ is exact in double precision there.
  const sinHalf = half < 0.01 && half > -0.01 ? half * (1 - halfSquared * (1 / 6 - halfSquared / 120)) : Math.sin(half)
  const rest = hav - sinHalf * sinHalf
  return rest < 0 ? -1 : 2 * smallAsin(Math.min(1, Math.sqrt(rest / (siteCos * atCos)))) * DEGREES
}

/** Points bucketed in a lng/lat grid (about radius/8 per bucket), in bucket order with their unit vectors. */
interface Buckets {
  west: number; south: number; bucketLng: number; bucketLat: number; columns: number; rows: number
  /** Bucket b holds positions bucketStart[b] … bucketStart[b + 1] − 1; order[position] is the point's index. */
  bucketStart: Int32Array
  order: Int32Array
  /** x, y, z per position. */
  unit: Float64Array
  /** Bucket-row edges: latitude (radians) and its cosine, computed once instead of per center and row. */
  edgeLat: Float64Array
  edgeCos: Float64Array
}

function bucketPoints(points: readonly { lng: number; lat: number }[], radiusMeters: number): Buckets {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity
  for (const { lng, lat } of points) {
    west = Math.min(west, lng); east = Math.max(east, lng); south = Math.min(south, lat); north = Math.max(north, lat)
  }
  let bucketLat = (radiusMeters / BUCKETS_PER_RADIUS / EARTH_RADIUS) * DEGREES
  let bucketLng = bucketLat / Math.cos(Math.min(89, Math.max(Math.abs(south), Math.abs(north))) * RADIANS)
  // Keep the bucket table within a few entries per point, whatever the spread.
  const growth = Math.max(1, Math.sqrt(((east - west) / bucketLng + 1) * ((north - south) / bucketLat + 1) / (4 * points.length + 1024)))
  bucketLat *= growth; bucketLng *= growth
  const columns = Math.floor((east - west) / bucketLng) + 1
  const rows = Math.floor((north - south) / bucketLat) + 1
  const bucketStart = new Int32Array(columns * rows + 1)
  const bucketOf = Int32Array.from(points, ({ lng, lat }) =>
    Math.min(rows - 1, Math.floor((lat - south) / bucketLat)) * columns + Math.min(columns - 1, Math.floor((lng - west) / bucketLng)))
  for (const bucket of bucketOf) bucketStart[bucket + 1]++
  for (let bucket = 0; bucket < columns * rows; bucket++) bucketStart[bucket + 1] += bucketStart[bucket]
  const order = new Int32Array(points.length)
  const unit = new Float64Array(points.length * 3)
  const fill = bucketStart.slice(0, columns * rows)
  bucketOf.forEach((bucket, index) => {
    const position = fill[bucket]++
    order[position] = index
    const cosLat = Math.cos(points[index].lat * RADIANS)
    unit[3 * position] = cosLat * Math.cos(points[index].lng * RADIANS)
    unit[3 * position + 1] = cosLat * Math.sin(points[index].lng * RADIANS)
    unit[3 * position + 2] = Math.sin(points[index].lat * RADIANS)
  })
  const edgeLat = new Float64Array(rows + 1)
  const edgeCos = new Float64Array(rows + 1)
  for (let edge = 0; edge <= rows; edge++) {
    edgeLat[edge] = (south + edge * bucketLat) * RADIANS
    edgeCos[edge] = Math.cos(edgeLat[edge])
  }
  return { west, south, bucketLng, bucketLat, columns, rows, bucketStart, order, unit, edgeLat, edgeCos }
}

/** Counts, per point, the centers whose circle holds it: whole blocks of buckets at once, edge points one by one. */
class CoverCounter {
  readonly counts: Int32Array
  /** Wholly inside blocks, as +1 at a block's first position and −1 after its last, in bucket order. */
  private readonly blockDelta: Int32Array
  private readonly maxChordSquared: number
  private readonly surelyInsideChordSquared: number
  private readonly havInner: number
  private readonly havOuter: number
  private readonly reachLat: number
  /** The center being counted: lng/lat in degrees, latitude in radians with its cosine, unit vector. */
  private lng = 0
  private lat = 0
  private siteLat = 0
  private siteCos = 0
  private qx = 0
  private qy = 0
  private qz = 0

  constructor(private readonly points: readonly { lng: number; lat: number }[], private readonly buckets: Buckets, private readonly radiusMeters: number) {
    this.counts = new Int32Array(points.length)
    this.blockDelta = new Int32Array(points.length + 1)
    this.maxChordSquared = (2 * Math.sin(radiusMeters / EARTH_RADIUS / 2)) ** 2 * (1 + 1e-9)
    this.surelyInsideChordSquared = (2 * Math.sin((radiusMeters - 1e-3) / EARTH_RADIUS / 2)) ** 2
    this.havInner = Math.sin((radiusMeters - 1) / EARTH_RADIUS / 2) ** 2
    this.havOuter = Math.sin((radiusMeters + 1) / EARTH_RADIUS / 2) ** 2
    this.reachLat = ((radiusMeters + 1) / EARTH_RADIUS) * DEGREES
  }

  addCenter(lng: number, lat: number): void {
    const { south, bucketLat, rows } = this.buckets
    this.lng = lng; this.lat = lat
    const siteLat = (this.siteLat = lat * RADIANS)
    const siteCos = (this.siteCos = Math.cos(siteLat))
    this.qx = siteCos * Math.cos(lng * RADIANS); this.qy = siteCos * Math.sin(lng * RADIANS); this.qz = Math.sin(siteLat)
    const firstRow = Math.max(0, Math.floor((lat - this.reachLat - south) / bucketLat))
    const lastRow = Math.min(rows - 1, Math.floor((lat + this.reachLat - south) / bucketLat))
    for (let row = firstRow; row <= lastRow; row++) this.addRow(row)
  }

  /** Blocks were marked at their ends in bucket order: a running sum gives each point its block count. */
  finish(): Int32Array {
    const { order } = this.buckets
    for (let position = 0, running = 0; position < this.points.length; position++) {
      running += this.blockDelta[position]
      this.counts[order[position]] += running
    }
    return this.counts
  }

  /** One bucket row of the current center: its wholly inside block, then the edge buckets point by point. */
  private addRow(row: number): void {
    const { west, south, bucketLng, bucketLat, columns, bucketStart, edgeLat, edgeCos } = this.buckets
    const { lng, lat, siteLat, siteCos } = this
    // The row's widest latitude: the center's own when the row holds it, else the nearer edge.
    const outer = lat < south + row * bucketLat ? halfWidth(edgeLat[row], edgeCos[row], siteLat, siteCos, this.havOuter)
      : lat > south + (row + 1) * bucketLat ? halfWidth(edgeLat[row + 1], edgeCos[row + 1], siteLat, siteCos, this.havOuter)
        : halfWidth(siteLat, siteCos, siteLat, siteCos, this.havOuter)
    if (outer < 0) return
    const first = Math.max(0, Math.floor((lng - outer - west) / bucketLng))
    const last = Math.min(columns - 1, Math.floor((lng + outer - west) / bucketLng))
    if (last < first) return
    // Narrowest at the edge farther from the center's latitude (the width falls off away from it; the 1 m
    // margin of havInner absorbs the sub-millimetre poleward shift of the widest latitude).
    const far = lat - (south + row * bucketLat) > south + (row + 1) * bucketLat - lat ? row : row + 1
    const inner = halfWidth(edgeLat[far], edgeCos[far], siteLat, siteCos, this.havInner)
    let fullFirst = inner < 0 ? last + 1 : Math.max(first, Math.ceil((lng - inner - west) / bucketLng))
    const fullLast = inner < 0 ? first - 1 : Math.min(last, Math.floor((lng + inner - west) / bucketLng) - 1)
    if (fullLast < fullFirst) fullFirst = last + 1
    const offset = row * columns
    // Wholly inside: one contiguous block of points, no distances; counted once, at its ends.
    if (fullFirst <= fullLast) { this.blockDelta[bucketStart[offset + fullFirst]]++; this.blockDelta[bucketStart[offset + fullLast + 1]]-- }
    const to = bucketStart[offset + last + 1]
    const skipFrom = fullFirst <= fullLast ? bucketStart[offset + fullFirst] : to
    const skipTo = fullFirst <= fullLast ? bucketStart[offset + fullLast + 1] : to
    this.testPoints(bucketStart[offset + first], to, skipFrom, skipTo)
  }

  /** Tests the points at positions [from, to) outside [skipFrom, skipTo) exactly, as createPointIndex does. */
  private testPoints(from: number, to: number, skipFrom: number, skipTo: number): void {
    const { unit, order } = this.buckets
    const { qx, qy, qz, maxChordSquared, surelyInsideChordSquared, radiusMeters, counts } = this
    for (let position = from; position < to; position++) {
      if (position === skipFrom && skipTo > skipFrom) { position = skipTo - 1; continue }
      const dx = unit[3 * position] - qx, dy = unit[3 * position + 1] - qy, dz = unit[3 * position + 2] - qz
      const chordSquared = dx * dx + dy * dy + dz * dz
      if (chordSquared > maxChordSquared) continue
      if (chordSquared >= surelyInsideChordSquared) {
        const index = order[position]
        let distance = 2 * EARTH_RADIUS * smallAsin(Math.min(1, 0.5 * Math.sqrt(chordSquared)))
        if (Math.abs(distance - radiusMeters) < 1e-6) distance = haversineMeters(this.lng, this.lat, this.points[index].lng, this.points[index].lat)
        if (distance > radiusMeters) continue
      }
      counts[order[position]]++
    }
  }
}

/**
 * For every point, how many centers lie within `radiusMeters` great-circle distance (haversine, decided
 * exactly as createPointIndex decides it). Points are bucketed in a lng/lat grid; per center and bucket row
 * the buckets wholly inside the circle (with 1 m to spare) are counted as one contiguous block without any
 * distance, and only points in buckets the circle's edge crosses are tested one by one.
 *
 * @example
 * countCoveringSites([{ lng: 120.55, lat: 31.87 }], [{ lng: 120.551, lat: 31.87 }], 1000) // Int32Array [1]
 */
export function countCoveringSites(
  points: readonly { lng: number; lat: number }[], centers: readonly { lng: number; lat: number }[], radiusMeters: number,
): Int32Array {
  if (points.length === 0 || centers.length === 0) return new Int32Array(points.length)
  const counter = new CoverCounter(points, bucketPoints(points, radiusMeters), radiusMeters)
  for (const { lng, lat } of centers) counter.addCenter(lng, lat)
  return counter.finish()
}
