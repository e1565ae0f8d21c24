import { expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { FeatureCollection, Point } from 'geojson'
import { distanceMeters } from '../../src/lib/distance-meters'
import { sortInstitutions } from '../../src/lib/sort-institutions'
import type { InstitutionProperties } from '../../src/lib/types'

function placed() {
  const collection = JSON.parse(readFileSync('tests/fixtures/institutions/small.geojson', 'utf8')) as FeatureCollection<Point, InstitutionProperties>
  return collection.features.map((feature) => ({ properties: feature.properties, coordinates: feature.geometry.coordinates as [number, number] }))
}
const origin: [number, number] = [120.55, 31.875]

test('distanceMeters: one thousandth of a degree of latitude is about 111 m; zero to itself', () => {
  expect(distanceMeters([120.55, 31.875], [120.55, 31.876])).toBeCloseTo(111.2, 0)
  expect(distanceMeters(origin, origin)).toBe(0)
  // T2 is 0.006° of longitude east at 31.875°N: 0.006 × 111.2 km × cos(31.875°) ≈ 567 m.
  expect(distanceMeters(origin, [120.556, 31.875])).toBeGreaterThan(560)
  expect(distanceMeters(origin, [120.556, 31.875])).toBeLessThan(574)
})

test('by distance: nearest first, with the distance attached', () => {
  const sorted = sortInstitutions(placed(), 'distance', origin)
  expect(sorted.map((item) => item.properties.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6'])
  expect(sorted[0].distanceMeters).toBe(0)
  for (let index = 1; index < sorted.length; index++) expect(sorted[index].distanceMeters).toBeGreaterThanOrEqual(sorted[index - 1].distanceMeters)
})

test('by price: cheapest first, unknown price last, equal prices by distance', () => {
  const sorted = sortInstitutions(placed(), 'price', origin)
  expect(sorted.map((item) => item.properties.id)).toEqual(['T2', 'T1', 'T6', 'T4', 'T3', 'T5'])
})

test('by vacancies: most free places first, equal counts by distance', () => {
  const sorted = sortInstitutions(placed(), 'vacancies', origin)
  expect(sorted.map((item) => item.properties.id)).toEqual(['T4', 'T1', 'T2', 'T5', 'T3', 'T6'])
})

test('the input list is not reordered or mutated', () => {
  const list = placed()
  const before = JSON.stringify(list)
  sortInstitutions(list, 'price', origin)
  expect(JSON.stringify(list)).toBe(before)
})
