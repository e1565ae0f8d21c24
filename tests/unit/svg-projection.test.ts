import { expect, test } from 'vitest'
import { fitSvgProjection } from '../../src/lib/svg-projection'

test('the projection fits the bounds into the width, north up, with the margin around', () => {
  const projection = fitSvgProjection([120, 31, 121, 32], 1000, 10)
  expect(projection.project([120, 32])).toEqual([10, 10])
  const [x, y] = projection.project([121, 31])
  expect(x).toBe(990)
  expect(Math.abs(y - (projection.height - 10))).toBeLessThanOrEqual(0.5)
  // One degree of latitude is longer on the page than one of longitude at 31.5° N.
  expect(projection.height - 20).toBeGreaterThan(980)
})

test.each([
  { rings: [[[120, 31], [121, 31], [121, 32], [120, 31]]], commands: 1 },
  { rings: [[[120, 31], [121, 31], [121, 32], [120, 31]], [[120.2, 31.2], [120.3, 31.2], [120.3, 31.3], [120.2, 31.2]]], commands: 2 },
  { rings: [[[120, 31], [121, 31]]], commands: 0 },
])('path draws each ring of three or more points as one closed subpath ($commands)', ({ rings, commands }) => {
  const path = fitSvgProjection([120, 31, 121, 32], 100).path(rings)
  expect(path.match(/M/g)?.length ?? 0).toBe(commands)
  expect(path.match(/Z/g)?.length ?? 0).toBe(commands)
})
