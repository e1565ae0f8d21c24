import type { FilterState, FilterTable } from './filter-field'

/**
 * Appends the set filter fields to a URL query in table order; empty values and missing keys are left out.
 * URLSearchParams does the encoding.
 *
 * @example
 * const params = new URLSearchParams()
 * writeFilterParams(FILTER_FIELDS, { types: ['community'], puhui: true, ageMonths: null }, params)
 * params.toString() // 'types=community&puhui=1'
 */
export function writeFilterParams<T extends FilterTable>(table: T, state: Partial<FilterState<T>>, params: URLSearchParams): void {
  const values: Partial<Record<string, unknown>> = state
  for (const [key, field] of Object.entries(table)) {
    const value = values[key]
    const text = value === undefined ? null : field.toUrl(value)
    if (text !== null) params.set(field.param, text)
  }
}
