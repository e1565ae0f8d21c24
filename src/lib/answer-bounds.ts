import { offsetByMeters } from './offset-by-meters'

/**
 * WGS84 bounds [west, south, east, north] that hold the circle of `radiusMeters` around `place` and every one of
 * `nearest` (near me: the 15-minute circle and the closest results). Inputs are not changed.
 *
 * @example
 * answerBounds([120.55, 31.87], 1000, [[120.57, 31.87]]) // [120.5394…, 31.8610…, 120.57, 31.8790…]
 */
export function answerBounds(
  place: readonly [number, number], radiusMeters: number, nearest: readonly (readonly [number, number])[],
): [number, number, number, number] {
  const [west, south] = offsetByMeters(place[0], place[1], -radiusMeters, -radiusMeters)
  const [east, north] = offsetByMeters(place[0], place[1], radiusMeters, radiusMeters)
  const bounds: [number, number, number, number] = [west, south, east, north]
  for (const [lng, lat] of nearest) {
    bounds[0] = Math.min(bounds[0], lng)
    bounds[1] = Math.min(bounds[1], lat)
    bounds[2] = Math.max(bounds[2], lng)
    bounds[3] = Math.max(bounds[3], lat)
  }
  return bounds
}
