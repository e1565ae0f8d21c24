import { readFileSync } from 'node:fs'
import { createPinia, setActivePinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import * as core from '../../src/i18n/messages/core'
import * as parents from '../../src/i18n/messages/parents'
import { buildSearchKeys } from '../../src/lib/search/search-keys'
import type { InstitutionCollection } from '../../src/stores/data'
import { useDataStore } from '../../src/stores/data'

/** A fresh Pinia with the fixture institutions loaded, and a Chinese vue-i18n with the real messages. */
export function setupParents() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const institutions = JSON.parse(readFileSync('tests/fixtures/institutions/small.geojson', 'utf8')) as InstitutionCollection
  // As scripts/build-data.ts writes them: pinyin search keys are computed at build time.
  for (const feature of institutions.features) feature.properties.searchKeys = buildSearchKeys(feature.properties)
  const data = useDataStore()
  data.institutions = Object.freeze(institutions)
  data.status = 'ready'
  const i18n = createI18n({
    legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': { ...core.zh, ...parents.zh }, en: { ...core.en, ...parents.en } },
  })
  return { pinia, i18n, institutions }
}
