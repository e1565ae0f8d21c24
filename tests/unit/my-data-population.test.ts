import { readFileSync } from 'node:fs'
import { proxy } from 'comlink'
import type { Feature, Point } from 'geojson'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { myDataWorker } from './support/my-data-worker'
import { populationTemplateCsv } from '../../src/data/my-data-template'
import type { PopulationImport } from '../../src/data/my-data-types'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { AREA_IDS, type CommunityProperties, type TargetsFile } from '../../src/lib/types'

const root = new URL('../..', import.meta.url)
const units = JSON.parse(readFileSync(new URL('data/sources/units.json', root), 'utf8')) as {
  communities: { code: string; name: string; townName: string }[]
}
const targets = JSON.parse(readFileSync(new URL('data/sources/targets.json', root), 'utf8')) as TargetsFile
/** The city's 村/居 with made-up model figures at one point: enough for matching and for the indicator arithmetic. */
const communityFeatures: Feature<Point, CommunityProperties>[] = units.communities.map((unit, index) => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [120.55, 31.87] },
  properties: { id: unit.code, name: unit.name, town: unit.townName, area: AREA_IDS[index % AREA_IDS.length], under3: 100, under3Births: 70, population: 5000, approximate: true },
}))
const refs = communityFeatures.map(({ properties }) => ({ id: properties.id, name: properties.name }))

async function importTable(text: string, name = 'counts.csv', encoding: 'utf8' | 'gbk' = 'utf8'): Promise<PopulationImport> {
  const bytes = encoding === 'gbk' ? new Uint8Array(iconv.encode(text, 'gbk')) : new TextEncoder().encode(text)
  const answer = await myDataWorker().importPopulation(bytes, name, refs)
  if (!answer.ok) throw new Error(answer.message)
  return answer.result
}

describe('my data: population table import in the worker', () => {
  it('reads back its own template, edited, in GBK', async () => {
    const template = populationTemplateCsv(communityFeatures).replace(/^\uFEFF/, '')
    const records = parseCsv(template).filter((record) => record.cells.length > 1)
    expect(records[0].cells).toEqual(['村居代码', '村居名称', '所属镇街', '3岁以下婴幼儿数', '常住人口'])
    expect(records).toHaveLength(units.communities.length + 1)
    const edited = records.map((record, index) => (index === 0 ? record.cells : [...record.cells.slice(0, 3), String(index), ''])).map((cells) => cells.join(',')).join('\n')
    const result = await importTable(edited, 'counts-gbk.csv', 'gbk')
    expect([result.read, result.kept, result.rejected.length]).toEqual([units.communities.length, units.communities.length, 0])
    expect(result.counts[units.communities[0].code]).toEqual({ under3: 1, population: null })
    expect(result.totalUnder3).toBe((units.communities.length * (units.communities.length + 1)) / 2)
  })

  it('matches by name when there is no code column, and rejects each bad row with its line and reason', async () => {
    const [first, second, third] = units.communities
    const text = [
      '村居名称,3岁以下,人口',
      `${first.name},120,4000`,
      `${second.name.replace(/居委会$/, '')},80,`,
      '火星村,10,100',
      `${third.name},很多,100`,
      `${first.name},5,5`,
      `${third.name},-3,100`,
    ].join('\r\n')
    const result = await importTable(text)
    expect(result.counts).toEqual({ [first.code]: { under3: 120, population: 4000 }, [second.code]: { under3: 80, population: null } })
    expect(result.rejected).toEqual([
      { line: 4, codes: ['unknown-community'], reasons: '村居名称未知：“火星村”' },
      { line: 5, codes: ['not-a-number'], reasons: '3岁以下婴幼儿数不是数字：“很多”' },
      { line: 6, codes: ['duplicate-id'], reasons: '与第 2 行为同一村居' },
      { line: 7, codes: ['negative-number'], reasons: '3岁以下婴幼儿数为负数：-3' },
    ])
    expect(parseCsv(result.rejectedCsv.replace(/^\uFEFF/, '')).slice(1).filter((record) => record.cells.length > 1).map((record) => record.cells[0])).toEqual(['4', '5', '6', '7'])
  })

  it('answers a table without the columns it needs with the reason', async () => {
    const answer = await myDataWorker().importPopulation(new TextEncoder().encode('名称,人口\n甲村,3\n'), 'x.csv', refs)
    expect(answer.ok ? '' : answer.message).toMatch(/required columns missing/)
    expect(answer.ok ? undefined : answer.code).toBe('missing-columns')
  })
})

describe('my data: the planner\'s inputs recomputed in the worker', () => {
  it('gives the file\'s 托位 total and, with a population table, its under-3 total to the indicators', async () => {
    const registry = await myDataWorker().importRegistry(new Uint8Array(readFileSync(new URL('tests/fixtures/registry/valid.csv', root))), 'valid.csv', proxy(() => {}))
    if (!registry.ok) throw new Error(registry.message)
    const population = await importTable(`村居代码,3岁以下婴幼儿数\n${units.communities[0].code},1000\n`)
    const communities = { type: 'FeatureCollection' as const, features: communityFeatures }
    const input = { institutions: registry.result.institutions, communities, targets }
    const before = communities.features[0].properties.under3
    const plain = await myDataWorker().plannerData({ ...input, population: null })
    const mine = await myDataWorker().plannerData({ ...input, population })
    const value = (file: typeof plain, id: string) => file.indicators.city.find((indicator) => indicator.id === id)?.value
    expect(value(plain, 'capacityTotal')).toBe(registry.result.totalCapacity)
    const under3 = (file: typeof plain) => file.communities.features.reduce((sum, feature) => sum + feature.properties.under3, 0)
    expect(under3(mine) - under3(plain)).toBe(1000 - before)
    expect(value(mine, 'placesPer1000Under3')).toBe(Math.round((registry.result.totalCapacity / under3(mine)) * 1000 * 10) / 10)
    expect(mine.indicators.demand?.every((basis) => basis.total === under3(mine))).toBe(true)
    expect(communities.features[0].properties.under3).toBe(before)
  })
})
