import { haversineMeters } from './coverage/haversine-meters'

/**
 * Great-circle (haversine) distance in metres between two WGS84 [lng, lat] points: the coverage engine's
 * haversineMeters (one implementation), for callers holding coordinate pairs.
 *
 * @example
 * distanceMeters([120.55, 31.87], [120.56, 31.87]) // ≈ 944
 */
export function distanceMeters(from: readonly [number, number], to: readonly [number, number]): number {
  return haversineMeters(from[0], from[1], to[0], to[1])
}
