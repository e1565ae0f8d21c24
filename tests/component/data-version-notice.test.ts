import { afterEach, expect, test, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import PwaStatus from '../../src/components/pwa/PwaStatus.vue'
import * as pwa from '../../src/i18n/messages/pwa'
import type { ManifestFile } from '../../src/lib/types'
import { useDataStore } from '../../src/stores/data'
import { dataFiles, fakeFetch } from '../fixtures/fake-data-network'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  window.localStorage.clear()
})

/** Loads a deployment's data through the store with the status prompt mounted; returns the prompt and the version. */
async function loadWithPrompt() {
  const files = await dataFiles('v1')
  vi.stubGlobal('fetch', fakeFetch(files).fetch)
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': pwa.zh, en: pwa.en } })
  const prompt = mount(PwaStatus, { global: { plugins: [pinia, i18n] } })
  const data = useDataStore()
  await data.load()
  await flushPromises()
  expect(data.status).toBe('ready')
  return { prompt, dataVersion: (JSON.parse(files['manifest.json']) as ManifestFile).dataVersion }
}

test.each([
  ['words', 'garbage'],
  ['empty', ''],
  ['JSON', '{"dataVersion":"0123456789ab"}'],
  ['null', 'null'],
  ['upper-case hex', '0123456789AB'],
  ['too long', '0123456789abcdef0123'],
  ['blank', '            '],
])('a stored dataVersion that is %s shows no "data updated" notice, and is replaced by the real one', async (_, garbage) => {
  window.localStorage.setItem('zjg.dataVersion', garbage)
  const { prompt, dataVersion } = await loadWithPrompt()
  expect(prompt.text()).not.toContain('数据已更新')
  expect(window.localStorage.getItem('zjg.dataVersion')).toBe(dataVersion)
})

test('a first visit (nothing stored) and a reload of the same data show no notice', async () => {
  const first = await loadWithPrompt()
  expect(first.prompt.text()).not.toContain('数据已更新')
  const again = await loadWithPrompt()
  expect(again.prompt.text()).not.toContain('数据已更新')
})

test('data newer than the version this device last showed is announced', async () => {
  window.localStorage.setItem('zjg.dataVersion', '0123456789ab')
  const { prompt } = await loadWithPrompt()
  expect(prompt.text()).toContain('数据已更新')
})

test('blocked storage: the data loads and nothing is announced', async () => {
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => { throw new DOMException('blocked', 'SecurityError') })
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => { throw new DOMException('blocked', 'SecurityError') })
  const { prompt } = await loadWithPrompt()
  expect(prompt.text()).not.toContain('数据已更新')
})
