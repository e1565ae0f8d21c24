import { expect, test } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import * as core from '../../src/i18n/messages/core'
import * as parents from '../../src/i18n/messages/parents'
import AppMenu from '../../src/components/layout/AppMenu.vue'
import TownSelect from '../../src/components/filters/TownSelect.vue'
import InstitutionFields from '../../src/components/institution/InstitutionFields.vue'
import type { InstitutionProperties } from '../../src/lib/types'

function plugins(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({
    legacy: false, locale, fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': { ...core.zh, ...parents.zh }, en: { ...core.en, ...parents.en } },
  })
  return [createPinia(), i18n]
}

const properties = {
  id: 'T1', name: '童心托育', town: '杨舍镇', area: 'yangshe', address: '人民路 1 号', type: 'community', puhui: true,
  capacity: 30, capacityUnder2: 10, enrolled: 20, ageMinMonths: 6, ageMaxMonths: 36, phone: '0512-1', hours: '8-17',
  services: ['fullDay', 'halfDay'], priceFullDay: 1800, priceHalfDay: null, priceHourly: null, medicalPartner: '',
  staff: 5, staffCertified: 4, qualityGrade: '未评估', filingNo: '', updatedAt: '2024-01-01', sample: true,
} as unknown as InstitutionProperties

test.each([
  ['zh-CN', '全日托、半日托', '未评估'],
  ['en', 'Full day, Half day', 'Not yet rated'],
] as const)('in %s, lists join the language\'s way and the grade word is translated', (locale, services, grade) => {
  const fields = mount(InstitutionFields, { props: { properties }, global: { plugins: plugins(locale) } })
  const text = fields.text()
  expect(text).toContain(services)
  expect(text).toContain(grade)
})

test('the town picker names the units an area takes in, so 张家港经济技术开发区 can be found', () => {
  const select = mount(TownSelect, { global: { plugins: plugins('zh-CN') } })
  const labels = select.findAll('option').map((option) => option.text())
  expect(labels).toContain('杨舍镇（含张家港经济技术开发区）')
  expect(labels.find((label) => label.startsWith('保税区'))).toBe('保税区（含金港街道、后塍街道、德积街道、双山岛旅游度假区）')
  expect(labels).toContain('塘桥镇')
})

test('Escape closes the menu and gives focus back to its button', async () => {
  const menu = mount(AppMenu, { attachTo: document.body, global: { plugins: plugins('zh-CN') } })
  const toggle = menu.get('button[aria-controls="app-menu-panel"]')
  await toggle.trigger('click')
  expect(toggle.attributes('aria-expanded')).toBe('true')
  await menu.get('#app-menu-panel input').trigger('keydown', { key: 'Escape' })
  expect(toggle.attributes('aria-expanded')).toBe('false')
  expect(document.activeElement).toBe(toggle.element)
  menu.unmount()
})
