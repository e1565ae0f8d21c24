import { expect, test, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ResultsSheet from '../../src/components/sheet/ResultsSheet.vue'
import { useFiltersStore } from '../../src/stores/filters'
import { useViewStore } from '../../src/stores/view'
import { setupParents } from './parents-setup'

function mountSheet() {
  const { pinia, i18n } = setupParents()
  const wrapper = mount(ResultsSheet, { global: { plugins: [pinia, i18n] }, slots: { default: '<ul><li><button type="button">机构一</button></li></ul>' }, attachTo: document.body })
  const handle = wrapper.find('button[aria-controls="results-sheet-body"]')
  return { wrapper, handle, view: useViewStore() }
}

test('the sheet opens at peek with the count, and the handle cycles peek → half → full → peek', async () => {
  const { wrapper, handle, view } = mountSheet()
  expect(wrapper.find('[role="status"]').text()).toBe('共 6 家')
  expect(handle.attributes('aria-expanded')).toBe('false')
  expect(handle.attributes('aria-label')).toContain('收起')
  const seen: string[] = []
  for (let press = 0; press < 3; press += 1) {
    await handle.trigger('click')
    seen.push(view.resultsSheet)
  }
  expect(seen).toEqual(['half', 'full', 'peek'])
  wrapper.unmount()
})

test.each([
  ['ArrowUp', 'peek', 'half'],
  ['ArrowUp', 'full', 'full'],
  ['ArrowDown', 'full', 'half'],
  ['ArrowDown', 'peek', 'peek'],
  ['End', 'peek', 'full'],
  ['Home', 'full', 'peek'],
] as const)('%s from %s gives %s', async (key, from, to) => {
  const { wrapper, handle, view } = mountSheet()
  view.setResultsSheet(from)
  await handle.trigger('keydown', { key })
  expect(view.resultsSheet).toBe(to)
  wrapper.unmount()
})

test('a height set in the store (near me sets half) shows on the sheet and its handle', async () => {
  const { wrapper, handle, view } = mountSheet()
  view.setResultsSheet('half')
  await wrapper.vm.$nextTick()
  expect(wrapper.classes()).toContain('results-sheet--half')
  expect(handle.attributes('aria-expanded')).toBe('true')
  expect(handle.attributes('aria-label')).toContain('半屏')
  wrapper.unmount()
})

test('Escape from the full sheet goes back to half and focus goes to the handle', async () => {
  const { wrapper, handle, view } = mountSheet()
  view.setResultsSheet('full')
  await wrapper.vm.$nextTick()
  const item = wrapper.find('#results-sheet-body button')
  ;(item.element as HTMLElement).focus()
  await item.trigger('keydown', { key: 'Escape' })
  expect(view.resultsSheet).toBe('half')
  expect(document.activeElement).toBe(handle.element)
  wrapper.unmount()
})

test('with no match the sheet says so and offers one-tap ways to widen', async () => {
  const { wrapper } = mountSheet()
  const filters = useFiltersStore()
  filters.hasVacancy = true
  filters.query = 'no such institution anywhere'
  // The empty state is a chunk of its own: wait for it to arrive.
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.text()).toContain('没有符合条件的机构')
  })
  const dropVacancy = wrapper.findAll('button').find((button) => button.text() === '不限空位')
  await dropVacancy?.trigger('click')
  expect(filters.hasVacancy).toBe(false)
  const clear = wrapper.findAll('button').find((button) => button.text() === '清除筛选')
  await clear?.trigger('click')
  expect(filters.count).toBe(6)
  wrapper.unmount()
})
