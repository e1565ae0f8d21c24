import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { usePreferencesStore } from '../stores/preferences'

/** Applies the language and 适老化 mode to vue-i18n and the document. */
export function usePreferenceEffects() {
  const preferences = usePreferencesStore()
  const { locale } = useI18n({ useScope: 'global' })
  watch(() => preferences.locale, (next) => {
    locale.value = next
    document.documentElement.lang = next
  }, { immediate: true })
  watch(() => preferences.elder, (elder) => {
    document.documentElement.classList.toggle('elder', elder)
  }, { immediate: true })
}
