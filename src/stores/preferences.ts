import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const STORAGE_KEY = 'zjg-childcare-map:preferences'

export type AppLocale = 'zh-CN' | 'en'

interface StoredPreferences {
  locale: AppLocale
  elder: boolean
  favourites: string[]
}

// Some webviews throw on any localStorage access: fall back to memory for the session.
const memory = new Map<string, string>()
function readStorage(): string | null {
  try { return window.localStorage.getItem(STORAGE_KEY) } catch { return memory.get(STORAGE_KEY) ?? null }
}
function writeStorage(value: string) {
  try { window.localStorage.setItem(STORAGE_KEY, value) } catch { memory.set(STORAGE_KEY, value) }
}

function readStored(): Partial<StoredPreferences> {
  try {
    const raw = JSON.parse(readStorage() ?? '{}') as Record<string, unknown>
    const stored: Partial<StoredPreferences> = {}
    if (raw.locale === 'zh-CN' || raw.locale === 'en') stored.locale = raw.locale
    if (typeof raw.elder === 'boolean') stored.elder = raw.elder
    if (Array.isArray(raw.favourites)) stored.favourites = raw.favourites.filter((id): id is string => typeof id === 'string')
    return stored
  } catch {
    return {}
  }
}

/** Choices the device remembers: language, 适老化 mode and favourite institutions. */
export const usePreferencesStore = defineStore('preferences', () => {
  const stored = readStored()
  /** UI language. */
  const locale = ref<AppLocale>(stored.locale ?? 'zh-CN')
  /** 适老化 (elder-friendly) mode. */
  const elder = ref(stored.elder ?? false)
  /** Ids of favourite institutions, in the order they were added. */
  const favourites = ref<string[]>(stored.favourites ?? [])

  watch([locale, elder, favourites], () => {
    writeStorage(JSON.stringify({ locale: locale.value, elder: elder.value, favourites: favourites.value }))
  }, { deep: true })

  function setLocale(next: AppLocale) { locale.value = next }
  function setElder(next: boolean) { elder.value = next }
  function isFavourite(id: string) { return favourites.value.includes(id) }
  function toggleFavourite(id: string) {
    favourites.value = isFavourite(id) ? favourites.value.filter((other) => other !== id) : [...favourites.value, id]
  }

  return { locale, elder, favourites, setLocale, setElder, isFavourite, toggleFavourite }
})
