import { haversineMeters } from './haversine-meters'
import { smallAsin } from './small-asin'
import { EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180
const DEGREES = 180 / Math.PI
const EARTH_RADIUS = EARTH_RADIUS_METERS // a local binding keeps hot loops off module-export getters
/** Bucket edge as a share of the radius: smaller buckets leave fewer points to test one by one. */
const BUCKETS_PER_RADIUS = 8

/**
 * For every point, how many centres lie within `radiusMeters` great-circle distance (haversine, decided
 * exactly as createPointIndex decides it). Points are bucketed in a lng/lat grid; per centre and bucket row
 * the buckets wholly inside the circle (with 1 m to spare) are counted as one contiguous block without any
 * distance, and only points in buckets the circle's edge crosses are tested one by one.
 *
 * @example
 * countCoveringSites([{ lng: 120.55, lat: 31.87 }], [{ lng: 120.551, lat: 31.87 }], 1000) // Int32Array [1]
 */
export function countCoveringSites(
  points: readonly { lng: number; lat: number }[], centres: readonly { lng: number; lat: number }[], radiusMeters: number,
): Int32Array {
  const counts = new Int32Array(points.length)
  if (points.length === 0 || centres.length === 0) return counts
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
  for (const { lng, lat } of centres) {
    const siteLat = lat * RADIANS
    const siteCos = Math.cos(siteLat)
    const qx = siteCos * Math.cos(lng * RADIANS), qy = siteCos * Math.sin(lng * RADIANS), qz = Math.sin(siteLat)
    /** Longitude half-width (degrees) of the circle with haversine hav at latitude `atLat` (degrees); −1 when it misses. */
    const halfWidth = (atLat: number, hav: number) => {
      const sinHalf = Math.sin((atLat * RADIANS - siteLat) / 2)
      const rest = hav - sinHalf * sinHalf
      return rest < 0 ? -1 : 2 * smallAsin(Math.min(1, Math.sqrt(rest / (siteCos * Math.cos(atLat * RADIANS))))) * DEGREES
    }
    const firstRow = Math.max(0, Math.floor((lat - reachLat - south) / bucketLat))
    const lastRow = Math.min(rows - 1, Math.floor((lat + reachLat - south) / bucketLat))
    for (let row = firstRow; row <= lastRow; row++) {
      const rowSouth = south + row * bucketLat
      const outer = halfWidth(Math.min(rowSouth + bucketLat, Math.max(rowSouth, lat)), havOuter)
      if (outer < 0) continue
      const first = Math.max(0, Math.floor((lng - outer - west) / bucketLng))
      const last = Math.min(columns - 1, Math.floor((lng + outer - west) / bucketLng))
      if (last < first) continue
      const inner = Math.min(halfWidth(rowSouth, havInner), halfWidth(rowSouth + bucketLat, havInner))
      let fullFirst = inner < 0 ? last + 1 : Math.max(first, Math.ceil((lng - inner - west) / bucketLng))
      const fullLast = inner < 0 ? first - 1 : Math.min(last, Math.floor((lng + inner - west) / bucketLng) - 1)
      if (fullLast < fullFirst) fullFirst = last + 1
      const offset = row * columns
      // Wholly inside: one contiguous block of points, no distances.
      if (fullFirst <= fullLast) {
        for (let position = bucketStart[offset + fullFirst]; position < bucketStart[offset + fullLast + 1]; position++) counts[order[position]]++
      }
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
  return counts
}
