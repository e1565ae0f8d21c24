import type { InstitutionProperties } from '../types'
import type { FilterState, FilterTable } from './filter-field'

/**
 * Whether one institution passes every field of the table that has a test (AND). `searchIds` (from a text search)
 * further restricts when given; null means no search.
 *
 * @example
 * matchesFilterTable(FILTER_FIELDS, properties, { ...emptyFilterState(FILTER_FIELDS), puhui: true }, null)
 * // true for a 普惠 institution
 */
export function matchesFilterTable<T extends FilterTable>(
  table: T,
  properties: InstitutionProperties,
  filters: FilterState<T>,
  searchIds: ReadonlySet<string> | null,
): boolean {
  const values: Record<string, unknown> = filters
  for (const key in table) {
    const field = table[key]
    if (field.matches && !field.matches(properties, values[key])) return false
  }
  return searchIds === null || searchIds.has(properties.id)
}
