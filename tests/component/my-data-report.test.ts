import { afterEach, expect, test } from 'vitest'
import { mount } from '@vue/test-utils'
import MyDataReport from '../../src/components/planner/MyDataReport.vue'
import type { ImportReport } from '../../src/data/my-data-types'
import { REJECTION_CODES } from '../../src/lib/registry/registry-types'
import { setupPlanner } from './planner-setup'

let unmount: (() => void) | undefined
afterEach(() => unmount?.())

function report(rejected: ImportReport['rejected']): ImportReport {
  return { fileName: '托育机构.csv', encoding: 'utf-8', read: 3, kept: 3 - rejected.length, rejected, warnings: 0, rejectedCsv: '' }
}

function reasonsIn(locale: 'zh-CN' | 'en', rejected: ImportReport['rejected']) {
  const { pinia, i18n } = setupPlanner()
  i18n.global.locale.value = locale
  const view = mount(MyDataReport, { props: { report: report(rejected) }, global: { plugins: [pinia, i18n] } })
  unmount = () => view.unmount()
  return { cells: view.findAll('tbody td:nth-child(2)').map((cell) => cell.text()), t: i18n.global.t }
}

const ROWS = [
  { line: 3, codes: ['duplicate-id'], reasons: '机构编号与第 2 行重复' },
  { line: 5, codes: ['swapped-coordinates', 'unknown-town'], reasons: '经纬度可能颠倒（经度 31.9，纬度 120.5）；所属镇街未知：“火星镇”' },
]

test('in English each rejected row says what is wrong in English, then the validators\' own Chinese words', () => {
  expect(reasonsIn('en', ROWS).cells).toEqual([
    'Duplicate (机构编号与第 2 行重复)',
    'Longitude and latitude probably swapped; Unknown town (经纬度可能颠倒（经度 31.9，纬度 120.5）；所属镇街未知：“火星镇”)',
  ])
})

test('in Chinese the reasons are shown as the validators word them', () => {
  expect(reasonsIn('zh-CN', ROWS).cells).toEqual(ROWS.map((row) => row.reasons))
})

test('a report kept before codes were stored, or a code the app does not know, still shows every reason', () => {
  expect(reasonsIn('en', [{ line: 4, reasons: '托位数为空' }, { line: 6, codes: ['from-the-future'], reasons: '新的原因' }]).cells)
    .toEqual(['托位数为空', 'from-the-future (新的原因)'])
})

test.each(['zh-CN', 'en'] as const)('every rejection code, and the population table\'s unknown community, has its own %s name', (locale) => {
  const { t } = reasonsIn(locale, [])
  const codes = [...REJECTION_CODES, 'unknown-community']
  const names = codes.map((code) => t(`planner.myData.rejection.${code}`))
  names.forEach((name, index) => expect(name).not.toBe(`planner.myData.rejection.${codes[index]}`))
  expect(new Set(names).size).toBe(codes.length)
})
