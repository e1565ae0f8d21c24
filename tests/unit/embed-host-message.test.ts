import { beforeEach, describe, expect, test } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { Feature, Point } from 'geojson'
import { createHostMessageHandler } from '../../src/embed/apply-host-message'
import { parseHostMessage, type HostMessage } from '../../src/lib/embed/embed-messages'
import type { InstitutionProperties, InstitutionType } from '../../src/lib/types'
import { useDataStore } from '../../src/stores/data'
import { useFiltersStore } from '../../src/stores/filters'
import { useLocationStore } from '../../src/stores/location'
import { useSelectionStore } from '../../src/stores/selection'
import { useViewStore } from '../../src/stores/view'

function institution(id: string, name: string, type: InstitutionType, puhui: boolean, lng: number): Feature<Point, InstitutionProperties> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lng, 31.87] },
    properties: {
      id, name, type, puhui, town: '杨舍镇', area: 'yangshe', address: '张家港市杨舍镇', capacity: 40, capacityUnder2: 10,
      enrolled: 20, priceFullDay: 1500, services: ['fullDay'], ageMinMonths: 12, ageMaxMonths: 36, phone: '0512-58000000',
      hours: '07:30-17:30', medicalPartner: '', staff: 6, staffCertified: 6, qualityGrade: 'B', inclusive: false,
      openedYear: 2020, filingNo: 'X-1', updatedAt: '2024-05-01', sample: true,
    },
  }
}

const features = [
  institution('ZJG-1', '杨舍社区托育点', 'community', true, 120.55),
  institution('ZJG-2', '杨舍幼儿园托班', 'kindergarten', false, 120.56),
  institution('ZJG-3', '社会托育机构', 'private', false, 120.57),
]

function loadData() {
  const data = useDataStore()
  data.institutions = Object.freeze({ type: 'FeatureCollection' as const, features })
  data.status = 'ready'
}

/** Validates like the bridge does, then applies. */
function apply(handle: (message: HostMessage) => void, data: unknown): boolean {
  const message = parseHostMessage(data)
  if (message) handle(message)
  return message !== null
}

describe('host messages on the real stores', () => {
  beforeEach(() => { setActivePinia(createPinia()) })

  test('setFilters changes the filters and the count; a missing key leaves that filter alone', () => {
    loadData()
    const handle = createHostMessageHandler()
    const filters = useFiltersStore()
    expect(filters.count).toBe(3)
    expect(apply(handle, { type: 'zjg-childcare/setFilters', filters: { types: ['community', 'kindergarten'] } })).toBe(true)
    expect(filters.count).toBe(2)
    expect(apply(handle, { type: 'zjg-childcare/setFilters', filters: { puhui: 1 } })).toBe(true)
    expect(filters.types).toEqual(['community', 'kindergarten'])
    expect(filters.count).toBe(1)
    expect(apply(handle, { type: 'zjg-childcare/setFilters', filters: { types: [], puhui: false, age: 40 } })).toBe(true)
    expect(filters.ageMonths).toBe(40)
    expect(filters.count).toBe(0)
    expect(apply(handle, { type: 'zjg-childcare/setFilters', filters: { age: null } })).toBe(true)
    expect(filters.count).toBe(3)
  })

  test('a malformed setFilters changes nothing, not even its valid parts', () => {
    loadData()
    const handle = createHostMessageHandler()
    const filters = useFiltersStore()
    expect(apply(handle, { type: 'zjg-childcare/setFilters', filters: { puhui: true, types: ['community', 'nope'] } })).toBe(false)
    expect(filters.puhui).toBe(false)
    expect(filters.types).toEqual([])
    expect(filters.count).toBe(3)
  })

  test('select opens a known institution, ignores an unknown one, and waits for the data', async () => {
    const handle = createHostMessageHandler()
    const selection = useSelectionStore()
    apply(handle, { type: 'zjg-childcare/select', id: 'ZJG-2' })
    expect(selection.selectedId).toBeNull()
    useDataStore().status = 'loading'
    await nextTick()
    loadData()
    await nextTick()
    expect(selection.selectedId).toBe('ZJG-2')
    apply(handle, { type: 'zjg-childcare/select', id: 'ZJG-404' })
    expect(selection.selectedId).toBe('ZJG-2')
  })

  test('setLocation sets a host place and setView switches the view', () => {
    loadData()
    const handle = createHostMessageHandler()
    apply(handle, { type: 'zjg-childcare/setLocation', lng: 120.551, lat: 31.871 })
    expect(useLocationStore().place).toEqual({ lng: 120.551, lat: 31.871, source: 'host' })
    expect(useLocationStore().insideIds).toContain('ZJG-1')
    apply(handle, { type: 'zjg-childcare/setView', view: 'list' })
    expect(useViewStore().view).toBe('list')
    expect(apply(handle, { type: 'zjg-childcare/setView', view: 'planner' })).toBe(false)
    expect(useViewStore().view).toBe('list')
  })
})
