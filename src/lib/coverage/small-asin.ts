/**
 * asin for the tiny arguments of town-scale geometry (|x| < 0.01, i.e. arcs under ~64 km): the Taylor
 * series to x⁹ is exact in double precision there and several times faster than Math.asin.
 *
 * @example
 * smallAsin(1e-4) === Math.asin(1e-4) // true (to the last bit or one ulp)
 */
export function smallAsin(x: number): number {
  if (x > 0.01 || x < -0.01) return Math.asin(x)
  const x2 = x * x
  return x * (1 + x2 * (1 / 6 + x2 * (3 / 40 + x2 * (5 / 112 + x2 * (35 / 1152)))))
}
