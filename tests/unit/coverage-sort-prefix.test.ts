import { describe, expect, it } from 'vitest'
import { sortPrefix } from '../../src/lib/coverage/sort-prefix'
import { seededRandom } from '../../src/lib/seeded-random'

describe('sortPrefix', () => {
  it('sorts the first count values like the native numeric sort, short and long, and leaves the rest alone', () => {
    const random = seededRandom(8)
    for (const count of [0, 1, 2, 7, 31, 95, 96, 97, 400]) {
      const values = Float64Array.from({ length: count + 5 }, () => Math.floor(random() * 50) - 10 + random())
      const tail = Array.from(values.subarray(count))
      const expected = Array.from(values.subarray(0, count)).sort((a, b) => a - b)
      const sorted = sortPrefix(values, count)
      expect(Array.from(sorted)).toEqual(expected)
      expect(Array.from(values.subarray(0, count))).toEqual(expected) // in place
      expect(Array.from(values.subarray(count))).toEqual(tail)
    }
    const integers = Int32Array.of(5, -3, 5, 0, 9)
    expect(Array.from(sortPrefix(integers, 4))).toEqual([-3, 0, 5, 5])
    expect(integers[4]).toBe(9)
  })
})
