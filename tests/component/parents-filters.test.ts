import { expect, test } from 'vitest'
import { mount } from '@vue/test-utils'
import FilterBar from '../../src/components/filters/FilterBar.vue'
import ResultCount from '../../src/components/filters/ResultCount.vue'
import { useFiltersStore } from '../../src/stores/filters'
import { setupParents } from './parents-setup'

test('chips toggle the store and the count text follows', async () => {
  const { pinia, i18n } = setupParents()
  const bar = mount(FilterBar, { global: { plugins: [pinia, i18n] } })
  const count = mount(ResultCount, { global: { plugins: [pinia, i18n] } })
  expect(count.text()).toBe('共 6 家')
  const puhui = bar.findAll('button').find((button) => button.text() === '普惠')
  await puhui?.trigger('click')
  expect(puhui?.attributes('aria-pressed')).toBe('true')
  expect(count.text()).toBe('共 4 家')
  const community = bar.findAll('button').find((button) => button.text() === '社区')
  await community?.trigger('click')
  expect(useFiltersStore().types).toEqual(['community'])
  expect(count.text()).toBe('共 2 家')
})

test('typing pinyin initials in the search box narrows the matches', async () => {
  const { pinia, i18n } = setupParents()
  const bar = mount(FilterBar, { global: { plugins: [pinia, i18n] } })
  await bar.find('input[type="search"]').setValue('tqz')
  const filters = useFiltersStore()
  expect(filters.query).toBe('tqz')
  expect(filters.matchingIds).toEqual(['T4'])
  expect([...(filters.searchIds ?? [])]).toEqual(['T4'])
})

test('the more-filters panel is hidden until asked for and shows how many are set', async () => {
  const { pinia, i18n } = setupParents()
  const bar = mount(FilterBar, { global: { plugins: [pinia, i18n] } })
  const toggle = bar.find('button[aria-controls="more-filters"]')
  expect(toggle.attributes('aria-expanded')).toBe('false')
  expect((bar.find('#more-filters').element as HTMLElement).style.display).toBe('none')
  await toggle.trigger('click')
  expect((bar.find('#more-filters').element as HTMLElement).style.display).toBe('')
  await bar.find('#filter-age').setValue('12')
  expect(useFiltersStore().ageMonths).toBe(12)
  expect(useFiltersStore().matchingIds).toEqual(['T1', 'T3', 'T4'])
  expect(toggle.text()).toBe('更多筛选（1）')
})
