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
  const counts = new Int32Array(points.length)
  if (points.length === 0 || centers.length === 0) return counts
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
  /** Wholly inside blocks, as +1 at a block's first position and −1 after its last, in bucket order. */
  const blockDelta = new Int32Array(points.length + 1)
  const unit = new Float64Array(points.length * 3) // x, y, z in bucket order
  const fill = bucketStart.slice(0, columns * rows)
  bucketOf.forEach((bucket, index) => {
    const position = fill[bucket]++
    order[position] = index
    const cosLat = Math.cos(points[index].lat * RADIANS)
    unit[3 * position] = cosLat * Math.cos(points[index].lng * RADIANS)
    unit[3 * position + 1] = cosLat * Math.sin(points[index].lng * RADIANS)
    unit[3 * position + 2] = Math.sin(points[index].lat * RADIANS)
  })
  const maxChordSquared = (2 * Math.sin(radiusMeters / EARTH_RADIUS / 2)) ** 2 * (1 + 1e-9)
  const surelyInsideChordSquared = (2 * Math.sin((radiusMeters - 1e-3) / EARTH_RADIUS / 2)) ** 2
  const havInner = Math.sin((radiusMeters - 1) / EARTH_RADIUS / 2) ** 2
  const havOuter = Math.sin((radiusMeters + 1) / EARTH_RADIUS / 2) ** 2
  const reachLat = ((radiusMeters + 1) / EARTH_RADIUS) * DEGREES
  // Bucket-row edges: latitude (radians) and its cosine, computed once instead of per center and row.
  const edgeLat = new Float64Array(rows + 1)
  const edgeCos = new Float64Array(rows + 1)
  for (let edge = 0; edge <= rows; edge++) {
    edgeLat[edge] = (south + edge * bucketLat) * RADIANS
    edgeCos[edge] = Math.cos(edgeLat[edge])
  }
  for (const { lng, lat } of centers) {
    const siteLat = lat * RADIANS
    const siteCos = Math.cos(siteLat)
    const qx = siteCos * Math.cos(lng * RADIANS), qy = siteCos * Math.sin(lng * RADIANS), qz = Math.sin(siteLat)
    const firstRow = Math.max(0, Math.floor((lat - reachLat - south) / bucketLat))
    const lastRow = Math.min(rows - 1, Math.floor((lat + reachLat - south) / bucketLat))
    for (let row = firstRow; row <= lastRow; row++) {
      // The row's widest latitude: the center's own when the row holds it, else the nearer edge.
      const outer = lat < south + row * bucketLat ? halfWidth(edgeLat[row], edgeCos[row], siteLat, siteCos, havOuter)
        : lat > south + (row + 1) * bucketLat ? halfWidth(edgeLat[row + 1], edgeCos[row + 1], siteLat, siteCos, havOuter)
          : halfWidth(siteLat, siteCos, siteLat, siteCos, havOuter)
      if (outer < 0) continue
      const first = Math.max(0, Math.floor((lng - outer - west) / bucketLng))
      const last = Math.min(columns - 1, Math.floor((lng + outer - west) / bucketLng))
      if (last < first) continue
      // Narrowest at the edge farther from the center's latitude (the width falls off away from it; the 1 m
      // margin of havInner absorbs the sub-millimetre poleward shift of the widest latitude).
      const far = lat - (south + row * bucketLat) > south + (row + 1) * bucketLat - lat ? row : row + 1
      const inner = halfWidth(edgeLat[far], edgeCos[far], siteLat, siteCos, havInner)
      let fullFirst = inner < 0 ? last + 1 : Math.max(first, Math.ceil((lng - inner - west) / bucketLng))
      const fullLast = inner < 0 ? first - 1 : Math.min(last, Math.floor((lng + inner - west) / bucketLng) - 1)
      if (fullLast < fullFirst) fullFirst = last + 1
      const offset = row * columns
      // Wholly inside: one contiguous block of points, no distances; counted once, at its ends.
      if (fullFirst <= fullLast) { blockDelta[bucketStart[offset + fullFirst]]++; blockDelta[bucketStart[offset + fullLast + 1]]-- }
      // The edge buckets left and right of the block: test each point like createPointIndex does.
      const from = bucketStart[offset + first]
      const to = bucketStart[offset + last + 1]
      const skipFrom = fullFirst <= fullLast ? bucketStart[offset + fullFirst] : to
      const skipTo = fullFirst <= fullLast ? bucketStart[offset + fullLast + 1] : to
      for (let position = from; position < to; position++) {
        if (position === skipFrom && skipTo > skipFrom) { position = skipTo - 1; continue }
        const dx = unit[3 * position] - qx, dy = unit[3 * position + 1] - qy, dz = unit[3 * position + 2] - qz
        const chordSquared = dx * dx + dy * dy + dz * dz
        if (chordSquared > maxChordSquared) continue
        if (chordSquared >= surelyInsideChordSquared) {
          const index = order[position]
          let distance = 2 * EARTH_RADIUS * smallAsin(Math.min(1, 0.5 * Math.sqrt(chordSquared)))
          if (Math.abs(distance - radiusMeters) < 1e-6) distance = haversineMeters(lng, lat, points[index].lng, points[index].lat)
          if (distance > radiusMeters) continue
        }
        counts[order[position]]++
      }
    }
  }
  // Blocks were marked at their ends in bucket order: a running sum gives each point its block count.
  for (let position = 0, running = 0; position < points.length; position++) {
    running += blockDelta[position]
    counts[order[position]] += running
  }
  return counts
}
