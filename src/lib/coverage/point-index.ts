import KDBush from 'kdbush'
import { degreeBox } from './degree-box'
import { EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180

/** A static lng/lat index that answers exact great-circle radius queries. */
export interface PointIndex {
  size: number
  /** Calls `visit(index, distanceMeters)` for every point within `radiusMeters` (haversine) of lng/lat. */
  within(lng: number, lat: number, radiusMeters: number, visit: (index: number, distanceMeters: number) => void): void
  /** Writes the indexes and distances of the points within `radiusMeters` into the arrays; returns the count. */
  withinInto(lng: number, lat: number, radiusMeters: number, indexes: number[], distances: number[]): number
  /** Index and distance of the nearest point, or null when the index is empty. */
  nearest(lng: number, lat: number, startRadiusMeters?: number): { index: number; distanceMeters: number } | null
}

/**
 * Index points (kdbush over lng/lat) for haversine radius and nearest-neighbour queries: a degree box
 * pre-filter from the tree, then the exact great-circle check (the haversine of haversineMeters, with each
 * point's cos(lat) precomputed), geokdbush-style.
 *
 * @example
 * const index = createPointIndex([{ lng: 120.55, lat: 31.87 }])
 * index.within(120.551, 31.87, 1000, (i, d) => console.log(i, Math.round(d))) // 0 95
 */
export function createPointIndex(points: readonly { lng: number; lat: number }[]): PointIndex {
  const tree = new KDBush(Math.max(1, points.length))
  const lngs = new Float64Array(points.length)
  const lats = new Float64Array(points.length)
  const cosLats = new Float64Array(points.length)
  points.forEach((point, index) => {
    tree.add(point.lng, point.lat)
    lngs[index] = point.lng
    lats[index] = point.lat
    cosLats[index] = Math.cos(point.lat * RADIANS)
  })
  if (points.length === 0) tree.add(0, 0)
  tree.finish()
  const withinInto: PointIndex['withinInto'] = (lng, lat, radiusMeters, indexes, distances) => {
    indexes.length = 0
    distances.length = 0
    if (points.length === 0) return 0
    const [west, south, east, north] = degreeBox(lng, lat, radiusMeters)
    const cosLat = Math.cos(lat * RADIANS)
    const ids = tree.range(west, south, east, north)
    for (let position = 0; position < ids.length; position++) {
      const index = ids[position]
      // The same arithmetic as haversineMeters(lng, lat, point), so results match it bit for bit.
      const sinHalfLat = Math.sin((lats[index] - lat) * RADIANS * 0.5)
      const sinHalfLng = Math.sin((lngs[index] - lng) * RADIANS * 0.5)
      const h = sinHalfLat * sinHalfLat + cosLat * cosLats[index] * sinHalfLng * sinHalfLng
      const distance = 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)))
      if (distance <= radiusMeters) {
        indexes.push(index)
        distances.push(distance)
      }
    }
    return indexes.length
  }
  const within: PointIndex['within'] = (lng, lat, radiusMeters, visit) => {
    const indexes: number[] = []
    const distances: number[] = []
    const found = withinInto(lng, lat, radiusMeters, indexes, distances)
    for (let position = 0; position < found; position++) visit(indexes[position], distances[position])
  }
  const nearest: PointIndex['nearest'] = (lng, lat, startRadiusMeters = 1000) => {
    if (points.length === 0) return null
    // Grow the search radius until a point lies inside it: then no point outside can be nearer.
    for (let radius = startRadiusMeters; ; radius *= 2) {
      let best: { index: number; distanceMeters: number } | null = null
      within(lng, lat, radius, (index, distanceMeters) => {
        if (!best || distanceMeters < best.distanceMeters) best = { index, distanceMeters }
      })
      if (best || radius > 2.1e7) return best
    }
  }
  return { size: points.length, within, withinInto, nearest }
}
