import { emptyFilterState } from './filters/empty-filter-state'
import type { FilterField, FilterState } from './filters/filter-field'
import { FILTER_FIELDS, type AppFilterTable } from './filters/filter-fields'
import type { InstitutionProperties } from './types'

/** The parents' filters as plain data (every field of FILTER_FIELDS); empty `types` means every type. */
export type InstitutionFilters = FilterState<AppFilterTable>

/** Filters that keep every institution. */
export const NO_FILTERS: Readonly<InstitutionFilters> = Object.freeze(emptyFilterState(FILTER_FIELDS))

const FIELDS = Object.entries(FILTER_FIELDS).map(([key, field]): [string, FilterField<unknown>] => [key, field])

/**
 * Whether one institution passes the filters (the tests of FILTER_FIELDS): type chips combine with OR, every other
 * filter with AND. The search text is matched by the search index: pass its result as `searchIds` (null: no search).
 * To filter many institutions with one state, `createFilterMatcher` builds a faster test once (the store uses it).
 *
 * @example
 * matchesFilters(properties, { ...NO_FILTERS, puhui: true, types: ['community', 'kindergarten'] })
 * // true for a 普惠 community point or a 普惠 kindergarten class
 */
export function matchesFilters(
  properties: InstitutionProperties,
  filters: InstitutionFilters,
  searchIds: ReadonlySet<string> | null = null,
): boolean {
  const values: Record<string, unknown> = filters
  // Each field's test passes its empty value, so no emptiness check is needed here.
  for (const [key, field] of FIELDS) if (field.matches && !field.matches(properties, values[key])) return false
  return searchIds === null || searchIds.has(properties.id)
}
