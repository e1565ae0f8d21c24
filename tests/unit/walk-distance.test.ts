import { expect, test } from 'vitest'
import { walkDistance } from '../../src/lib/walk-distance'

test.each([
  [846, { value: 850, unit: 'm', minutes: 11 }],
  [0, { value: 0, unit: 'm', minutes: 1 }],
  [994, { value: 990, unit: 'm', minutes: 12 }],
  [996, { value: 1, unit: 'km', minutes: 12 }],
  [1000, { value: 1, unit: 'km', minutes: 13 }],
  [2345, { value: 2.3, unit: 'km', minutes: 29 }],
  [-5, { value: 0, unit: 'm', minutes: 1 }],
  [Number.NaN, { value: 0, unit: 'm', minutes: 1 }],
])('%d m reads as %o', (meters, expected) => {
  expect(walkDistance(meters)).toEqual(expected)
})

test('the walking time is 80 m per minute (GB 50180)', () => {
  expect(walkDistance(1200).minutes).toBe(15)
})
