import KDBush from 'kdbush'
import { degreeBox } from './degree-box'
import { haversineMeters } from './haversine-meters'
import { smallAsin } from './small-asin'
import { EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180
const EARTH_RADIUS = EARTH_RADIUS_METERS // a local binding keeps hot loops off module-export getters

function grow(buffer: Int32Array, size: number): Int32Array {
  const larger = new Int32Array(Math.max(size, buffer.length * 2))
  larger.set(buffer)
  return larger
}

/** Reusable output of withinInto: typed arrays that withinInto replaces with larger ones when full. */
export interface NeighbourBuffer {
  indexes: Int32Array
  distances: Float64Array
}

/** A static lng/lat index that answers exact great-circle radius queries. */
export interface PointIndex {
  size: number
  /** Calls `visit(index, distanceMeters)` for every point within `radiusMeters` (haversine) of lng/lat. */
  within(lng: number, lat: number, radiusMeters: number, visit: (index: number, distanceMeters: number) => void): void
  /** Writes the indexes and distances of the points within `radiusMeters` into `out` (grown as needed); returns the count. */
  withinInto(lng: number, lat: number, radiusMeters: number, out: NeighbourBuffer): number
  /** Like withinInto but writes only the indexes (out.distances is left stale): no trig for points well inside. */
  indexesWithinInto(lng: number, lat: number, radiusMeters: number, out: NeighbourBuffer): number
  /** Index and distance of the nearest point, or null when the index is empty. */
  nearest(lng: number, lat: number, startRadiusMeters?: number): { index: number; distanceMeters: number } | null
}

/**
 * Index points for haversine radius and nearest-neighbour queries, geokdbush-style: kdbush's KD-tree over
 * lng/lat prunes by a degree box, then each candidate is tested by the chord between unit vectors (stored
 * in tree order, so no trig per candidate); within a micrometre of the edge haversineMeters decides, so
 * counts match a brute-force haversine exactly.
 *
 * @example
 * const index = createPointIndex([{ lng: 120.55, lat: 31.87 }])
 * index.within(120.551, 31.87, 1000, (i, d) => console.log(i, Math.round(d))) // 0 95
 */
export function createPointIndex(points: readonly { lng: number; lat: number }[]): PointIndex {
  const tree = new KDBush(Math.max(1, points.length), 16)
  for (const point of points) tree.add(point.lng, point.lat)
  if (points.length === 0) tree.add(0, 0)
  tree.finish()
  const { ids, coords, nodeSize } = tree
  const unit = new Float64Array(ids.length * 3) // x, y, z per tree position: one cache line per candidate
  for (let position = 0; position < ids.length; position++) {
    const cosLat = Math.cos(coords[2 * position + 1] * RADIANS)
    unit[3 * position] = cosLat * Math.cos(coords[2 * position] * RADIANS)
    unit[3 * position + 1] = cosLat * Math.sin(coords[2 * position] * RADIANS)
    unit[3 * position + 2] = Math.sin(coords[2 * position + 1] * RADIANS)
  }
  const stack = new Int32Array(3 * 128)
  let candidateBuffer: Int32Array = new Int32Array(256)

  const query = (lng: number, lat: number, radiusMeters: number, out: NeighbourBuffer, distancesWanted: boolean): number => {
    if (points.length === 0) return 0
    const [west, south, east, north] = degreeBox(lng, lat, radiusMeters)
    const cosLat = Math.cos(lat * RADIANS)
    const qx = cosLat * Math.cos(lng * RADIANS), qy = cosLat * Math.sin(lng * RADIANS), qz = Math.sin(lat * RADIANS)
    const maxChordSquared = (2 * Math.sin(radiusMeters / EARTH_RADIUS / 2)) ** 2 * (1 + 1e-9)
    // Chords below this are ≥ 1 mm inside the radius: no exact distance is needed to accept them.
    const surelyInsideChordSquared = distancesWanted || radiusMeters < 0.01 ? -1
      : (2 * Math.sin((radiusMeters - 1e-3) / EARTH_RADIUS / 2)) ** 2
    // kdbush's range walk (same pruning), gathering tree positions inside the degree box.
    let candidates = 0
    stack[0] = 0; stack[1] = ids.length - 1; stack[2] = 0
    let top = 3
    while (top > 0) {
      const axis = stack[--top], right = stack[--top], left = stack[--top]
      if (right - left <= nodeSize) {
        if (candidateBuffer.length < candidates + nodeSize + 1) candidateBuffer = grow(candidateBuffer, candidates + nodeSize + 1)
        for (let position = left; position <= right; position++) {
          const x = coords[2 * position], y = coords[2 * position + 1]
          if (x >= west && x <= east && y >= south && y <= north) candidateBuffer[candidates++] = position
        }
        continue
      }
      const middle = (left + right) >> 1
      const x = coords[2 * middle], y = coords[2 * middle + 1]
      if (x >= west && x <= east && y >= south && y <= north) {
        if (candidateBuffer.length === candidates) candidateBuffer = grow(candidateBuffer, candidates + 1)
        candidateBuffer[candidates++] = middle
      }
      if (axis === 0 ? west <= x : south <= y) { stack[top++] = left; stack[top++] = middle - 1; stack[top++] = 1 - axis }
      if (axis === 0 ? east >= x : north >= y) { stack[top++] = middle + 1; stack[top++] = right; stack[top++] = 1 - axis }
    }
    if (out.indexes.length < candidates) {
      out.indexes = new Int32Array(candidates * 2)
      out.distances = new Float64Array(candidates * 2)
    }
    const { indexes, distances } = out
    let found = 0
    for (let candidate = 0; candidate < candidates; candidate++) {
      const position = candidateBuffer[candidate]
      const dx = unit[3 * position] - qx, dy = unit[3 * position + 1] - qy, dz = unit[3 * position + 2] - qz
      const chordSquared = dx * dx + dy * dy + dz * dz
      if (chordSquared > maxChordSquared) continue
      const index = ids[position]
      if (chordSquared < surelyInsideChordSquared) { indexes[found++] = index; continue }
      let distance = 2 * EARTH_RADIUS * smallAsin(Math.min(1, 0.5 * Math.sqrt(chordSquared)))
      // Within a micrometre of the edge, decide with haversineMeters itself so counts match it exactly.
      if (Math.abs(distance - radiusMeters) < 1e-6) distance = haversineMeters(lng, lat, points[index].lng, points[index].lat)
      if (distance > radiusMeters) continue
      indexes[found] = index
      distances[found++] = distance
    }
    return found
  }
  const withinInto: PointIndex['withinInto'] = (lng, lat, radiusMeters, out) => query(lng, lat, radiusMeters, out, true)
  const indexesWithinInto: PointIndex['indexesWithinInto'] = (lng, lat, radiusMeters, out) => query(lng, lat, radiusMeters, out, false)

  const within: PointIndex['within'] = (lng, lat, radiusMeters, visit) => {
    const out: NeighbourBuffer = { indexes: new Int32Array(16), distances: new Float64Array(16) }
    const found = withinInto(lng, lat, radiusMeters, out)
    for (let position = 0; position < found; position++) visit(out.indexes[position], out.distances[position])
  }

  const nearestBuffer: NeighbourBuffer = { indexes: new Int32Array(64), distances: new Float64Array(64) }
  const nearest: PointIndex['nearest'] = (lng, lat, startRadiusMeters = 1000) => {
    if (points.length === 0) return null
    // Grow the search radius until a point lies inside it: then no point outside can be nearer.
    for (let radius = startRadiusMeters; ; radius *= 2) {
      const found = withinInto(lng, lat, Math.min(radius, 2e7), nearestBuffer)
      if (found > 0) {
        let best = 0
        for (let position = 1; position < found; position++) {
          if (nearestBuffer.distances[position] < nearestBuffer.distances[best]) best = position
        }
        return { index: nearestBuffer.indexes[best], distanceMeters: nearestBuffer.distances[best] }
      }
      if (radius > 2e7) return null
    }
  }
  return { size: points.length, within, withinInto, indexesWithinInto, nearest }
}
