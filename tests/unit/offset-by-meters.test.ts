import { expect, test } from 'vitest'
import { haversineMeters } from '../../src/lib/coverage'
import { offsetByMeters } from '../../src/lib/offset-by-meters'

test.each([
  { name: '200 m north', east: 0, north: 200 },
  { name: '200 m south', east: 0, north: -200 },
  { name: '200 m east', east: 200, north: 0 },
  { name: '1 km west', east: -1000, north: 0 },
  { name: '300 m north-east', east: 300, north: 300 },
])('$name from Zhangjiagang lands that far away on the engine\'s sphere (within 1 cm per 100 m)', ({ east, north }) => {
  const from = { lng: 120.555, lat: 31.875 }
  const [lng, lat] = offsetByMeters(from.lng, from.lat, east, north)
  const expected = Math.hypot(east, north)
  expect(Math.abs(haversineMeters(from.lng, from.lat, lng, lat) - expected)).toBeLessThan(expected / 10_000)
})

test('north and south change only the latitude, east and west only the longitude, and zero is no move', () => {
  const [northLng, northLat] = offsetByMeters(120.5, 31.8, 0, 500)
  expect(northLng).toBe(120.5)
  expect(northLat).toBeGreaterThan(31.8)
  const [eastLng, eastLat] = offsetByMeters(120.5, 31.8, 500, 0)
  expect(eastLat).toBe(31.8)
  expect(eastLng).toBeGreaterThan(120.5)
  expect(offsetByMeters(120.5, 31.8, 0, 0)).toEqual([120.5, 31.8])
})

test('a metre east is more longitude farther from the equator', () => {
  const [nearEquator] = offsetByMeters(0, 1, 1000, 0)
  const [farNorth] = offsetByMeters(0, 60, 1000, 0)
  expect(farNorth / nearEquator).toBeCloseTo(1 / Math.cos(Math.PI / 3), 2)
})
