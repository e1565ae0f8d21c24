import { expect, test } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import FilterBar from '../../src/components/filters/FilterBar.vue'
import FilterSheet from '../../src/components/filters/FilterSheet.vue'
import SearchBox from '../../src/components/filters/SearchBox.vue'
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
  const box = mount(SearchBox, { global: { plugins: [pinia, i18n] } })
  await box.find('input[type="search"]').setValue('tqz')
  const filters = useFiltersStore()
  expect(filters.query).toBe('tqz')
  expect(filters.matchingIds).toEqual(['T4'])
  expect([...(filters.searchIds ?? [])]).toEqual(['T4'])
})

test('筛选 opens the filter sheet, whose "显示 N 家" follows the filters live; 清除 and 完成 work', async () => {
  const { pinia, i18n } = setupParents()
  const bar = mount(FilterBar, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
  const sheet = mount(FilterSheet, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
  const dialog = sheet.find('dialog').element as HTMLDialogElement
  const toggle = bar.findAll('button').find((button) => button.text() === '筛选')
  expect(toggle?.attributes('aria-expanded')).toBe('false')
  expect(dialog.open).toBe(false)
  await toggle?.trigger('click')
  await flushPromises()
  expect(dialog.open).toBe(true)
  expect(toggle?.attributes('aria-expanded')).toBe('true')
  const show = () => sheet.findAll('button').find((button) => button.text().startsWith('显示'))
  expect(show()?.text()).toBe('显示 6 家')
  await sheet.find('#filter-age').setValue('12')
  expect(useFiltersStore().matchingIds).toEqual(['T1', 'T3', 'T4'])
  expect(show()?.text()).toBe('显示 3 家')
  expect(bar.findAll('button').some((button) => button.text() === '筛选（1）')).toBe(true)
  await sheet.findAll('button').find((button) => button.text() === '清除')?.trigger('click')
  expect(useFiltersStore().ageMonths).toBeNull()
  expect(show()?.text()).toBe('显示 6 家')
  await show()?.trigger('click')
  await flushPromises()
  expect(dialog.open).toBe(false)
  await toggle?.trigger('click')
  await flushPromises()
  await sheet.findAll('button').find((button) => button.text() === '完成')?.trigger('click')
  await flushPromises()
  expect(dialog.open).toBe(false)
  bar.unmount()
  sheet.unmount()
})

test('有空位 is a chip of the main row and does not count in 筛选（n）', async () => {
  const { pinia, i18n } = setupParents()
  const bar = mount(FilterBar, { global: { plugins: [pinia, i18n] } })
  await bar.findAll('button').find((button) => button.text() === '有空位')?.trigger('click')
  expect(useFiltersStore().hasVacancy).toBe(true)
  expect(bar.findAll('button').map((button) => button.text())).toContain('筛选')
})
