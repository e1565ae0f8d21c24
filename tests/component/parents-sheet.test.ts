import { expect, test } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import InstitutionSheet from '../../src/components/institution/InstitutionSheet.vue'
import { usePreferencesStore } from '../../src/stores/preferences'
import { useSelectionStore } from '../../src/stores/selection'
import { setupParents } from './parents-setup'

test('selecting an institution opens the sheet with its fields and moves focus in, closing moves it back', async () => {
  const { pinia, i18n } = setupParents()
  const opener = document.createElement('button')
  document.body.append(opener)
  opener.focus()
  const sheet = mount(InstitutionSheet, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
  const selection = useSelectionStore()
  selection.select('T4')
  await nextTick()
  await nextTick()
  expect(sheet.find('h2').text()).toBe('塘桥镇综合托育服务中心')
  expect(document.activeElement).toBe(sheet.find('h2').element)
  const text = sheet.text()
  for (const expected of ['综合服务中心', '张家港市塘桥镇人民路', '6–36 个月', '1787 元/月', '等于规划价格', '塘桥镇卫生院', '60']) {
    expect(text).toContain(expected)
  }
  expect(sheet.find('a[href^="tel:"]').attributes('href')).toBe('tel:0512-58000000')
  await sheet.find('button.close').trigger('click')
  await nextTick()
  await nextTick()
  expect(selection.selectedId).toBeNull()
  expect(sheet.find('h2').exists()).toBe(false)
  expect(document.activeElement).toBe(opener)
  sheet.unmount()
  opener.remove()
})

test('favourite and compare buttons update the stores; compare stops at three', async () => {
  const { pinia, i18n } = setupParents()
  const sheet = mount(InstitutionSheet, { global: { plugins: [pinia, i18n] } })
  const selection = useSelectionStore()
  for (const id of ['T1', 'T2', 'T3']) selection.toggleCompare(id)
  selection.select('T5')
  await nextTick()
  const favourite = sheet.findAll('button').find((button) => button.text().includes('收藏'))
  await favourite?.trigger('click')
  expect(usePreferencesStore().favourites).toEqual(['T5'])
  const compare = sheet.findAll('button').find((button) => button.text().includes('最多对比 3 家'))
  expect(compare?.attributes('disabled')).toBeDefined()
  expect(selection.toggleCompare('T5')).toBe(false)
  expect(selection.compareIds).toEqual(['T1', 'T2', 'T3'])
})
