import { readFileSync } from 'node:fs'
import type { FeatureCollection, Point } from 'geojson'
import { describe, expect, test } from 'vitest'
import { apportion } from '../../src/lib/demand/apportion'
import { communitiesOnBasis } from '../../src/lib/demand/communities-on-basis'
import { computeDemand } from '../../src/lib/demand/compute-demand'
import { computeIndicatorsByBasis } from '../../src/lib/indicators/compute-indicators-by-basis'
import { AREA_IDS, DEMAND_BASES, type CommunityProperties, type TargetsFile } from '../../src/lib/types'
import { smallCityAreas, smallCityCommunities, smallCityInstitutions, smallCityTargets } from '../fixtures/indicators/small-city'

const targets = (): TargetsFile => JSON.parse(readFileSync(new URL('../../data/sources/targets.json', import.meta.url), 'utf8')) as TargetsFile
const inputValue = (file: TargetsFile, id: string) => file.inputs.find((input) => input.id === id)?.value
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

describe('apportion', () => {
  test.each([
    [10, [1, 1, 1], [4, 3, 3]],
    [7, [2, 0, 5], [2, 0, 5]],
    [5, [0, 0], [3, 2]],
    [27167, [1140, 2730, 680, 670, 320, 430, 260, 230, 60], [4750, 11375, 2834, 2792, 1333, 1792, 1083, 958, 250]], // 680 ÷ 0.24 = 2833.33 takes the third extra unit: ties go to the earlier area
  ])('apportion(%i, %j) → %j, summing to the total', (total, weights, expected) => {
    expect(apportion(total, weights)).toEqual(expected)
    expect(sum(apportion(total, weights))).toBe(total)
  })
})

describe('computeDemand on data/sources/targets.json', () => {
  test('plan-implied: 6520 ÷ 0.240 = 27,167, the value recorded as the under3 input', () => {
    const model = computeDemand(targets())
    expect(model.bases.plan.total).toBe(27167)
    expect(model.bases.plan.total).toBe(inputValue(targets(), 'under3'))
    expect(model.bases.plan.formula).toBe('6520 ÷ 0.24 = 27167')
  })

  test('births-based: (4455 + 3975 + 3495) × 1,432,044 ÷ (4455 ÷ 4.8‰), worked out by hand = 18,400', () => {
    const model = computeDemand(targets())
    // registered population 4455 / 0.0048 = 928,125; ratio 1,432,044 / 928,125 = 1.54294; 11,925 × 1.54294 = 18,399.6
    expect(model.bases.births.total).toBe(18400)
    expect(model.bases.births.sources.join('\n')).toMatch(/2021年国民经济和社会发展统计公报[\s\S]*Assumption[\s\S]*2023年/)
  })

  test.each(DEMAND_BASES)('basis %s: the nine areas sum to its total, in proportion to the plan\'s places', (basis) => {
    const model = computeDemand(targets())
    const areas = model.bases[basis].areas
    expect(Object.keys(areas)).toEqual([...AREA_IDS])
    expect(sum(Object.values(areas))).toBe(model.bases[basis].total)
    expect((areas.yangshe ?? 0) / (areas.changyinsha ?? 1)).toBeCloseTo(2730 / 60, 0)
  })

  test('population: the census, or the latest bulletin\'s figure when one is given', () => {
    expect(computeDemand(targets()).population.value).toBe(1_432_044)
    const bulletin = { id: 'population-bulletin', name: '常住人口', nameEn: '', value: 1_440_400, unit: '人', source: '2021 公报', sample: false }
    const withBulletin = { ...targets(), inputs: [...targets().inputs, bulletin] }
    expect(computeDemand(withBulletin).population).toEqual({ value: 1_440_400, source: '2021 公报' })
    expect(computeDemand(withBulletin).bases.births.total).toBe(Math.round((11925 * 1_440_400) / (4455 / 0.0048)))
  })

  test('uses the last three birth years and names a missing input', () => {
    const file = targets()
    const older = { ...file.inputs.find((input) => input.id === 'births-2021'), id: 'births-2019', value: 99999 } as TargetsFile['inputs'][number]
    expect(computeDemand({ ...file, inputs: [...file.inputs, older] }).bases.births.total).toBe(18400)
    expect(() => computeDemand({ ...file, inputs: file.inputs.filter((input) => input.id !== 'births-2022') })).toThrow(/three births/)
    expect(() => computeDemand({ ...file, inputs: file.inputs.filter((input) => input.id !== 'population') })).toThrow(/population/)
    expect(() => computeDemand({ ...file, inputs: file.inputs.filter((input) => !input.id.startsWith('registered')) })).toThrow(/registered-birth-rate/)
  })
})

describe('the basis reaches every under-3 KPI', () => {
  const communities = (): FeatureCollection<Point, CommunityProperties> => ({
    type: 'FeatureCollection',
    features: smallCityCommunities().map((feature) => ({ ...feature, properties: { ...feature.properties, under3Births: feature.properties.under3 / 2 } })),
  })

  test('communitiesOnBasis swaps in under3Births without touching its input', () => {
    const input = communities()
    const before = JSON.stringify(input)
    expect(communitiesOnBasis(input, 'plan')).toBe(input)
    expect(communitiesOnBasis(input, 'births').features.map((feature) => feature.properties.under3)).toEqual([100, 50, 50])
    expect(JSON.stringify(input)).toBe(before)
    const missing = { ...input, features: smallCityCommunities() }
    expect(() => communitiesOnBasis(missing, 'births')).toThrow(/under3Births/)
  })

  test('indicators.json carries both bases, names the default and keeps city/areas on it', () => {
    const model = computeDemand(targets())
    const file = computeIndicatorsByBasis({
      institutions: smallCityInstitutions(), communities: communities(), targets: smallCityTargets(), areas: smallCityAreas(),
    }, Object.values(model.bases))
    const perUnder3 = (values: typeof file.city) => values.find((indicator) => indicator.id === 'placesPer1000Under3')?.value
    expect(file.basis).toBe('plan')
    expect(file.demand?.map((basis) => [basis.id, basis.name, basis.total])).toEqual([['plan', '规划推算', 27167], ['births', '出生推算', 18400]])
    expect(file.byBasis?.plan).toEqual({ city: file.city, areas: file.areas })
    expect(perUnder3(file.city)).toBe(250) // 100 places / 400 children
    expect(perUnder3(file.byBasis?.births?.city ?? [])).toBe(500) // 100 places / 200 children
    const unaffected = (values: typeof file.city) => values.filter((indicator) => indicator.id !== 'placesPer1000Under3')
    expect(unaffected(file.byBasis?.births?.city ?? [])).toEqual(unaffected(file.city))
  })
})
