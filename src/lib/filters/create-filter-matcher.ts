import type { InstitutionProperties } from '../types'
import type { FilterState, FilterTable } from './filter-field'

type Test = (institution: InstitutionProperties) => boolean

/**
 * The institution test for one filter state: every set field of the table that has a test must pass (AND), and
 * `searchIds` (from a text search) must hold the id when given; null means no search. Built once per state, so
 * filtering many institutions runs only the set fields' tests. A field is set when its URL text is not null.
 *
 * @example
 * const matches = createFilterMatcher(FILTER_FIELDS, { ...emptyFilterState(FILTER_FIELDS), puhui: true }, null)
 * institutions.filter(matches) // the 普惠 ones
 */
export function createFilterMatcher<T extends FilterTable>(
  table: T,
  filters: FilterState<T>,
  searchIds: ReadonlySet<string> | null,
): Test {
  const values: Record<string, unknown> = filters
  const tests: Test[] = []
  for (const [key, field] of Object.entries(table)) {
    const { matches } = field
    const value = values[key]
    if (matches && field.toUrl(value) !== null) tests.push((institution) => matches(institution, value))
  }
  if (searchIds !== null) tests.push((institution) => searchIds.has(institution.id))
  return (institution) => tests.every((test) => test(institution))
}
