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

/** Unit vector of each point in tree order: one cache line per candidate, no trig per query. */
function unitVectors(coords: ArrayLike<number>, count: number): Float64Array {
  const unit = new Float64Array(count * 3)
  for (let position = 0; position < count; position++) {
    const cosLat = Math.cos(coords[2 * position + 1] * RADIANS)
    unit[3 * position] = cosLat * Math.cos(coords[2 * position] * RADIANS)
    unit[3 * position + 1] = cosLat * Math.sin(coords[2 * position] * RADIANS)
    unit[3 * position + 2] = Math.sin(coords[2 * position + 1] * RADIANS)
  }
  return unit
}

/** kdbush's tree plus unit vectors in tree order; queries gather box candidates, then test chords exactly. */
class HaversineIndex implements PointIndex {
  readonly size: number
  private readonly ids: ArrayLike<number>
  private readonly coords: ArrayLike<number>
  private readonly nodeSize: number
  private readonly unit: Float64Array
  private readonly stack = new Int32Array(3 * 128)
  private candidates: Int32Array = new Int32Array(256)
  private readonly nearestBuffer: NeighbourBuffer = { indexes: new Int32Array(64), distances: new Float64Array(64) }

  constructor(private readonly points: readonly { lng: number; lat: number }[]) {
    this.size = points.length
    const tree = new KDBush(Math.max(1, points.length), 16)
    for (const point of points) tree.add(point.lng, point.lat)
    if (points.length === 0) tree.add(0, 0)
    tree.finish()
    this.ids = tree.ids
    this.coords = tree.coords
    this.nodeSize = tree.nodeSize
    this.unit = unitVectors(tree.coords, tree.ids.length)
  }

  withinInto(lng: number, lat: number, radiusMeters: number, out: NeighbourBuffer): number {
    return this.query(lng, lat, radiusMeters, out, true)
  }

  indexesWithinInto(lng: number, lat: number, radiusMeters: number, out: NeighbourBuffer): number {
    return this.query(lng, lat, radiusMeters, out, false)
  }

  within(lng: number, lat: number, radiusMeters: number, visit: (index: number, distanceMeters: number) => void): void {
    const out: NeighbourBuffer = { indexes: new Int32Array(16), distances: new Float64Array(16) }
    const found = this.withinInto(lng, lat, radiusMeters, out)
    for (let position = 0; position < found; position++) visit(out.indexes[position], out.distances[position])
  }

  nearest(lng: number, lat: number, startRadiusMeters = 1000): { index: number; distanceMeters: number } | null {
    if (this.size === 0) return null
    const buffer = this.nearestBuffer
    // Grow the search radius until a point lies inside it: then no point outside can be nearer.
    for (let radius = startRadiusMeters; ; radius *= 2) {
      const found = this.withinInto(lng, lat, Math.min(radius, 2e7), buffer)
      if (found > 0) {
        let best = 0
        for (let position = 1; position < found; position++) if (buffer.distances[position] < buffer.distances[best]) best = position
        return { index: buffer.indexes[best], distanceMeters: buffer.distances[best] }
      }
      if (radius > 2e7) return null
    }
  }

  private query(lng: number, lat: number, radiusMeters: number, out: NeighbourBuffer, distancesWanted: boolean): number {
    if (this.size === 0) return 0
    const candidates = this.boxCandidates(degreeBox(lng, lat, radiusMeters))
    if (out.indexes.length < candidates) {
      out.indexes = new Int32Array(candidates * 2)
      out.distances = new Float64Array(candidates * 2)
    }
    return this.testCandidates(lng, lat, radiusMeters, candidates, out, distancesWanted)
  }

  /** kdbush's range walk (same pruning), gathering the tree positions inside the degree box; returns their count. */
  private boxCandidates([west, south, east, north]: [number, number, number, number]): number {
    const { stack, coords, nodeSize } = this
    let candidates = 0
    stack[0] = 0; stack[1] = this.ids.length - 1; stack[2] = 0
    let top = 3
    while (top > 0) {
      const axis = stack[--top], right = stack[--top], left = stack[--top]
      if (right - left <= nodeSize) {
        if (this.candidates.length < candidates + nodeSize + 1) this.candidates = grow(this.candidates, candidates + nodeSize + 1)
        for (let position = left; position <= right; position++) {
          const x = coords[2 * position], y = coords[2 * position + 1]
          if (x >= west && x <= east && y >= south && y <= north) this.candidates[candidates++] = position
        }
        continue
      }
      const middle = (left + right) >> 1
      const x = coords[2 * middle], y = coords[2 * middle + 1]
      if (x >= west && x <= east && y >= south && y <= north) {
        if (this.candidates.length === candidates) this.candidates = grow(this.candidates, candidates + 1)
        this.candidates[candidates++] = middle
      }
      if (axis === 0 ? west <= x : south <= y) { stack[top++] = left; stack[top++] = middle - 1; stack[top++] = 1 - axis }
      if (axis === 0 ? east >= x : north >= y) { stack[top++] = middle + 1; stack[top++] = right; stack[top++] = 1 - axis }
    }
    return candidates
  }

  /** Keeps the candidates within the radius (by unit-vector chord; haversine within a micrometre of the edge). */
  private testCandidates(
    lng: number, lat: number, radiusMeters: number, candidates: number, out: NeighbourBuffer, distancesWanted: boolean,
  ): number {
    const { unit, ids, points } = this
    const cosLat = Math.cos(lat * RADIANS)
    const qx = cosLat * Math.cos(lng * RADIANS), qy = cosLat * Math.sin(lng * RADIANS), qz = Math.sin(lat * RADIANS)
    const maxChordSquared = (2 * Math.sin(radiusMeters / EARTH_RADIUS / 2)) ** 2 * (1 + 1e-9)
    // Chords below this are ≥ 1 mm inside the radius: no exact distance is needed to accept them.
    const surelyInsideChordSquared = distancesWanted || radiusMeters < 0.01 ? -1
      : (2 * Math.sin((radiusMeters - 1e-3) / EARTH_RADIUS / 2)) ** 2
    const { indexes, distances } = out
    const candidateBuffer = this.candidates
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
  return new HaversineIndex(points)
}
