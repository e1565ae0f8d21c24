import { distanceMeters } from './distance-meters'

export interface NearestPoint {
  /** Index into the given points. */
  index: number
  distanceMeters: number
}

/**
 * The point nearest to `from` (great-circle distance), or null when there are none. Ties keep the first.
 *
 * @example
 * nearestPoint([120.55, 31.87], [[120.6, 31.9], [120.551, 31.87]]) // { index: 1, distanceMeters: ≈ 94 }
 */
export function nearestPoint(from: readonly [number, number], points: readonly (readonly [number, number])[]): NearestPoint | null {
  let best: NearestPoint | null = null
  points.forEach((point, index) => {
    const meters = distanceMeters(from, point)
    if (best === null || meters < best.distanceMeters) best = { index, distanceMeters: meters }
  })
  return best
}
