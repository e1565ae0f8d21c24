import gcoord from 'gcoord'
import type { RegistryCrs } from './parse-registry-row'

/**
 * Converts a registry coordinate to WGS84 with gcoord (GCJ-02 is about 465 m off near Zhangjiagang;
 * BD-09 a little more). The input array is never modified.
 *
 * @example
 * toWgs84([120.5, 31.9], 'GCJ02') // ≈ [120.49551, 31.90196]
 */
export function toWgs84(position: readonly [number, number], crs: RegistryCrs): [number, number] {
  if (crs === 'WGS84') return [position[0], position[1]]
  const from = crs === 'BD09' ? gcoord.BD09 : gcoord.GCJ02
  const [lon, lat] = gcoord.transform([position[0], position[1]], from, gcoord.WGS84)
  return [lon, lat]
}
