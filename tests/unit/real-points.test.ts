import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { UnitsFile } from '../../src/lib/place-communities'
import { parsePlanningAreas } from '../../src/lib/planning-areas'
import { joinRealPoints, type AdcodePoint, type AdcodePointsFile } from '../../src/lib/real-points/join-real-points'
import { realZoneSites } from '../../src/lib/real-points/real-zone-sites'

const source = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), 'utf8')) as T

const unit = (code: string, name: string, townCode: string) => ({ code, name, kind: 'community' as const, townCode, townName: townCode })
const point = (code: string, name: string, townCode: string, position: [number, number] = [120.5, 31.9]): AdcodePoint =>
  ({ code, name, townCode, townName: townCode, position })
const file = (villages: AdcodePoint[], successors?: Record<string, string[]>): AdcodePointsFile =>
  ({ description: '', source: '', crs: 'WGS84', towns: [], villages, ...(successors ? { successors } : {}) })

/** Today: 金港街道 (001) and 后塍街道 (002) replaced 金港镇 (102); 杨舍镇 (100) kept its code. */
const units: Pick<UnitsFile, 'communities'> = {
  communities: [
    unit('320582001001', '中港社区居委会', '320582001'), unit('320582002004', '金丰社区居委会', '320582002'),
    unit('320582100010', '庆丰社区居委会', '320582100'), unit('320582100011', '芦庄社区居委会', '320582100'),
    unit('320582100012', '棋杆社区居委会', '320582100'), unit('320582100013', '东湖社区居委会', '320582100'),
    unit('320582100014', '东湖村委会', '320582100'), unit('320582103001', '星火村委会', '320582103'),
  ],
}
const split = { '320582102000': ['320582001', '320582002'] }

describe('joinRealPoints', () => {
  test('by code when code and name agree, carrying the position and naming the source', () => {
    const [match] = joinRealPoints(units, file([point('320582100010', '庆丰社区居委会', '320582100000', [120.54, 31.86])]))
    expect(match).toEqual({
      code: '320582100010', position: [120.54, 31.86], by: 'code',
      source: 'Vonng/adcode 320582100010 庆丰社区居委会 (2016), by code',
    })
  })

  test('a reused code with another name is not a code match (东兴苑 2016 ≠ 芦庄 today)', () => {
    expect(joinRealPoints(units, file([point('320582100011', '东兴苑社区居委会', '320582100000')]))).toEqual([])
  })

  test('by name within the town, and 村 → 社区 of the same place (棋杆村 → 棋杆社区)', () => {
    const matches = joinRealPoints(units, file([
      point('320582100099', '庆丰社区居民委员会', '320582100000'), point('320582100201', '棋杆村委会', '320582100000'),
    ]))
    expect(matches.map((match) => [match.code, match.by])).toEqual([['320582100010', 'name'], ['320582100012', 'name']])
  })

  test('split units: a 金港镇 village is found among 金港 / 后塍 街道, whichever took it', () => {
    const matches = joinRealPoints(units, file([
      point('320582102001', '中港社区居委会', '320582102000'), point('320582102030', '金丰社区居委会', '320582102000'),
    ], split))
    expect(matches.map((match) => [match.code, match.by])).toEqual([['320582001001', 'name'], ['320582002004', 'name']])
  })

  test('a name unique in the city is used when the town has none; an ambiguous one is not', () => {
    expect(joinRealPoints(units, file([point('320582102299', '星火村委会', '320582102000')]))[0]?.code).toBe('320582103001')
    // 东湖社区 and 东湖村 both have the bare name 东湖: the exact name decides, the bare one alone would not.
    expect(joinRealPoints(units, file([point('320582100299', '东湖村委会', '320582100000')]))[0]?.code).toBe('320582100014')
    expect(joinRealPoints(units, file([point('320582100299', '东湖居委会', '320582100000')]))).toEqual([])
  })

  test('a unit claimed by two points gets neither', () => {
    expect(joinRealPoints(units, file([
      point('320582100010', '庆丰社区居委会', '320582100000'), point('320582100098', '庆丰社区居委会', '320582100000'),
    ]))).toEqual([])
  })

  test('the real sources: 51 of 273 units joined, by code and by name, each once, none mutated', () => {
    const realUnits = source<UnitsFile>('units.json')
    const points = source<AdcodePointsFile>('adcode-points.json')
    const before = JSON.stringify([realUnits, points])
    const matches = joinRealPoints(realUnits, points)
    expect(matches).toHaveLength(51)
    expect(new Set(matches.map((match) => match.code)).size).toBe(51)
    expect(matches.filter((match) => match.by === 'code').length).toBe(35)
    for (const match of matches.filter((item) => item.by === 'code')) expect(match.source).toContain(match.code)
    const jingang = matches.filter((match) => /^32058200[123]/.test(match.code))
    expect(jingang.length).toBeGreaterThanOrEqual(10)
    expect(jingang.every((match) => match.source.includes('Vonng/adcode 320582102'))).toBe(true)
    expect(JSON.stringify([realUnits, points])).toBe(before)
  })
})

describe('realZoneSites', () => {
  const areas = parsePlanningAreas(source('planning-areas.json'))
  const realUnits = source<UnitsFile>('units.json')
  const points = source<AdcodePointsFile>('adcode-points.json')

  test('other seats and every joined point, each with the area of its unit; area seats are not repeated', () => {
    const matches = joinRealPoints(realUnits, points)
    const sites = realZoneSites(areas, realUnits, points, matches)
    expect(sites.slice(0, 2)).toEqual([
      { area: 'baoshui', position: points.towns.find((town) => town.name === '金港镇')?.position },
      { area: 'yangshe', position: points.towns.find((town) => town.name === '张家港经济技术开发区')?.position },
    ])
    expect(sites).toHaveLength(2 + matches.length)
    expect(sites.find((site) => site.position === matches.find((match) => match.code === '320582001001')?.position)?.area).toBe('baoshui')
  })

  test('a seat no area claims stops the build with its name', () => {
    const stranger = { ...points, towns: [...points.towns, point('320582999000', '苏州工业园区', '320582999000')] }
    expect(() => realZoneSites(areas, realUnits, stranger, [])).toThrow(/苏州工业园区/)
  })
})
