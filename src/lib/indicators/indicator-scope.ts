import type { Feature, Point } from 'geojson'
import type { CommunityProperties, InstitutionProperties } from '../types'

/** Everything one indicator may read for the city or one planning area. */
export interface IndicatorScope {
  /** Institutions in the scope. */
  institutions: readonly InstitutionProperties[]
  /** Demand points in the scope. */
  communities: readonly Feature<Point, CommunityProperties>[]
  /** Community 托育 points of the whole city: reach does not stop at an area's edge. */
  communityPoints: readonly [number, number][]
  /** Ids of institutions whose nearest community is a village (村委会): the base of the rural price KPI. */
  ruralIds: ReadonlySet<string>
  /** Township-level units in the scope (附件2 mapping). */
  units: readonly string[]
  /** Per-capita disposable income, yuan per year; null when targets.json does not give it. */
  income: { residents: number | null; urban: number | null; rural: number | null }
}

/** A measured value, or null with the reason it cannot be measured. */
export type Measure = { value: number } | { value: null; reason: string }

export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)

/** numerator / denominator × scale, or null with the reason when the denominator is zero. */
export function ratio(numerator: number, denominator: number, scale: number, emptyReason: string): Measure {
  return denominator > 0 ? { value: (numerator / denominator) * scale } : { value: null, reason: emptyReason }
}
