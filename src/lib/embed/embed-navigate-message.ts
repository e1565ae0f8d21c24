import gcoord from 'gcoord'
import type { NavigateMessage } from './embed-messages'

const round = (value: number) => Number(value.toFixed(6))

/**
 * The `navigate` message for the host's native map: the institution's name with its WGS84 position and the same
 * point in GCJ-02 (what Amap, Tencent and most Chinese map SDKs expect), converted with gcoord.
 *
 * @example
 * buildNavigateMessage({ name: '杨舍托育', lng: 120.55, lat: 31.87 })
 * // { type: 'zjg-childcare/navigate', name: '杨舍托育', wgs84: [120.55, 31.87], gcj02: [120.55429, 31.867898] }
 */
export function buildNavigateMessage(target: { name: string; lng: number; lat: number }): NavigateMessage {
  const [gcjLng, gcjLat] = gcoord.transform([target.lng, target.lat], gcoord.WGS84, gcoord.GCJ02)
  return {
    type: 'zjg-childcare/navigate',
    name: target.name,
    wgs84: [round(target.lng), round(target.lat)],
    gcj02: [round(gcjLng), round(gcjLat)],
  }
}
