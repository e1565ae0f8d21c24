import { EARTH_RADIUS_METERS } from './coverage/types'

const DEGREES_PER_METER = 180 / Math.PI / EARTH_RADIUS_METERS

/**
 * The WGS84 point `eastMeters` east and `northMeters` north of [lng, lat] (a local flat-earth step on the coverage
 * engine's sphere: exact to well under a metre for the few hundred metres of a keyboard nudge).
 *
 * @example
 * offsetByMeters(120.55, 31.87, 0, 200) // [120.55, 31.8717986…]
 */
export function offsetByMeters(lng: number, lat: number, eastMeters: number, northMeters: number): [number, number] {
  return [lng + (eastMeters * DEGREES_PER_METER) / Math.cos((lat * Math.PI) / 180), lat + northMeters * DEGREES_PER_METER]
}
