import { readFileSync } from 'node:fs'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { distance } from '@turf/distance'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { describe, expect, test } from 'vitest'
import { buildZones } from '../../src/lib/build-zones'
import { placeCommunities, type UnitsFile } from '../../src/lib/place-communities'
import { parsePlanningAreas } from '../../src/lib/planning-areas'
import { joinRealPoints, type AdcodePointsFile, type RealPointMatch } from '../../src/lib/real-points/join-real-points'
import { realZoneSites } from '../../src/lib/real-points/real-zone-sites'
import type { TargetsFile } from '../../src/lib/types'

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), 'utf8')) as T

/** The build's own inputs: land zones grown from the real seats and points, and the joined points. */
function realInputs() {
  const areas = parsePlanningAreas(read('planning-areas.json'))
  const land = read<FeatureCollection<Polygon | MultiPolygon>>('land.geojson').features[0]
  const units = read<UnitsFile>('units.json')
  const points = read<AdcodePointsFile>('adcode-points.json')
  const realPoints = joinRealPoints(units, points)
  const zones = buildZones(land, areas, realZoneSites(areas, units, points, realPoints))
  return { areas, land, zones, units, realPoints, targets: read<TargetsFile>('targets.json') }
}

/** Two square areas, three units each, with round targets so the expected counts can be worked out by hand. */
function tinyInputs() {
  const square = (west: number): Polygon => ({ type: 'Polygon', coordinates: [[[west, 31.8], [west + 0.1, 31.8], [west + 0.1, 31.9], [west, 31.9], [west, 31.8]]] })
  const zone = (id: 'baoshui' | 'yangshe', west: number) => ({
    type: 'Feature' as const, geometry: square(west),
    properties: { id, name: id, nameEn: id, approximate: true, units: [], under3: 0, population: 0, seat: [west + 0.05, 31.85] as [number, number] },
  })
  const unit = (code: string, kind: 'community' | 'village' | 'virtual', townCode: string) => ({ code, name: code, kind, townCode, townName: townCode })
  const units: UnitsFile = {
    description: '', source: '',
    towns: [{ code: 'T1', name: 'T1', area: 'baoshui' }, { code: 'T2', name: 'T2', area: 'yangshe' }],
    communities: [unit('A1', 'community', 'T1'), unit('A2', 'village', 'T1'), unit('A3', 'virtual', 'T1'),
      unit('B1', 'community', 'T2'), unit('B2', 'village', 'T2'), unit('B3', 'village', 'T2')],
  }
  const targets: TargetsFile = {
    plan: 'test',
    kpis: [
      { id: 'a2-total-places', source: '附件2', name: '辖区总托位数(个)', nameEn: '', city: { op: '>=', value: 72, unit: '个' },
        areas: { baoshui: { op: '>=', value: 24, unit: '个' }, yangshe: { op: '>=', value: 48, unit: '个' } } },
      { id: 'a2-places-per-1000-under3', source: '附件2', name: '', nameEn: '', city: { op: '>=', value: 240, unit: '' } },
    ],
    inputs: [
      { id: 'population', name: '常住人口', nameEn: '', value: 3000, unit: '人', source: 'test', sample: true },
      ...[['births-2021', 40], ['births-2022', 30], ['births-2023', 20], ['registered-birth-rate-2021', 20]].map(([id, value]) => (
        { id: String(id), name: String(id), nameEn: '', value: Number(value), unit: '', source: 'test', sample: false })),
    ],
  }
  return { units, targets, zones: { type: 'FeatureCollection' as const, features: [zone('baoshui', 120.4), zone('yangshe', 120.6)] } }
}

describe('placeCommunities', () => {
  test('calibrates each area to both bases and splits the population in proportion (hand-computed)', () => {
    const { units, zones, targets } = tinyInputs()
    const result = placeCommunities(units, zones, targets, 'test')
    const sum = (area: string, key: 'under3' | 'under3Births' | 'population') =>
      result.features.filter((feature) => feature.properties.area === area).reduce((total, feature) => total + (feature.properties[key] ?? 0), 0)
    // plan: 72 places ÷ 0.240 = 300, split 24 : 48
    expect([sum('baoshui', 'under3'), sum('yangshe', 'under3')]).toEqual([100, 200])
    // births: (40 + 30 + 20) × 3000 residents ÷ (40 ÷ 20‰ = 2000 registered) = 135, split 1 : 2
    expect([sum('baoshui', 'under3Births'), sum('yangshe', 'under3Births')]).toEqual([45, 90])
    expect([sum('baoshui', 'population'), sum('yangshe', 'population')]).toEqual([1000, 2000])
    const virtual = result.features.find((feature) => feature.properties.id === 'A3')
    const community = result.features.find((feature) => feature.properties.id === 'A1')
    expect(virtual && community && virtual.properties.population < community.properties.population).toBe(true)
  })

  test('places every one of the 273 units once, on land inside its own zone; real points where joined', () => {
    const { units, zones, targets, land, realPoints } = realInputs()
    const result = placeCommunities(units, zones, targets, 'communities-v1', realPoints)
    expect(result.features.map((feature) => feature.properties.id)).toEqual(units.communities.map((unit) => unit.code).sort())
    expect(result.features).toHaveLength(273)
    const areaOf = new Map(units.towns.map((town) => [town.code, town.area]))
    const realOf = new Map(realPoints.map((match) => [match.code, match]))
    for (const feature of result.features) {
      const unit = units.communities.find((candidate) => candidate.code === feature.properties.id)
      const real = realOf.get(feature.properties.id)
      expect(feature.properties).toMatchObject({ name: unit?.name, town: unit?.townName, area: areaOf.get(unit?.townCode ?? ''), approximate: !real })
      expect(feature.properties.source).toBe(real?.source)
      if (real) expect(feature.geometry.coordinates).toEqual(real.position)
      const zone = zones.features.find((candidate) => candidate.properties.id === feature.properties.area)
      expect(zone && booleanPointInPolygon(feature.geometry.coordinates, zone), feature.properties.name).toBe(true)
      expect(booleanPointInPolygon(feature.geometry.coordinates, land), feature.properties.name).toBe(true)
      expect(feature.properties.population).toBeGreaterThan(feature.properties.under3)
      for (const value of feature.geometry.coordinates) expect(value).toBe(Number(value.toFixed(6)))
    }
  })

  test('city totals: each basis sums to its total exactly, the population to the census', () => {
    const { units, zones, targets, realPoints } = realInputs()
    const features = placeCommunities(units, zones, targets, 'communities-v1', realPoints).features
    const total = (key: 'under3' | 'under3Births' | 'population') => features.reduce((sum, feature) => sum + (feature.properties[key] ?? 0), 0)
    expect(total('under3')).toBe(27167)
    expect(total('under3Births')).toBe(18400)
    expect(total('population')).toBe(1_432_044)
    expect(features.filter((feature) => !feature.properties.approximate)).toHaveLength(51)
    const yangshe = features.filter((feature) => feature.properties.area === 'yangshe').reduce((sum, f) => sum + f.properties.under3, 0)
    expect(yangshe).toBe(Math.round(2730 / 0.24))
  })

  test('a real point outside its zone (in the river, say) falls back to an approximate point', () => {
    const { units, zones, targets } = tinyInputs()
    const astray: RealPointMatch = { code: 'A1', position: [120.55, 31.85], by: 'code', source: 'test' }
    const inside: RealPointMatch = { code: 'B1', position: [120.61, 31.81], by: 'name', source: 'test B1' }
    const result = placeCommunities(units, zones, targets, 'test', [astray, inside])
    const byId = (id: string) => result.features.find((feature) => feature.properties.id === id)
    expect(byId('A1')?.properties).toMatchObject({ approximate: true })
    expect(byId('A1')?.properties.source).toBeUndefined()
    expect(byId('A1')?.geometry.coordinates).toEqual(placeCommunities(units, zones, targets, 'test').features[0].geometry.coordinates)
    expect(byId('B1')).toMatchObject({ properties: { approximate: false, source: 'test B1' }, geometry: { coordinates: [120.61, 31.81] } })
  })

  test('社区/居委会 sit nearer the seat than 村', () => {
    const { units, zones, targets } = realInputs()
    const features = placeCommunities(units, zones, targets, 'communities-v1').features
    const seatOf = new Map(zones.features.map((zone) => [zone.properties.id, zone.properties.seat as [number, number]]))
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const distances = (pattern: RegExp) => features.filter((feature) => pattern.test(feature.properties.name))
      .map((feature) => distance(feature.geometry.coordinates, seatOf.get(feature.properties.area) as [number, number]))
    expect(median(distances(/社区居委会$/))).toBeLessThan(median(distances(/村委会$/)) * 0.7)
  })

  test('is deterministic for a seed, differs between seeds, and does not mutate its inputs', () => {
    const { units, zones, targets } = tinyInputs()
    const before = JSON.stringify([units, zones, targets])
    const first = placeCommunities(units, zones, targets, 7)
    expect(placeCommunities(units, zones, targets, 7)).toEqual(first)
    const other = placeCommunities(units, zones, targets, 8)
    expect(other.features.map((feature) => feature.geometry.coordinates)).not.toEqual(first.features.map((feature) => feature.geometry.coordinates))
    expect(JSON.stringify([units, zones, targets])).toBe(before)
  })

  test('names the missing input instead of inventing a population', () => {
    const { units, zones, targets } = tinyInputs()
    expect(() => placeCommunities(units, zones, { ...targets, inputs: targets.inputs.slice(1) }, 1)).toThrow(/population/)
    expect(() => placeCommunities(units, zones, { ...targets, kpis: targets.kpis.slice(1) }, 1)).toThrow(/a2-total-places/)
  })
})
