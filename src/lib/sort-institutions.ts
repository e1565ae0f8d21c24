import { distanceMeters } from './distance-meters'
import type { InstitutionProperties } from './types'

export const SORT_KEYS = ['distance', 'price', 'vacancies'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export interface PlacedInstitution {
  properties: InstitutionProperties
  /** WGS84 [lng, lat]. */
  coordinates: [number, number]
}

export interface SortedInstitution extends PlacedInstitution {
  distanceMeters: number
}

function vacanciesOf(properties: InstitutionProperties): number {
  return Math.max(0, properties.capacity - properties.enrolled)
}

/**
 * Returns a new list with each institution's distance from `origin`, ordered by distance (nearest first),
 * full-day price (cheapest first, unknown prices last) or vacancies (most first). Ties fall back to distance, then id.
 *
 * @example
 * sortInstitutions(list, 'price', [120.55, 31.87])[0].properties.priceFullDay // the lowest price
 */
export function sortInstitutions(
  institutions: readonly PlacedInstitution[],
  by: SortKey,
  origin: readonly [number, number],
): SortedInstitution[] {
  const withDistance = institutions.map((institution) => ({
    ...institution,
    distanceMeters: distanceMeters(origin, institution.coordinates),
  }))
  const byDistance = (a: SortedInstitution, b: SortedInstitution) =>
    a.distanceMeters - b.distanceMeters || a.properties.id.localeCompare(b.properties.id)
  const compare: Record<SortKey, (a: SortedInstitution, b: SortedInstitution) => number> = {
    distance: byDistance,
    price: (a, b) => (a.properties.priceFullDay ?? Infinity) - (b.properties.priceFullDay ?? Infinity) || byDistance(a, b),
    vacancies: (a, b) => vacanciesOf(b.properties) - vacanciesOf(a.properties) || byDistance(a, b),
  }
  return withDistance.sort(compare[by])
}
