import { describe, expect, it } from 'vitest'
import { computeIndicators } from '../../src/lib/indicators/compute-indicators'
import { INDICATOR_SPECS } from '../../src/lib/indicators/indicator-specs'
import { isTargetMet } from '../../src/lib/indicators/is-target-met'
import { AREA_IDS, type IndicatorValue } from '../../src/lib/types'
import { smallCityAreas, smallCityCommunities, smallCityInstitutions, smallCityTargets } from '../fixtures/indicators/small-city'

function compute() {
  return computeIndicators({
    institutions: smallCityInstitutions(), communities: smallCityCommunities(), targets: smallCityTargets(), areas: smallCityAreas(),
  })
}

/** id → [value, target value, met] */
const table = (values: IndicatorValue[]) => Object.fromEntries(values.map((v) => [v.id, [v.value, v.target?.value ?? null, v.met]]))

describe('computeIndicators on the small city (numbers worked out by hand)', () => {
  it('gives every city KPI its value, target and met', () => {
    expect(table(compute().city)).toMatchObject({
      capacityTotal: [100, 100, true], // 40 + 20 + 30 + 10
      placesPer1000People: [4, 4.5, false], // 100 / 25,000 people
      placesPer1000Under3: [250, 240, true], // 100 / 400 children
      centersBuilt: [1, 1, true], // a bare "1" (op '=') is reached
      newCommunityPoints: [1, 2, false], // I1: community, 普惠, 2024
      newKindergartenClasses: [1, null, null], // I3; no target given
      newEmployerSites: [0, null, null],
      medicalSigningRate: [75, 100, false], // 3 of 4 signed
      puhuiTownCoverage: [66.7, 100, false], // 杨舍镇 and 乐余镇 of 3 units
      under2Share: [25, 30, false], // 25 / 100
      staffCertificationRate: [76.9, 100, false], // min(cert, staff) 10 / 13
      averageFullDayPrice: [1857, 1787, false], // (1500·40 + 3000·20 + 1000·10) / 70
      priceShareOfIncome: [37.1, 30, false], // 1857.14 × 12 / 60,000
      ruralPriceShareOfIncome: [61.9, 30, false], // rural = nearest community a 村委会: I1, I2, I4 (C1); 1857.14 × 12 / (3,000 × 12)
      puhuiShare: [80, 85, false], // (40 + 30 + 10) / 100
      communityCoverageRate: [33.3, 60, false], // C1 only
      occupancyRate: [70, 70, true], // (30 + min(25, 20) + 15 + 5) / 100
    })
  })

  it('measures each area on its own institutions, communities and units', () => {
    const { areas } = compute()
    expect(table(areas.yangshe)).toMatchObject({
      capacityTotal: [70, 60, true],
      placesPer1000People: [4.67, 4.5, true], // 70 / 15,000; the ratio target holds for every area
      placesPer1000Under3: [233.3, 240, false], // 70 / 300
      centersBuilt: [1, null, null], // a count target without an area column is not split
      newCommunityPoints: [1, 1, true],
      medicalSigningRate: [66.7, 100, false],
      puhuiTownCoverage: [50, 100, false], // 杨舍镇 yes, 经开区 no
      under2Share: [35.7, 30, true], // 25 / 70
      staffCertificationRate: [70, 100, false], // 7 / 10
      averageFullDayPrice: [1857, 1787, false],
      puhuiShare: [71.4, 85, false], // 50 / 70
      communityCoverageRate: [50, 60, false],
      occupancyRate: [78.6, 70, true], // 55 / 70
    })
    expect(table(areas.leyu)).toMatchObject({
      capacityTotal: [30, 40, false],
      placesPer1000People: [3, 4.5, false],
      placesPer1000Under3: [300, 240, true],
      newCommunityPoints: [0, 1, false],
      puhuiTownCoverage: [100, 100, true],
      communityCoverageRate: [0, 60, false], // the only community point is in 杨舍
      ruralPriceShareOfIncome: [null, 30, null], // I3's nearest community C3 is not a 村委会: no rural institution
      occupancyRate: [50, 70, false],
    })
  })

  it('gives null with a reason when the data cannot give the value', () => {
    const { city, areas } = compute()
    const byId = (values: IndicatorValue[], id: string) => values.find((v) => v.id === id)
    expect(byId(city, 'satisfaction')).toMatchObject({ value: null, met: null, target: { value: 95 }, reason: '满意度需要入托家庭问卷调查' })
    expect(byId(city, 'employerCoverageRate')).toMatchObject({ value: null, met: null, reason: expect.stringContaining('用人单位') })
    expect(byId(areas.leyu, 'averageFullDayPrice')).toMatchObject({ value: null, met: null, reason: '该范围没有报告全日托收费的机构' })
    expect(byId(areas.daxin, 'under2Share')).toMatchObject({ value: null, reason: '该范围没有托位' })
    expect(byId(areas.daxin, 'placesPer1000People')).toMatchObject({ value: null, reason: '缺少常住人口数据' })
    expect(byId(city, 'capacityTotal')).not.toHaveProperty('reason')
  })

  it('lists every KPI in the same order for the city and all nine areas, without touching its inputs', () => {
    const institutions = smallCityInstitutions()
    const before = structuredClone(institutions)
    const result = computeIndicators({ institutions, communities: smallCityCommunities(), targets: smallCityTargets(), areas: smallCityAreas() })
    expect(institutions).toEqual(before)
    expect(Object.keys(result.areas)).toEqual([...AREA_IDS])
    const ids = INDICATOR_SPECS.map((spec) => spec.id)
    expect(result.city.map((v) => v.id)).toEqual(ids)
    for (const id of AREA_IDS) expect(result.areas[id].map((v) => v.id)).toEqual(ids)
  })
})

describe('isTargetMet', () => {
  it('reads >=, <= and a bare number in the better direction', () => {
    expect(isTargetMet(4.5, { op: '>=', value: 4.5, unit: '' }, 'higher')).toBe(true)
    expect(isTargetMet(1788, { op: '<=', value: 1787, unit: '' }, 'lower')).toBe(false)
    expect(isTargetMet(11, { op: '=', value: 10, unit: '' }, 'higher')).toBe(true)
    expect(isTargetMet(1900, { op: '=', value: 1787, unit: '' }, 'lower')).toBe(false)
    expect(isTargetMet(null, { op: '>=', value: 1, unit: '' }, 'higher')).toBeNull()
    expect(isTargetMet(3, null, 'higher')).toBeNull()
  })
})
