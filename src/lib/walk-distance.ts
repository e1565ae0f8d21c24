/** Walking speed of GB 50180-2018's 15-minute life circle: 1,000 m in about 15 minutes is rounded to 80 m/min. */
export const WALK_METERS_PER_MINUTE = 80

export interface WalkDistance {
  /** The straight-line distance as shown: metres rounded to 10 below 1 km, else kilometres with one decimal. */
  value: number
  unit: 'm' | 'km'
  /** Walking time at 80 m/min, rounded, at least 1. */
  minutes: number
}

/**
 * A straight-line distance as a parent reads it, with the walking time at 80 m/min (GB 50180 basis).
 *
 * @example
 * walkDistance(846) // { value: 850, unit: 'm', minutes: 11 }
 * walkDistance(2345) // { value: 2.3, unit: 'km', minutes: 29 }
 */
export function walkDistance(meters: number): WalkDistance {
  const safe = Number.isFinite(meters) ? Math.max(0, meters) : 0
  const minutes = Math.max(1, Math.round(safe / WALK_METERS_PER_MINUTE))
  const roundedMeters = Math.round(safe / 10) * 10
  if (roundedMeters < 1000) return { value: roundedMeters, unit: 'm', minutes }
  return { value: Math.round(safe / 100) / 10, unit: 'km', minutes }
}
