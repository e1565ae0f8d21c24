import { expect, test } from 'vitest'
import { nearestPoint } from '../../src/lib/nearest-point'
import { distanceMeters } from '../../src/lib/distance-meters'

test.each([
  { name: 'the closer of two', points: [[120.6, 31.9], [120.551, 31.87]] as [number, number][], index: 1 },
  { name: 'the first of a tie', points: [[120.56, 31.87], [120.56, 31.87]] as [number, number][], index: 0 },
  { name: 'a single point', points: [[121, 32]] as [number, number][], index: 0 },
])('nearestPoint picks $name', ({ points, index }) => {
  const from: [number, number] = [120.55, 31.87]
  const copy = structuredClone(points)
  const nearest = nearestPoint(from, points)
  expect(nearest?.index).toBe(index)
  expect(nearest?.distanceMeters).toBeCloseTo(distanceMeters(from, points[index]), 6)
  expect(points).toEqual(copy)
})

test('nearestPoint of no points is null', () => {
  expect(nearestPoint([120.55, 31.87], [])).toBeNull()
})
