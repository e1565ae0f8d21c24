import { EARTH_RADIUS_METERS } from './types'

const RADIANS = Math.PI / 180

/**
 * Great-circle distance between two WGS84 points, in metres (haversine, mean Earth radius).
 *
 * @example
 * haversineMeters(120.55, 31.87, 120.56, 31.87) // ≈ 945
 */
export function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const sinHalfLat = Math.sin((lat2 - lat1) * RADIANS * 0.5)
  const sinHalfLng = Math.sin((lng2 - lng1) * RADIANS * 0.5)
  const h = sinHalfLat * sinHalfLat + Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * sinHalfLng * sinHalfLng
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)))
}
