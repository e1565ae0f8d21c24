import { vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import * as core from '../../src/i18n/messages/core'
import * as parents from '../../src/i18n/messages/parents'
import * as myData from '../../src/i18n/messages/my-data'
import * as planner from '../../src/i18n/messages/planner'
import { AREA_IDS, type IndicatorsFile, type IndicatorValue } from '../../src/lib/types'
import { useDataStore, type BoundaryCollection, type ZoneCollection } from '../../src/stores/data'
import { handCommunityCollection, handInstitutionCollection, handZones } from '../fixtures/coverage/hand-case'

function handIndicators(): IndicatorsFile {
  const rows: IndicatorValue[] = [
    { id: 'capacityTotal', name: '辖区总托位数', nameEn: 'Total places', value: 90, unit: '个', target: { op: '>=', value: 120, unit: '个' }, met: false },
    { id: 'occupancyRate', name: '托位实际使用率', nameEn: 'Occupancy', value: 75, unit: '%', target: { op: '>=', value: 70, unit: '%' }, met: true },
    { id: 'satisfaction', name: '入托家庭服务满意度', nameEn: 'Satisfaction', value: null, unit: '%', target: { op: '>=', value: 95, unit: '%' }, met: null, reason: '满意度需要入托家庭问卷调查' },
  ]
  return { city: rows, areas: Object.fromEntries(AREA_IDS.map((id) => [id, rows])) as IndicatorsFile['areas'] }
}

/** The network: the two files the planner loads (the hand case's communities and three indicator rows). */
export function stubPlannerFiles() {
  const files: Record<string, unknown> = { 'communities.geojson': handCommunityCollection(), 'indicators.json': handIndicators() }
  vi.stubGlobal('fetch', async (url: string) => {
    const name = String(url).split('/').pop() ?? ''
    return name in files ? new Response(JSON.stringify(files[name])) : new Response('', { status: 404 })
  })
}

/** A fresh Pinia with the hand case's core data loaded, and a Chinese vue-i18n with the planner's messages. */
export function setupPlanner() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const data = useDataStore()
  data.institutions = Object.freeze(handInstitutionCollection())
  data.zones = Object.freeze(handZones() as unknown as ZoneCollection)
  data.boundary = Object.freeze(handZones() as unknown as BoundaryCollection)
  data.status = 'ready'
  const i18n = createI18n({
    legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN',
    messages: {
      'zh-CN': { ...core.zh, ...parents.zh, planner: { ...planner.zh.planner, ...myData.zh.planner } },
      en: { ...core.en, ...parents.en, planner: { ...planner.en.planner, ...myData.en.planner } },
    },
  })
  return { pinia, i18n }
}

/** Clicks every planner tab once, so that each panel is built (panels stay mounted once shown); ends on 覆盖. */
export async function showAllTabs(view: { findAll: (selector: string) => { text: () => string; trigger: (event: string) => Promise<void> }[] }) {
  for (const name of ['选址', '导出', '覆盖']) await view.findAll('[role="tab"]').find((tab) => tab.text() === name)?.trigger('click')
}
