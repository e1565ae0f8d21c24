import { createI18n } from 'vue-i18n'
import type * as core from './messages/core'
import type * as embed from './messages/embed'
import type * as map from './messages/map'
import type * as myData from './messages/my-data'
import type * as parents from './messages/parents'
import type * as planner from './messages/planner'
import type * as pwa from './messages/pwa'
import { zh as coreZh } from './messages/core?locale=zh'
import { zh as embedZh } from './messages/embed?locale=zh'
import { zh as mapZh } from './messages/map?locale=zh'
import { zh as parentsZh } from './messages/parents?locale=zh'
import { zh as pwaZh } from './messages/pwa?locale=zh'

// Each topic keeps its strings in messages/<topic>.ts as { zh, en }; add a topic here and in loadLocale. The build
// precompiles them (precompile-messages.ts); `?locale=` keeps one language per module, so Chinese ships with the
// first screen and English is its own chunk, loaded before the app shows it. The planner's strings load with the
// planner view (loadPlannerMessages).
export type MessageSchema = typeof core.zh & typeof map.zh & typeof parents.zh & typeof pwa.zh & typeof embed.zh & typeof planner.zh & typeof myData.zh
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]

const zhCN = Object.assign({}, coreZh, mapZh, parentsZh, pwaZh, embedZh) as MessageSchema

export const i18n = createI18n<[MessageSchema], Locale>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en: {} as MessageSchema },
})

let english: Promise<void> | null = null
/** Loads a language's first-screen messages (English is a chunk of its own); resolves at once for Chinese. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'en') return Promise.resolve()
  english ??= Promise.all([
    import('./messages/core?locale=en'), import('./messages/map?locale=en'), import('./messages/parents?locale=en'),
    import('./messages/pwa?locale=en'), import('./messages/embed?locale=en'),
  ]).then((modules) => {
    for (const module of modules) i18n.global.mergeLocaleMessage('en', module.en)
  })
  return english
}

/** Adds the planner view's messages (both languages; 我的数据's merge under planner.myData); call before the planner renders. */
export async function loadPlannerMessages(): Promise<void> {
  for (const { zh, en } of await Promise.all([import('./messages/planner'), import('./messages/my-data')])) {
    i18n.global.mergeLocaleMessage('zh-CN', zh)
    i18n.global.mergeLocaleMessage('en', en)
  }
}
