import { useI18n } from 'vue-i18n'
import { en, zh } from '../i18n/messages/nearby-more'

/** Composers that already hold the strings (the app's one, or a test's). */
const merged = new WeakSet<object>()

/** Adds the strings of near me's extras (messages/nearby-more.ts) to the installed vue-i18n once; lazy components call it. */
export function useNearbyMoreMessages() {
  const composer = useI18n({ useScope: 'global' })
  if (merged.has(composer)) return
  merged.add(composer)
  composer.mergeLocaleMessage('zh-CN', zh)
  composer.mergeLocaleMessage('en', en)
}
