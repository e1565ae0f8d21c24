import type { AreaId, InstitutionProperties, InstitutionType, ServiceForm } from './types'

/** The parents' filters as plain data; empty `types` means every type. */
export interface InstitutionFilters {
  types: InstitutionType[]
  puhui: boolean
  ageMonths: number | null
  service: ServiceForm | null
  maxPrice: number | null
  hasVacancy: boolean
  medical: boolean
  inclusive: boolean
  town: AreaId | null
}

/** Filters that keep every institution. */
export const NO_FILTERS: Readonly<InstitutionFilters> = Object.freeze({
  types: [], puhui: false, ageMonths: null, service: null, maxPrice: null,
  hasVacancy: false, medical: false, inclusive: false, town: null,
})

/** Children under this age need an under-2 place. */
const UNDER_TWO_MONTHS = 24

/**
 * Whether one institution passes the filters: type chips combine with OR, every other filter with AND.
 * `searchIds` (from a text search) further restricts when given; null means no search.
 *
 * @example
 * matchesFilters(properties, { ...NO_FILTERS, puhui: true, types: ['community', 'kindergarten'] })
 * // true for a 普惠 community point or a 普惠 kindergarten class
 */
export function matchesFilters(
  properties: InstitutionProperties,
  filters: InstitutionFilters,
  searchIds: Set<string> | null = null,
): boolean {
  if (filters.types.length > 0 && !filters.types.includes(properties.type)) return false
  if (filters.puhui && !properties.puhui) return false
  if (filters.ageMonths !== null) {
    if (filters.ageMonths < properties.ageMinMonths || filters.ageMonths > properties.ageMaxMonths) return false
    if (filters.ageMonths < UNDER_TWO_MONTHS && !(properties.capacityUnder2 > 0)) return false
  }
  if (filters.service !== null && !properties.services.includes(filters.service)) return false
  if (filters.maxPrice !== null && (properties.priceFullDay === null || properties.priceFullDay > filters.maxPrice)) return false
  if (filters.hasVacancy && !(properties.capacity - properties.enrolled > 0)) return false
  if (filters.medical && properties.medicalPartner.trim() === '') return false
  if (filters.inclusive && !properties.inclusive) return false
  if (filters.town !== null && properties.area !== filters.town) return false
  if (searchIds !== null && !searchIds.has(properties.id)) return false
  return true
}
