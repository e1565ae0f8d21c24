import { afterEach, describe, expect, test, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import * as core from '../../src/i18n/messages/core'
import * as parents from '../../src/i18n/messages/parents'
import type { ManifestFile, ShippedData } from '../../src/lib/types'

/** The store (whose `sample` shows the header's notice), the footer and the count, with a given build-time __SHIPPED_DATA__ (a fresh module graph). */
async function load(shipped: ShippedData | undefined) {
  vi.resetModules()
  if (shipped) vi.stubGlobal('__SHIPPED_DATA__', shipped)
  const { useDataStore } = await import('../../src/stores/data')
  const { default: TrustFooter } = await import('../../src/components/layout/TrustFooter.vue')
  const { default: ResultCount } = await import('../../src/components/filters/ResultCount.vue')
  setActivePinia(createPinia())
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { ...core.zh, ...parents.zh }, en: { ...core.en, ...parents.en } } })
  const data = useDataStore()
  const plugins = { global: { plugins: [i18n] } }
  return { data, footer: mount(TrustFooter, plugins), count: mount(ResultCount, plugins) }
}

const manifest = (sample: boolean, generatedAt: string) => ({ sample, generatedAt, attribution: ['来源 A / Source A'], files: {} }) as unknown as ManifestFile

afterEach(() => { vi.unstubAllGlobals() })

describe('before the manifest arrives, the shipped data speaks for it', () => {
  test('sample build: the notice and the footer date are there while loading, and the count says it is loading', async () => {
    const { data, footer, count } = await load({ sample: true, generatedAt: '2026-09-08T00:00:00.000Z' })
    data.status = 'loading'
    expect(data.sample).toBe(true)
    await footer.vm.$nextTick()
    expect(footer.text()).toContain('数据更新于 2026-09-08')
    expect(count.text()).toBe('正在加载数据…')
    // The manifest decides once it is there: a data update may bring real data and a new date.
    data.manifest = manifest(false, '2026-12-01T00:00:00.000Z')
    data.status = 'ready'
    await footer.vm.$nextTick()
    expect(data.sample).toBe(false)
    expect(footer.text()).toContain('数据更新于 2026-12-01')
    // The sources (the manifest's attribution among them) are one tap away, in a dialog of their own.
    expect(footer.get('button[aria-haspopup="dialog"]').text()).toBe('数据来源')
    expect(count.text()).toBe('共 0 家')
  })

  test('a failed load with nothing to show claims neither sample data nor a date', async () => {
    const { data, footer } = await load({ sample: true, generatedAt: '2026-09-08T00:00:00.000Z' })
    data.status = 'error'
    await footer.vm.$nextTick()
    expect(data.sample).toBe(false)
    expect(data.generatedOn).toBe('')
    expect(footer.find('footer').exists()).toBe(false)
  })

  test('without build-time data (tests, a build before the data) only the manifest counts', async () => {
    const { data } = await load(undefined)
    data.status = 'loading'
    expect(data.sample).toBe(false)
    expect(data.generatedOn).toBe('')
    data.manifest = manifest(true, '2026-09-08T00:00:00.000Z')
    expect(data.sample).toBe(true)
    expect(data.generatedOn).toBe('2026-09-08')
  })
})
