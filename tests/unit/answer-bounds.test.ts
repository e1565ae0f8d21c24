import { expect, test } from 'vitest'
import { answerBounds } from '../../src/lib/answer-bounds'
import { distanceMeters } from '../../src/lib/distance-meters'

const place: [number, number] = [120.55, 31.87]

test('without results the bounds are the circle\'s square, 1,000 m each way', () => {
  const [west, south, east, north] = answerBounds(place, 1000, [])
  expect(distanceMeters(place, [east, place[1]])).toBeCloseTo(1000, -1)
  expect(distanceMeters(place, [west, place[1]])).toBeCloseTo(1000, -1)
  expect(distanceMeters(place, [place[0], north])).toBeCloseTo(1000, -1)
  expect(distanceMeters(place, [place[0], south])).toBeCloseTo(1000, -1)
})

test('a result outside the circle widens the bounds to hold it; one inside changes nothing', () => {
  const circle = answerBounds(place, 1000, [])
  expect(answerBounds(place, 1000, [[120.551, 31.871]])).toEqual(circle)
  const wider = answerBounds(place, 1000, [[120.6, 31.85]])
  expect(wider[2]).toBe(120.6)
  expect(wider[1]).toBe(31.85)
  expect([wider[0], wider[3]]).toEqual([circle[0], circle[3]])
})

test('the inputs are not mutated', () => {
  const nearest: [number, number][] = [[120.6, 31.85]]
  answerBounds(place, 1000, nearest)
  expect(nearest).toEqual([[120.6, 31.85]])
})
