const EDGE = Math.exp(-0.5)

/**
 * The E2SFCA Gaussian distance decay, rescaled to 1 at the site and 0 at the radius:
 * W(d) = (exp(-½(d/r)²) − exp(-½)) / (1 − exp(-½)) for d ≤ r, 0 beyond.
 *
 * @example
 * gaussianDecay(0, 1000) // 1
 * gaussianDecay(500, 1000) // ≈ 0.6046
 * gaussianDecay(1200, 1000) // 0
 */
export function gaussianDecay(distanceMeters: number, radiusMeters: number): number {
  if (distanceMeters > radiusMeters) return 0
  const ratio = distanceMeters / radiusMeters
  return (Math.exp(-0.5 * ratio * ratio) - EDGE) / (1 - EDGE)
}
