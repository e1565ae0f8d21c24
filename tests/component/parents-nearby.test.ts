import { afterEach, expect, test, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import NearMe from '../../src/components/location/NearMe.vue'
import InstitutionList from '../../src/components/list/InstitutionList.vue'
import InstitutionSheet from '../../src/components/institution/InstitutionSheet.vue'
import { distanceMeters } from '../../src/lib/distance-meters'
import type { InstitutionProperties } from '../../src/lib/types'
import { useDataStore } from '../../src/stores/data'
import { useFiltersStore } from '../../src/stores/filters'
import { useLocationStore } from '../../src/stores/location'
import { useSelectionStore } from '../../src/stores/selection'
import { useViewStore } from '../../src/stores/view'
import { setupParents } from './parents-setup'

/** A geolocation that answers at once with the given position, counting its calls. */
function stubGeolocation(lng: number, lat: number) {
  const getCurrentPosition = vi.fn((success: PositionCallback) => {
    success({ coords: { longitude: lng, latitude: lat, accuracy: 10 } } as GeolocationPosition)
  })
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } })
  return getCurrentPosition
}

afterEach(() => { Reflect.deleteProperty(navigator, 'geolocation'); localStorage.clear() })

test('near me takes the GPS position, then asks the map to fit the circle, sorts by distance and opens the sheet at half', async () => {
  const { pinia, i18n } = setupParents()
  const located = stubGeolocation(120.551, 31.8755)
  const view = useViewStore()
  view.setSortBy('price')
  const wrapper = mount(NearMe, { global: { plugins: [pinia, i18n] } })
  await wrapper.get('button.locate').trigger('click')
  await flushPromises()
  const location = useLocationStore()
  expect(located).toHaveBeenCalledTimes(1)
  expect(location.place).toEqual({ lng: 120.551, lat: 31.8755, source: 'gps' })
  expect(view.sortBy).toBe('distance')
  expect(view.resultsSheet).toBe('half')
  // The circle's 1,000 m each way, at least, around the user.
  const [west, south, east, north] = location.fitRequest?.bounds ?? [0, 0, 0, 0]
  expect(distanceMeters([120.551, 31.8755], [east, 31.8755])).toBeGreaterThanOrEqual(999)
  expect(distanceMeters([west, 31.8755], [120.551, 31.8755])).toBeGreaterThanOrEqual(999)
  expect(north - south).toBeGreaterThan(0.017)
  // The circle filter is never ticked for the user.
  expect(location.onlyInside).toBe(false)
  expect(wrapper.text()).toContain('我的位置（定位）')
  wrapper.unmount()
})

test('a place from the host is the position: the browser is never asked', async () => {
  const { pinia, i18n } = setupParents()
  const located = stubGeolocation(0, 0)
  const location = useLocationStore()
  location.setPlace({ lng: 120.556, lat: 31.875, source: 'host' })
  const wrapper = mount(NearMe, { global: { plugins: [pinia, i18n] } })
  await wrapper.get('button.locate').trigger('click')
  await flushPromises()
  expect(located).not.toHaveBeenCalled()
  expect(location.fitRequest).not.toBeNull()
  expect(useViewStore().resultsSheet).toBe('half')
  wrapper.unmount()
})

test('a denied position raises the sheet to half, no further, and asks the map for nothing', async () => {
  const { pinia, i18n } = setupParents()
  const getCurrentPosition = vi.fn((_success: PositionCallback, failure: PositionErrorCallback) => {
    failure({ code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' } as GeolocationPositionError)
  })
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } })
  const view = useViewStore()
  const location = useLocationStore()
  const wrapper = mount(NearMe, { global: { plugins: [pinia, i18n] } })
  expect(view.resultsSheet).toBe('peek')
  await wrapper.get('button.locate').trigger('click')
  await flushPromises()
  expect([location.status, location.place, location.fitRequest]).toEqual(['denied', null, null])
  expect(view.resultsSheet).toBe('half')
  expect(wrapper.text()).toContain('您拒绝了位置权限')
  // From the full list it stays full.
  view.setResultsSheet('full')
  await wrapper.get('button.locate').trigger('click')
  await flushPromises()
  expect(view.resultsSheet).toBe('full')
  wrapper.unmount()
})

test('记住我的位置 keeps the place on this device only while ticked', async () => {
  const { pinia, i18n } = setupParents()
  const location = useLocationStore()
  location.setPlace({ lng: 120.551, lat: 31.8755, source: 'map' })
  expect(localStorage.getItem('zjg-childcare-map:my-place')).toBeNull()
  const wrapper = mount(NearMe, { global: { plugins: [pinia, i18n] } })
  const remember = wrapper.get('input[type="checkbox"]')
  expect(wrapper.text()).toContain('我的位置（大约：地图点选）')
  await remember.setValue(true)
  expect(JSON.parse(localStorage.getItem('zjg-childcare-map:my-place') ?? 'null')).toEqual({ lng: 120.551, lat: 31.8755, source: 'map' })
  // A later visit starts with it.
  setupParents()
  expect(useLocationStore().place).toEqual({ lng: 120.551, lat: 31.8755, source: 'map' })
  await remember.setValue(false)
  expect(localStorage.getItem('zjg-childcare-map:my-place')).toBeNull()
  wrapper.unmount()
})

test('the list: no distances without a place; with one, 直线 … 米 · 约 … 分钟 and the header count of the walk', async () => {
  const { pinia, i18n, institutions } = setupParents()
  const wrapper = mount(InstitutionList, { global: { plugins: [pinia, i18n] } })
  expect(wrapper.text()).not.toContain('直线')
  const sortOptions = wrapper.findAll('#list-sort option').map((option) => option.text())
  expect(sortOptions).toEqual(['价格', '空余托位'])
  useLocationStore().setPlace({ lng: 120.55, lat: 31.875, source: 'gps' })
  await nextTick()
  const within = institutions.features.filter((feature) => distanceMeters([120.55, 31.875], feature.geometry.coordinates as [number, number]) <= 1000).length
  expect(wrapper.text()).toContain(`共 ${institutions.features.length} 家 · 15 分钟内 ${within} 家`)
  expect(wrapper.findAll('.list-item')[1].text()).toMatch(/直线 570 米 · 约 7 分钟/)
  expect(wrapper.findAll('#list-sort option')[0].text()).toBe('距离 (距我的位置)')
  const firstCard = wrapper.findAll('.list-item')[0]
  expect(firstCard.get('a[href^="tel:"]').attributes('aria-label')).toBe('拨打 杨舍镇东城社区托育点')
  expect(firstCard.findAll('button').map((button) => button.attributes('aria-label'))).toContain('导航到 杨舍镇东城社区托育点')
  wrapper.unmount()
})

/** The fixture data with places by class recorded for one institution. */
function withClasses(id: string, classes: InstitutionProperties['classes']) {
  const data = useDataStore()
  const institutions = data.institutions
  if (!institutions) throw new Error('no fixture data')
  data.institutions = Object.freeze({
    ...institutions,
    features: institutions.features.map((feature) => feature.properties.id !== id ? feature : { ...feature, properties: { ...feature.properties, classes } }),
  })
}

test('with classes recorded, the card shows the free places of the selected age\'s class', async () => {
  const { pinia, i18n } = setupParents()
  withClasses('T1', { toddler: { capacity: 15, enrolled: 12 }, older: { capacity: 25, enrolled: 18 } })
  useFiltersStore().apply({ ageMonths: 18 })
  const wrapper = mount(InstitutionList, { global: { plugins: [pinia, i18n] } })
  await nextTick()
  expect(wrapper.get('.list-item[data-id="T1"]').text()).toContain('托小班 空 3 位')
  wrapper.unmount()
})

test('the detail sheet shows the distance from my place with the walking time, and the class table', async () => {
  const { pinia, i18n } = setupParents()
  withClasses('T2', { older: { capacity: 40, enrolled: 30 } })
  useLocationStore().setPlace({ lng: 120.55, lat: 31.875, source: 'gps' })
  const sheet = mount(InstitutionSheet, { global: { plugins: [pinia, i18n] } })
  useSelectionStore().select('T2')
  await nextTick()
  await nextTick()
  expect(sheet.text()).toContain('距离 直线 570 米 · 约 7 分钟')
  const table = sheet.get('table')
  expect(table.get('caption').text()).toBe('分班型托位')
  expect(table.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()))).toEqual([['托大班 24–36 个月', '40', '30', '10']])
  sheet.unmount()
})
