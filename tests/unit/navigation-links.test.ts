import { expect, test } from 'vitest'
import gcoord from 'gcoord'
import { navigationLinks } from '../../src/lib/navigation-links'

const target = { lng: 120.553553, lat: 31.872728, name: '杨舍 托育&点', address: '人民路 1 号' }

function coordinatePair(text: string): [number, number] {
  const [a, b] = text.split(',').map(Number)
  return [a, b]
}

test('Amap gets GCJ-02 lng,lat', () => {
  const url = new URL(navigationLinks(target).amap)
  expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker')
  const [lng, lat] = coordinatePair(url.searchParams.get('position') ?? '')
  const [expectedLng, expectedLat] = gcoord.transform([target.lng, target.lat], gcoord.WGS84, gcoord.GCJ02)
  expect(lng).toBeCloseTo(expectedLng, 6)
  expect(lat).toBeCloseTo(expectedLat, 6)
  expect(url.searchParams.get('coordinate')).toBe('gaode')
  expect(url.searchParams.get('name')).toBe(target.name)
  // The GCJ-02 offset near Zhangjiagang is hundreds of metres, so the conversion really happened.
  expect(Math.abs(lng - target.lng) + Math.abs(lat - target.lat)).toBeGreaterThan(0.002)
})

test('Baidu gets BD-09 lat,lng with coord_type=bd09ll', () => {
  const url = new URL(navigationLinks(target).baidu)
  expect(url.searchParams.get('coord_type')).toBe('bd09ll')
  const [lat, lng] = coordinatePair(url.searchParams.get('location') ?? '')
  const [expectedLng, expectedLat] = gcoord.transform([target.lng, target.lat], gcoord.WGS84, gcoord.BD09)
  expect(lng).toBeCloseTo(expectedLng, 6)
  expect(lat).toBeCloseTo(expectedLat, 6)
  expect(url.searchParams.get('title')).toBe(target.name)
})

test('Tencent gets GCJ-02 lat,lng in its marker', () => {
  const url = new URL(navigationLinks(target).tencent)
  const marker = url.searchParams.get('marker') ?? ''
  const match = /^coord:([\d.]+),([\d.]+);title:(.*);addr:(.*)$/.exec(marker)
  expect(match).not.toBeNull()
  const [expectedLng, expectedLat] = gcoord.transform([target.lng, target.lat], gcoord.WGS84, gcoord.GCJ02)
  expect(Number(match?.[1])).toBeCloseTo(expectedLat, 6)
  expect(Number(match?.[2])).toBeCloseTo(expectedLng, 6)
  expect(match?.[3]).toBe(target.name)
})

test('the target is not mutated', () => {
  const copy = { ...target }
  navigationLinks(copy)
  expect(copy).toEqual(target)
})
