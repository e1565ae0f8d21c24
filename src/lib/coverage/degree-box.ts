import { EARTH_RADIUS_METERS } from './types'

const DEGREES = 180 / Math.PI

/**
 * A lng/lat box that surely contains every point within `radiusMeters` (great-circle) of a point:
 * the pre-filter for an index range query before the exact haversine check.
 *
 * @example
 * degreeBox(120.55, 31.87, 1000) // [120.5394…, 31.8610…, 120.5606…, 31.8790…]
 */
export function degreeBox(lng: number, lat: number, radiusMeters: number): [number, number, number, number] {
  const latDelta = (radiusMeters / EARTH_RADIUS_METERS) * DEGREES * 1.000001
  const farLat = Math.min(89.9, Math.abs(lat) + latDelta)
  const lngDelta = latDelta / Math.cos(farLat / DEGREES)
  return [lng - lngDelta, lat - latDelta, lng + lngDelta, lat + latDelta]
}
