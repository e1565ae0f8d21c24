import { expect, test } from 'vitest'
import gcoord from 'gcoord'
import { navigationLinks } from '../../src/lib/navigation-links'

const target = { lng: 120.553553, lat: 31.872728, name: '杨舍 托育&点' }
const origin = { lng: 120.56, lat: 31.88, name: '我的位置' }

function pair(text: string): [number, number] {
  const [a, b] = text.split(',').map(Number)
  return [a, b]
}
const gcj = (point: { lng: number; lat: number }) => gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02)
const bd = (point: { lng: number; lat: number }) => gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.BD09)

test('Amap gets a walking route to the GCJ-02 point', () => {
  const url = new URL(navigationLinks(target).amap)
  expect(url.origin + url.pathname).toBe('https://uri.amap.com/navigation')
  expect(url.searchParams.get('mode')).toBe('walk')
  const [lng, lat, name] = (url.searchParams.get('to') ?? '').split(',')
  expect(Number(lng)).toBeCloseTo(gcj(target)[0], 6)
  expect(Number(lat)).toBeCloseTo(gcj(target)[1], 6)
  expect(name).toBe(target.name)
  // The GCJ-02 offset near Zhangjiagang is hundreds of metres, so the conversion really happened.
  expect(Math.abs(Number(lng) - target.lng) + Math.abs(Number(lat) - target.lat)).toBeGreaterThan(0.002)
  // Without my place Amap starts from the phone's own location.
  expect(url.searchParams.has('from')).toBe(false)
})

test('Baidu gets a walking route to the BD-09 lat,lng', () => {
  const url = new URL(navigationLinks(target).baidu)
  expect(url.origin + url.pathname).toBe('https://api.map.baidu.com/direction')
  expect(url.searchParams.get('mode')).toBe('walking')
  expect(url.searchParams.get('coord_type')).toBe('bd09ll')
  const match = /^latlng:([\d.]+),([\d.]+)\|name:(.*)$/.exec(url.searchParams.get('destination') ?? '')
  expect(Number(match?.[1])).toBeCloseTo(bd(target)[1], 6)
  expect(Number(match?.[2])).toBeCloseTo(bd(target)[0], 6)
  expect(match?.[3]).toBe(target.name)
})

test('Tencent gets a walking route plan to the GCJ-02 lat,lng', () => {
  const url = new URL(navigationLinks(target).tencent)
  expect(url.origin + url.pathname).toBe('https://apis.map.qq.com/uri/v1/routeplan')
  expect(url.searchParams.get('type')).toBe('walk')
  const [lat, lng] = pair(url.searchParams.get('tocoord') ?? '')
  expect(lat).toBeCloseTo(gcj(target)[1], 6)
  expect(lng).toBeCloseTo(gcj(target)[0], 6)
  expect(url.searchParams.get('to')).toBe(target.name)
})

test('my place becomes each route\'s converted start', () => {
  const links = navigationLinks({ ...target, origin })
  const [amapLng, amapLat] = (new URL(links.amap).searchParams.get('from') ?? '').split(',').map(Number)
  expect([amapLng, amapLat][0]).toBeCloseTo(gcj(origin)[0], 6)
  expect(amapLat).toBeCloseTo(gcj(origin)[1], 6)
  const baiduOrigin = /^latlng:([\d.]+),([\d.]+)\|/.exec(new URL(links.baidu).searchParams.get('origin') ?? '')
  expect(Number(baiduOrigin?.[1])).toBeCloseTo(bd(origin)[1], 6)
  const [tencentLat] = pair(new URL(links.tencent).searchParams.get('fromcoord') ?? '')
  expect(tencentLat).toBeCloseTo(gcj(origin)[1], 6)
})

test('the geo: link carries the WGS84 point unconverted', () => {
  expect(navigationLinks(target).geo).toBe(`geo:31.872728,120.553553?q=31.872728,120.553553(${encodeURIComponent(target.name)})`)
})

test('the target is not mutated', () => {
  const copy = { ...target, origin: { ...origin } }
  navigationLinks(copy)
  expect(copy).toEqual({ ...target, origin })
})
