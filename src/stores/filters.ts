import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { matchesFilters, type InstitutionFilters } from '../lib/filter-institutions'
import { createInstitutionSearch } from '../lib/search/search-institutions'
import type { AreaId, InstitutionType, ServiceForm } from '../lib/types'
import { useDataStore } from './data'

/** The parents' filters and search text; the map, the list and the count all read them. */
export const useFiltersStore = defineStore('filters', () => {
  const data = useDataStore()
  /** Type chips (OR); empty means every type. */
  const types = ref<InstitutionType[]>([])
  /** Only 普惠 institutions (AND). */
  const puhui = ref(false)
  /** Child's age in months. */
  const ageMonths = ref<number | null>(null)
  const service = ref<ServiceForm | null>(null)
  /** Highest full-day monthly price, yuan. */
  const maxPrice = ref<number | null>(null)
  const hasVacancy = ref(false)
  /** 医育结合: a signed medical partner. */
  const medical = ref(false)
  /** 托育+康复. */
  const inclusive = ref(false)
  /** Search text: Chinese, full pinyin or initials. */
  const query = ref('')
  /** Planning area. */
  const town = ref<AreaId | null>(null)

  const filters = computed<InstitutionFilters>(() => ({
    types: [...types.value], puhui: puhui.value, ageMonths: ageMonths.value, service: service.value,
    maxPrice: maxPrice.value, hasVacancy: hasVacancy.value, medical: medical.value, inclusive: inclusive.value,
    town: town.value,
  }))

  // Built once per dataset, and only when somebody searches.
  const search = computed(() => createInstitutionSearch((data.institutions?.features ?? []).map((feature) => feature.properties)))
  const searchIds = computed<Set<string> | null>(() => (query.value.trim() === '' ? null : search.value(query.value)))

  const matchingIds = computed<string[]>(() => {
    const current = filters.value
    const ids = searchIds.value
    return (data.institutions?.features ?? [])
      .filter((feature) => matchesFilters(feature.properties, current, ids))
      .map((feature) => feature.properties.id)
  })
  const count = computed(() => matchingIds.value.length)
  /** How many of the "more" filters are set, for the toggle's label. */
  const moreCount = computed(() => [
    types.value.includes('center'), types.value.includes('private'), ageMonths.value !== null, service.value !== null,
    maxPrice.value !== null, hasVacancy.value, medical.value, inclusive.value,
  ].filter(Boolean).length)

  function toggleType(type: InstitutionType) {
    types.value = types.value.includes(type) ? types.value.filter((other) => other !== type) : [...types.value, type]
  }
  function reset() {
    types.value = []
    puhui.value = false
    ageMonths.value = null
    service.value = null
    maxPrice.value = null
    hasVacancy.value = false
    medical.value = false
    inclusive.value = false
    query.value = ''
    town.value = null
  }

  return {
    types, puhui, ageMonths, service, maxPrice, hasVacancy, medical, inclusive, query, town,
    filters, searchIds, matchingIds, count, moreCount, toggleType, reset,
  }
})
