import { emptyFilterState } from './filters/empty-filter-state'
import type { FilterState } from './filters/filter-field'
import { FILTER_FIELDS, type AppFilterTable } from './filters/filter-fields'
import { matchesFilterTable } from './filters/matches-filter-table'
import type { InstitutionProperties } from './types'

/** The parents' filters as plain data (every field of FILTER_FIELDS); empty `types` means every type. */
export type InstitutionFilters = FilterState<AppFilterTable>

/** Filters that keep every institution. */
export const NO_FILTERS: Readonly<InstitutionFilters> = Object.freeze(emptyFilterState(FILTER_FIELDS))

/**
 * Whether one institution passes the filters (the tests of FILTER_FIELDS): type chips combine with OR, every other
 * filter with AND. The search text is matched by the search index: pass its result as `searchIds` (null: no search).
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
  return matchesFilterTable(FILTER_FIELDS, properties, filters, searchIds)
}
