import { i18n } from '../i18n'
import { en, zh } from '../i18n/messages/nearby-more'

let merged = false

/** Adds the strings of near me's extras (messages/nearby-more.ts) once; only lazy components call it. */
export function useNearbyMoreMessages() {
  if (merged) return
  merged = true
  i18n.global.mergeLocaleMessage('zh-CN', zh)
  i18n.global.mergeLocaleMessage('en', en)
}
