import { afterEach, expect, test } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import MyDataPanel from '../../src/components/planner/MyDataPanel.vue'
import { INPUT_ERROR_CODES } from '../../src/lib/registry/registry-input-error'
import { useMyDataStore } from '../../src/stores/planner-my-data'
import { setupPlanner } from './planner-setup'

let unmount: (() => void) | undefined
afterEach(() => unmount?.())

async function panelIn(locale: 'zh-CN' | 'en') {
  const { pinia, i18n } = setupPlanner()
  i18n.global.locale.value = locale
  const view = mount(MyDataPanel, { global: { plugins: [pinia, i18n] } })
  unmount = () => view.unmount()
  await flushPromises()
  return { view, myData: useMyDataStore(), t: i18n.global.t }
}

test.each(['zh-CN', 'en'] as const)('every file-level failure code has its own %s message', async (locale) => {
  const { t } = await panelIn(locale)
  const texts = INPUT_ERROR_CODES.map((code) => t(`planner.myData.inputError.${code}`, { line: 3, max: 10, at: 5, column: 'x', columns: 'x', detail: 'x', size: 30 }))
  texts.forEach((text, index) => expect(text).not.toContain(INPUT_ERROR_CODES[index]))
  expect(new Set(texts).size).toBe(INPUT_ERROR_CODES.length)
})

test.each([
  ['zh-CN', '文件无法使用：表头中“托位数”列出现两次（第 2 行）'],
  ['en', 'The file cannot be used: Column “托位数” appears twice in the header (line 2)'],
] as const)('a failure with a code is said in the reader\'s language (%s), not in the build script\'s English', async (locale, expected) => {
  const { view, myData } = await panelIn(locale)
  myData.error = { message: 'column 托位数 appears twice in the header (line 2)', code: 'duplicate-column', params: { column: '托位数', line: 2 } }
  await flushPromises()
  expect(view.get('[role="alert"]').text()).toBe(expected)
})

test('a failure without a code (a crashed worker) shows its message as it came', async () => {
  const { view, myData } = await panelIn('zh-CN')
  myData.error = { message: 'Worker crashed' }
  await flushPromises()
  expect(view.get('[role="alert"]').text()).toBe('文件无法使用：Worker crashed')
})
