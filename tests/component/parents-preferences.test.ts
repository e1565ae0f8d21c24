import { afterEach, expect, test, vi } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { usePreferencesStore } from '../../src/stores/preferences'

afterEach(() => {
  vi.restoreAllMocks()
  window.localStorage.clear()
})

test('preferences are kept in localStorage and read back by a new store', async () => {
  setActivePinia(createPinia())
  const first = usePreferencesStore()
  first.setLocale('en')
  first.setElder(true)
  first.toggleFavourite('T1')
  await nextTick()
  setActivePinia(createPinia())
  const second = usePreferencesStore()
  expect([second.locale, second.elder, second.favourites]).toEqual(['en', true, ['T1']])
})

test('when storage throws (blocked webviews) the store keeps working in memory', async () => {
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => { throw new DOMException('blocked', 'SecurityError') })
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => { throw new DOMException('blocked', 'SecurityError') })
  setActivePinia(createPinia())
  const store = usePreferencesStore()
  expect(store.locale).toBe('zh-CN')
  store.toggleFavourite('T2')
  store.setElder(true)
  await nextTick()
  expect(store.favourites).toEqual(['T2'])
  setActivePinia(createPinia())
  expect(usePreferencesStore().favourites).toEqual(['T2'])
})

test('garbage in storage is ignored', () => {
  window.localStorage.setItem('zjg-childcare-map:preferences', '{"locale":"fr","elder":"yes","favourites":[1,"T3"]')
  setActivePinia(createPinia())
  const store = usePreferencesStore()
  expect([store.locale, store.elder, store.favourites]).toEqual(['zh-CN', false, []])
  window.localStorage.setItem('zjg-childcare-map:preferences', '{"locale":"fr","elder":"yes","favourites":[1,"T3"]}')
  setActivePinia(createPinia())
  const again = usePreferencesStore()
  expect([again.locale, again.elder, again.favourites]).toEqual(['zh-CN', false, ['T3']])
})
