import type { FilterState, FilterTable } from './filter-field'

/**
 * The filter fields a URL query sets, by store key. Missing and invalid parameters are left out, never thrown on.
 *
 * @example
 * readFilterParams(FILTER_FIELDS, new URLSearchParams('types=community,bogus&age=18&town=beijing'))
 * // { types: ['community'], ageMonths: 18 }
 */
export function readFilterParams<T extends FilterTable>(table: T, params: URLSearchParams): Partial<FilterState<T>> {
  const state: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(table)) {
    const text = params.get(field.param)
    const value = text === null ? undefined : field.fromUrl(text)
    if (value !== undefined) state[key] = value
  }
  return state as Partial<FilterState<T>>
}
