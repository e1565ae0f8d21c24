const EARTH_RADIUS_METERS = 6_371_008.8

/**
 * Great-circle (haversine) distance in metres between two WGS84 [lng, lat] points.
 *
 * @example
 * distanceMeters([120.55, 31.87], [120.56, 31.87]) // ≈ 946
 */
export function distanceMeters(from: readonly [number, number], to: readonly [number, number]): number {
  const toRadians = Math.PI / 180
  const deltaLat = (to[1] - from[1]) * toRadians
  const deltaLng = (to[0] - from[0]) * toRadians
  const a = Math.sin(deltaLat / 2) ** 2
    + Math.cos(from[1] * toRadians) * Math.cos(to[1] * toRadians) * Math.sin(deltaLng / 2) ** 2
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)))
}
