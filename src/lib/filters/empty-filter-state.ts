import { copyFilterValue } from './copy-filter-value'
import type { FilterState, FilterTable } from './filter-field'

/**
 * Every field of the table at its empty value (fresh arrays): the filters that keep every institution.
 *
 * @example
 * emptyFilterState(FILTER_FIELDS) // { types: [], puhui: false, ageMonths: null, …, query: '', town: null }
 */
export function emptyFilterState<T extends FilterTable>(table: T): FilterState<T> {
  const state: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(table)) state[key] = copyFilterValue(field.empty)
  return state as FilterState<T>
}
