import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { loadLocale } from '../i18n'
import { usePreferencesStore } from '../stores/preferences'

/** Applies the language and 适老化 mode to vue-i18n and the document. */
export function usePreferenceEffects() {
  const preferences = usePreferencesStore()
  const { locale } = useI18n({ useScope: 'global' })
  // A language is shown once its messages are there (English loads as its own chunk).
  watch(() => preferences.locale, async (next) => {
    await loadLocale(next)
    if (preferences.locale !== next) return
    locale.value = next
    document.documentElement.lang = next
  }, { immediate: true })
  watch(() => preferences.elder, (elder) => {
    document.documentElement.classList.toggle('elder', elder)
  }, { immediate: true })
}
