import { createI18n } from 'vue-i18n'
import * as core from './messages/core'
import * as map from './messages/map'
import * as parents from './messages/parents'
import * as pwa from './messages/pwa'
import * as embed from './messages/embed'
import type * as planner from './messages/planner'

// Each topic keeps its strings in messages/<topic>.ts as { zh, en }; add a topic here. The build precompiles them
// (precompile-messages.ts). The planner's strings load with the planner view (loadPlannerMessages): they are not
// needed on the parents' first screen.
const topics = [core, map, parents, pwa, embed]

const zhCN = Object.assign({}, ...topics.map((topic) => topic.zh)) as typeof core.zh & typeof map.zh & typeof parents.zh & typeof pwa.zh & typeof embed.zh & typeof planner.zh
const en = Object.assign({}, ...topics.map((topic) => topic.en)) as typeof zhCN

export type MessageSchema = typeof zhCN
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]

export const i18n = createI18n<[MessageSchema], Locale>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

/** Adds the planner view's messages (both languages); call before the planner renders. */
export async function loadPlannerMessages(): Promise<void> {
  const { zh, en: english } = await import('./messages/planner')
  i18n.global.mergeLocaleMessage('zh-CN', zh)
  i18n.global.mergeLocaleMessage('en', english)
}
