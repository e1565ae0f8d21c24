import { beforeEach, describe, expect, test } from 'vitest'
import { createPinia, defineStore, setActivePinia } from 'pinia'
import { APP_LINK_PARAMS } from '../../src/lib/deep-link/deep-link-state'
import { parseDeepLink } from '../../src/lib/deep-link/parse-deep-link'
import { serializeDeepLink } from '../../src/lib/deep-link/serialize-deep-link'
import { parseHostMessage } from '../../src/lib/embed/embed-messages'
import { emptyFilterState } from '../../src/lib/filters/empty-filter-state'
import type { FilterField } from '../../src/lib/filters/filter-field'
import { FILTER_FIELDS } from '../../src/lib/filters/filter-fields'
import { integerField } from '../../src/lib/filters/integer-field'
import { createFilterMatcher } from '../../src/lib/filters/create-filter-matcher'
import type { InstitutionProperties } from '../../src/lib/types'
import { useFilterFields } from '../../src/stores/filters'

/** The app's table plus one made-up filter: at least this many certified staff, settable by hosts. */
const WITH_STAFF = {
  ...FILTER_FIELDS,
  minStaff: integerField({ param: 'staff', min: 1, max: 500, host: true, inMore: true, matches: (institution, staff) => institution.staffCertified >= staff }),
}

function institution(id: string, staffCertified: number): InstitutionProperties {
  return {
    id, name: id, type: 'community', puhui: true, town: '杨舍镇', area: 'yangshe', address: '', capacity: 40, capacityUnder2: 10,
    enrolled: 20, priceFullDay: 1500, services: ['fullDay'], ageMinMonths: 12, ageMaxMonths: 36, phone: '', hours: '',
    medicalPartner: '', staff: staffCertified, staffCertified, qualityGrade: '', inclusive: false, openedYear: null, filingNo: '',
    updatedAt: '2024-05-01', sample: true,
  }
}

describe('adding a filter is adding one table entry', () => {
  beforeEach(() => { setActivePinia(createPinia()) })

  test('the URL reads and writes it, next to the other filters', () => {
    expect(parseDeepLink('?staff=5&puhui=1&staff=9&id=ZJG-1', WITH_STAFF)).toEqual({ minStaff: 5, puhui: true, id: 'ZJG-1' })
    expect(parseDeepLink('?staff=0', WITH_STAFF)).toEqual({})
    const search = serializeDeepLink({ ...emptyFilterState(WITH_STAFF), minStaff: 6, types: ['center'], view: 'list' }, WITH_STAFF)
    expect(search).toBe('types=center&staff=6&view=list')
    expect(parseDeepLink(`?${search}`, WITH_STAFF)).toEqual({ types: ['center'], minStaff: 6, view: 'list' })
    // The app's own table does not know the parameter.
    expect(parseDeepLink('?staff=5')).toEqual({})
  })

  test('a host can set it, with the same values the URL accepts', () => {
    expect(parseHostMessage({ type: 'zjg-childcare/setFilters', filters: { staff: '4', puhui: true } }, WITH_STAFF))
      .toEqual({ type: 'zjg-childcare/setFilters', filters: { minStaff: 4, puhui: true } })
    expect(parseHostMessage({ type: 'zjg-childcare/setFilters', filters: { staff: null } }, WITH_STAFF))
      .toEqual({ type: 'zjg-childcare/setFilters', filters: { minStaff: null } })
    expect(parseHostMessage({ type: 'zjg-childcare/setFilters', filters: { staff: 501 } }, WITH_STAFF)).toBeNull()
    expect(parseHostMessage({ type: 'zjg-childcare/setFilters', filters: { staff: 4 } })).toBeNull()
  })

  test('the institution test applies it with AND', () => {
    const institutions = [institution('A', 2), institution('B', 6), institution('C', 9)]
    const kept = (state: ReturnType<typeof emptyFilterState<typeof WITH_STAFF>>) =>
      institutions.filter(createFilterMatcher(WITH_STAFF, state, null)).map((candidate) => candidate.id)
    expect(kept(emptyFilterState(WITH_STAFF))).toEqual(['A', 'B', 'C'])
    expect(kept({ ...emptyFilterState(WITH_STAFF), minStaff: 6 })).toEqual(['B', 'C'])
    expect(kept({ ...emptyFilterState(WITH_STAFF), minStaff: 6, types: ['private'] })).toEqual([])
  })

  test('a store built from the table holds it as plain data, applies, counts and resets it', () => {
    const useStore = defineStore('filters-with-staff', () => {
      const fields = useFilterFields(WITH_STAFF)
      return { ...fields.refs, state: fields.state, moreCount: fields.moreCount, apply: fields.apply, reset: fields.reset }
    })
    const store = useStore()
    expect(store.minStaff).toBeNull()
    store.apply({ minStaff: 3, types: ['center'] })
    expect(store.minStaff).toBe(3)
    expect(store.state).toEqual({ ...emptyFilterState(WITH_STAFF), minStaff: 3, types: ['center'] })
    expect(store.moreCount).toBe(2)
    expect(JSON.parse(JSON.stringify(store.$state))).toEqual(store.state)
    store.reset()
    expect(store.state).toEqual(emptyFilterState(WITH_STAFF))
  })
})

describe('the app table', () => {
  const fields: [string, FilterField<unknown>][] = Object.entries(FILTER_FIELDS)

  test('each field has its own URL parameter, none of the app state', () => {
    const params = fields.map(([, field]) => field.param)
    expect(new Set(params).size).toBe(params.length)
    expect(params.filter((param) => (APP_LINK_PARAMS as readonly string[]).includes(param))).toEqual([])
  })

  test('hosts may set exactly the filters the README documents', () => {
    expect(fields.filter(([, field]) => field.fromHost).map(([, field]) => field.param)).toEqual(['types', 'puhui', 'age', 'q'])
  })

  test.each(fields)('%s: the empty value is left out of the URL and keeps every institution', (key, field) => {
    expect(field.toUrl(field.empty)).toBeNull()
    expect(field.matches?.(institution('A', 0), field.empty) ?? true, key).toBe(true)
  })

  test.each([
    ['types', ['kindergarten', 'community']],
    ['puhui', true],
    ['ageMonths', 0],
    ['ageMonths', 72],
    ['service', 'hourly'],
    ['maxPrice', 1787],
    ['hasVacancy', true],
    ['medical', true],
    ['inclusive', true],
    ['query', '杨舍 & ysz'],
    ['town', 'changyinsha'],
  ] as const)('%s = %j survives toUrl → fromUrl', (key, value) => {
    const field: FilterField<unknown> = FILTER_FIELDS[key]
    const text = field.toUrl(value)
    expect(text === null ? undefined : field.fromUrl(text)).toEqual(value)
  })
})
