import gcoord from 'gcoord'

export interface NavigationTarget {
  /** WGS84 longitude and latitude, as stored in institutions.geojson. */
  lng: number
  lat: number
  name: string
  address?: string
}

export interface NavigationLinks {
  amap: string
  baidu: string
  tencent: string
}

const APP_NAME = 'zjg-childcare-map'
const round = (value: number) => Number(value.toFixed(6))

/**
 * Web links that open Amap (GCJ-02), Baidu Maps (BD-09) and Tencent Maps (GCJ-02) at an institution; each app
 * converts them into its own navigation. The WGS84 input is converted with gcoord.
 *
 * @example
 * navigationLinks({ lng: 120.55, lat: 31.87, name: '杨舍托育' }).amap
 * // 'https://uri.amap.com/marker?position=120.554…,31.868…&name=杨舍托育&coordinate=gaode&callnative=1&src=…'
 */
export function navigationLinks(target: NavigationTarget): NavigationLinks {
  const [gcjLng, gcjLat] = gcoord.transform([target.lng, target.lat], gcoord.WGS84, gcoord.GCJ02).map(round)
  const [bdLng, bdLat] = gcoord.transform([target.lng, target.lat], gcoord.WGS84, gcoord.BD09).map(round)
  const amap = new URLSearchParams({
    position: `${gcjLng},${gcjLat}`, name: target.name, coordinate: 'gaode', callnative: '1', src: APP_NAME,
  })
  const baidu = new URLSearchParams({
    location: `${bdLat},${bdLng}`, title: target.name, content: target.address ?? target.name,
    coord_type: 'bd09ll', output: 'html', src: APP_NAME,
  })
  const tencent = new URLSearchParams({
    marker: `coord:${gcjLat},${gcjLng};title:${target.name};addr:${target.address ?? ''}`, referer: APP_NAME,
  })
  return {
    amap: `https://uri.amap.com/marker?${amap}`,
    baidu: `https://api.map.baidu.com/marker?${baidu}`,
    tencent: `https://apis.map.qq.com/uri/v1/marker?${tencent}`,
  }
}
