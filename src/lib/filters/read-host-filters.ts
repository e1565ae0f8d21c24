import type { FilterState, FilterTable } from './filter-field'

/**
 * The `filters` of a host's setFilters message (plain data, keyed by URL parameter name) as store values, or null
 * when any key is unknown or not host-settable, or any value invalid: the message then changes nothing at all.
 * An undefined value counts as missing; a missing key leaves that filter alone.
 *
 * @example
 * readHostFilters(FILTER_FIELDS, { puhui: 1, age: '18', q: ' 杨舍 ' }) // { puhui: true, ageMonths: 18, query: '杨舍' }
 * readHostFilters(FILTER_FIELDS, { town: 'yangshe' }) // null (hosts cannot set the town)
 */
export function readHostFilters<T extends FilterTable>(table: T, raw: Readonly<Record<string, unknown>>): Partial<FilterState<T>> | null {
  const byParam = new Map(Object.entries(table).map(([key, field]) => [field.param, { key, field }]))
  const state: Record<string, unknown> = {}
  for (const [param, rawValue] of Object.entries(raw)) {
    const entry = byParam.get(param)
    if (!entry?.field.fromHost) return null
    if (rawValue === undefined) continue
    const value = entry.field.fromHost(rawValue)
    if (value === undefined) return null
    state[entry.key] = value
  }
  return state as Partial<FilterState<T>>
}
