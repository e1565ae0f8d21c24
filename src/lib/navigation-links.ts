import gcoord from 'gcoord'

export interface NavigationTarget {
  /** WGS84 longitude and latitude, as stored in institutions.geojson. */
  lng: number
  lat: number
  name: string
  /** Where the walk starts (WGS84): the user's place; absent, each map app starts from its own location. */
  origin?: { lng: number; lat: number; name: string }
}

export interface NavigationLinks {
  amap: string
  baidu: string
  tencent: string
  /** RFC 5870 `geo:` URI (WGS84), opened by the system's map chooser where the platform has one (Android). */
  geo: string
}

const APP_NAME = 'zjg-childcare-map'
const round = (value: number) => Number(value.toFixed(6))
const convert = (point: { lng: number; lat: number }, to: Parameters<typeof gcoord.transform>[2]) =>
  gcoord.transform([point.lng, point.lat], gcoord.WGS84, to).map(round) as [number, number]

/**
 * Walking-route web links to an institution in Amap (GCJ-02), Baidu Maps (BD-09) and Tencent Maps (GCJ-02), each
 * converted from WGS84 with gcoord, plus a `geo:` URI. With an origin the route starts there; without, the apps
 * start from the phone's own position.
 *
 * @example
 * navigationLinks({ lng: 120.55, lat: 31.87, name: '杨舍托育' }).amap
 * // 'https://uri.amap.com/navigation?to=120.554…,31.868…,杨舍托育&mode=walk&coordinate=gaode&callnative=1&src=…'
 */
export function navigationLinks(target: NavigationTarget): NavigationLinks {
  const [gcjLng, gcjLat] = convert(target, gcoord.GCJ02)
  const [bdLng, bdLat] = convert(target, gcoord.BD09)
  const origin = target.origin
  const amap = new URLSearchParams()
  const baidu = new URLSearchParams()
  const tencent = new URLSearchParams({ type: 'walk' })
  if (origin) {
    const [fromGcjLng, fromGcjLat] = convert(origin, gcoord.GCJ02)
    const [fromBdLng, fromBdLat] = convert(origin, gcoord.BD09)
    amap.set('from', `${fromGcjLng},${fromGcjLat},${origin.name}`)
    baidu.set('origin', `latlng:${fromBdLat},${fromBdLng}|name:${origin.name}`)
    tencent.set('from', origin.name)
    tencent.set('fromcoord', `${fromGcjLat},${fromGcjLng}`)
  }
  amap.set('to', `${gcjLng},${gcjLat},${target.name}`)
  for (const [key, value] of [['mode', 'walk'], ['coordinate', 'gaode'], ['callnative', '1'], ['src', APP_NAME]]) amap.set(key, value)
  baidu.set('destination', `latlng:${bdLat},${bdLng}|name:${target.name}`)
  for (const [key, value] of [['mode', 'walking'], ['coord_type', 'bd09ll'], ['output', 'html'], ['src', APP_NAME]]) baidu.set(key, value)
  tencent.set('to', target.name)
  tencent.set('tocoord', `${gcjLat},${gcjLng}`)
  tencent.set('referer', APP_NAME)
  const wgs = `${round(target.lat)},${round(target.lng)}`
  return {
    amap: `https://uri.amap.com/navigation?${amap}`,
    baidu: `https://api.map.baidu.com/direction?${baidu}`,
    tencent: `https://apis.map.qq.com/uri/v1/routeplan?${tencent}`,
    geo: `geo:${wgs}?q=${wgs}(${encodeURIComponent(target.name)})`,
  }
}
