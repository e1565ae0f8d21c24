import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { readPreferences, writePreferences, type AppLocale } from '../storage/stored-values'

export type { AppLocale } from '../storage/stored-values'

/** Choices the device remembers: language, 适老化 mode and favourite institutions. */
export const usePreferencesStore = defineStore('preferences', () => {
  const stored = readPreferences()
  /** UI language. */
  const locale = ref<AppLocale>(stored.locale ?? 'zh-CN')
  /** 适老化 (elder-friendly) mode. */
  const elder = ref(stored.elder ?? false)
  /** Ids of favourite institutions, in the order they were added. */
  const favourites = ref<string[]>(stored.favourites ?? [])

  watch([locale, elder, favourites], () => {
    writePreferences({ locale: locale.value, elder: elder.value, favourites: favourites.value })
  }, { deep: true })

  function setLocale(next: AppLocale) { locale.value = next }
  function setElder(next: boolean) { elder.value = next }
  function isFavourite(id: string) { return favourites.value.includes(id) }
  function toggleFavourite(id: string) {
    favourites.value = isFavourite(id) ? favourites.value.filter((other) => other !== id) : [...favourites.value, id]
  }

  return { locale, elder, favourites, setLocale, setElder, isFavourite, toggleFavourite }
})
