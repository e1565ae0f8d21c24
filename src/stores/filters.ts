import { defineStore } from 'pinia'
import { computed, ref, type Ref } from 'vue'
import { copyFilterValue } from '../lib/filters/copy-filter-value'
import { createFilterMatcher } from '../lib/filters/create-filter-matcher'
import { emptyFilterState } from '../lib/filters/empty-filter-state'
import type { FieldValue, FilterState, FilterTable } from '../lib/filters/filter-field'
import { FILTER_FIELDS } from '../lib/filters/filter-fields'
import { createInstitutionSearch } from '../lib/search/search-institutions'
import type { InstitutionType } from '../lib/types'
import { useDataStore } from './data'

type FieldRefs<T extends FilterTable> = { [K in keyof T]: Ref<FieldValue<T[K]>> }

/**
 * The state part of a filters store, built from a filter table: one plain ref per field (so `store.puhui` reads and
 * writes as before), the whole state as one plain object, how many "more" controls are set, reset and apply.
 * Call inside a setup store and spread `refs` into its return value.
 */
export function useFilterFields<T extends FilterTable>(table: T) {
  const keys = Object.keys(table)
  const empty: Record<string, unknown> = emptyFilterState(table)
  const byKey: Record<string, Ref<unknown>> = {}
  for (const key of keys) byKey[key] = ref(empty[key])
  const refs = byKey as FieldRefs<T>

  /** Every field as plain data (arrays copied), for the institution test, the URL and the map. */
  const state = computed(() => {
    const values: Record<string, unknown> = {}
    for (const key of keys) values[key] = copyFilterValue(byKey[key].value)
    return values as FilterState<T>
  })
  const moreCount = computed(() => keys.reduce((sum, key) => sum + (table[key].countInMore?.(byKey[key].value) ?? 0), 0))

  /** Sets the fields present in `next` (validated values, e.g. from the URL or a host); others stay. */
  function apply(next: Partial<FilterState<T>>) {
    const values: Partial<Record<string, unknown>> = next
    for (const key of keys) {
      const value = values[key]
      if (value !== undefined) byKey[key].value = copyFilterValue(value)
    }
  }
  function reset() {
    for (const key of keys) byKey[key].value = copyFilterValue(table[key].empty)
  }
  return { refs, state, moreCount, apply, reset }
}

/** The parents' filters and search text (the fields of FILTER_FIELDS); the map, the list and the count read them. */
export const useFiltersStore = defineStore('filters', () => {
  const data = useDataStore()
  const fields = useFilterFields(FILTER_FIELDS)
  const { types, query } = fields.refs

  // Built once per dataset, and only when somebody searches.
  const search = computed(() => createInstitutionSearch((data.institutions?.features ?? []).map((feature) => feature.properties)))
  const searchIds = computed<Set<string> | null>(() => (query.value.trim() === '' ? null : search.value(query.value)))

  const matchingIds = computed<string[]>(() => {
    const matches = createFilterMatcher(FILTER_FIELDS, fields.state.value, searchIds.value)
    return (data.institutions?.features ?? [])
      .filter((feature) => matches(feature.properties))
      .map((feature) => feature.properties.id)
  })
  const count = computed(() => matchingIds.value.length)

  function toggleType(type: InstitutionType) {
    types.value = types.value.includes(type) ? types.value.filter((other) => other !== type) : [...types.value, type]
  }

  return {
    ...fields.refs,
    /** Every filter field as plain data. */
    filters: fields.state,
    searchIds, matchingIds, count,
    /** How many of the "more" filters are set, for the toggle's label. */
    moreCount: fields.moreCount,
    toggleType, apply: fields.apply, reset: fields.reset,
  }
})
