import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { area } from '@turf/area'
import { booleanClockwise } from '@turf/boolean-clockwise'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { featureCollection } from '@turf/helpers'
import { intersect } from '@turf/intersect'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import { buildZones, zonesFromTowns, type ZoneCollection } from '../../src/lib/build-zones'
import { parsePlanningAreas, type PlanningArea } from '../../src/lib/planning-areas'
import type { UnitsFile } from '../../src/lib/place-communities'
import { joinRealPoints, type AdcodePointsFile } from '../../src/lib/real-points/join-real-points'
import { realZoneSites } from '../../src/lib/real-points/real-zone-sites'

const fixtures = fileURLToPath(new URL('../fixtures/zones/', import.meta.url))
const source = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), 'utf8')) as T

interface Fixture extends FeatureCollection { properties: { mode: 'voronoi' | 'towns' } }

function load(name: string): Fixture {
  return JSON.parse(readFileSync(`${fixtures}in/${name}`, 'utf8')) as Fixture
}

function seatsOf(fixture: Fixture): PlanningArea[] {
  return fixture.features.filter((feature) => feature.properties?.role === 'seat').map((feature) => {
    const { id, name, nameEn, units, aliases } = feature.properties as PlanningArea
    return { id, name, nameEn, units, aliases, center: (feature.geometry as Point).coordinates as [number, number] }
  })
}

function boundaryOf(fixture: Fixture): Feature<Polygon | MultiPolygon> {
  return fixture.features.find((feature) => feature.properties?.role === 'boundary') as Feature<Polygon | MultiPolygon>
}

function run(fixture: Fixture): ZoneCollection {
  const areas = seatsOf(fixture)
  if (fixture.properties.mode === 'towns') {
    const towns = featureCollection(fixture.features.filter((feature) => feature.properties?.role === 'town'))
    return zonesFromTowns(towns, areas)
  }
  return buildZones(boundaryOf(fixture), areas)
}

function rings(zone: Feature<Polygon | MultiPolygon>): Position[][][] {
  return zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates
}

describe('zones fixtures (REGEN=1 rewrites out/)', () => {
  for (const name of readdirSync(`${fixtures}in`).filter((file) => file.endsWith('.geojson'))) {
    test(name, () => {
      const result = run(load(name))
      const outPath = `${fixtures}out/${name}`
      if (process.env.REGEN) writeFileSync(outPath, JSON.stringify(result, null, 1) + '\n')
      expect(result).toEqual(JSON.parse(readFileSync(outPath, 'utf8')))
    })
  }
})

describe('buildZones', () => {
  test('the zones of the real boundary tile it: same total area, no overlaps, each seat in its own zone', () => {
    const fixture = load('zhangjiagang.geojson')
    const boundary = boundaryOf(fixture)
    const areas = seatsOf(fixture)
    const zones = buildZones(boundary, areas)
    expect(zones.features.map((zone) => zone.properties.id)).toEqual(areas.map((item) => item.id))
    const total = zones.features.reduce((sum, zone) => sum + area(zone), 0)
    expect(Math.abs(total - area(boundary)) / area(boundary)).toBeLessThan(1e-4)
    for (const [index, zone] of zones.features.entries()) {
      expect(booleanPointInPolygon(areas[index].center, zone)).toBe(true)
      for (const other of zones.features.slice(index + 1)) {
        const overlap = intersect(featureCollection([zone, other]))
        expect(overlap ? area(overlap) : 0).toBeLessThan(1000)
      }
    }
  })

  test('with the real seats and points as further sites: zones tile the land and every site lies in its own zone', () => {
    const land = source<FeatureCollection<Polygon | MultiPolygon>>('land.geojson').features[0]
    const areas = parsePlanningAreas(source('planning-areas.json'))
    const units = source<UnitsFile>('units.json')
    const points = source<AdcodePointsFile>('adcode-points.json')
    const sites = realZoneSites(areas, units, points, joinRealPoints(units, points))
    const zones = buildZones(land, areas, sites)
    expect(zones.features.map((zone) => zone.properties.id)).toEqual(areas.map((item) => item.id))
    const total = zones.features.reduce((sum, zone) => sum + area(zone), 0)
    expect(Math.abs(total - area(land)) / area(land)).toBeLessThan(1e-4)
    const zoneOf = (id: string) => zones.features.find((zone) => zone.properties.id === id) as Feature<Polygon | MultiPolygon>
    for (const site of [...areas.map((item) => ({ area: item.id, position: item.center })), ...sites]) {
      expect(booleanPointInPolygon([...site.position], zoneOf(site.area)), `${site.area} ${site.position.join(',')}`).toBe(true)
    }
  })

  test('marks zones approximate, copies the units, leaves counts at 0 and records the seat', () => {
    const fixture = load('square-three-seats.geojson')
    const areas = seatsOf(fixture)
    const zones = buildZones(boundaryOf(fixture), areas)
    for (const [index, zone] of zones.features.entries()) {
      expect(zone.properties).toMatchObject({ approximate: true, under3: 0, population: 0, units: areas[index].units, seat: areas[index].center })
      expect(zone.properties.units).not.toBe(areas[index].units)
    }
  })

  test('rounds to 6 decimals, closes rings and winds outer rings counter-clockwise (RFC 7946)', () => {
    const fixture = load('u-shape-with-hole.geojson')
    const zones = buildZones(boundaryOf(fixture), seatsOf(fixture))
    for (const zone of zones.features) {
      for (const polygon of rings(zone)) {
        polygon.forEach((ring, index) => {
          expect(ring[0]).toEqual(ring[ring.length - 1])
          expect(booleanClockwise(ring)).toBe(index > 0)
          for (const [lon, lat] of ring) expect([lon, lat]).toEqual([Number(lon.toFixed(6)), Number(lat.toFixed(6))])
        })
      }
    }
    const cut = zones.features.find((zone) => zone.properties.id === 'daxin')
    expect(cut?.geometry.type).toBe('MultiPolygon')
    const holed = zones.features.find((zone) => zone.properties.id === 'tangqiao')
    expect(holed && rings(holed).some((polygon) => polygon.length === 2)).toBe(true)
  })

  test('is deterministic and does not mutate its inputs', () => {
    const fixture = load('zhangjiagang.geojson')
    const boundary = boundaryOf(fixture)
    const areas = seatsOf(fixture)
    const before = JSON.stringify([boundary, areas])
    const first = JSON.stringify(buildZones(boundary, areas))
    expect(JSON.stringify(buildZones(boundary, areas))).toBe(first)
    expect(JSON.stringify([boundary, areas])).toBe(before)
  })
})

describe('zonesFromTowns', () => {
  test('dissolves the towns of one area, accepts short forms, marks zones exact', () => {
    const fixture = load('towns-dissolve.geojson')
    const towns = featureCollection(fixture.features.filter((feature) => feature.properties?.role === 'town'))
    const before = JSON.stringify(towns)
    const zones = zonesFromTowns(towns, seatsOf(fixture))
    expect(JSON.stringify(towns)).toBe(before)
    expect(zones.features.map((zone) => [zone.properties.id, zone.properties.approximate])).toEqual([['baoshui', false], ['yangshe', false]])
    const baoshui = zones.features[0]
    // Two adjacent squares merge into one polygon; the detached 德积 square stays a second part.
    expect(baoshui.geometry.type).toBe('MultiPolygon')
    expect(rings(baoshui).length).toBe(2)
    expect(area(baoshui)).toBeCloseTo(towns.features.slice(0, 3).reduce((sum, town) => sum + area(town), 0), -3)
  })

  test('refuses a town it cannot place and an area without a polygon', () => {
    const fixture = load('towns-dissolve.geojson')
    const areas = seatsOf(fixture)
    const towns = featureCollection(fixture.features.filter((feature) => feature.properties?.role === 'town'))
    const stranger = featureCollection([...towns.features, { ...towns.features[0], properties: { name: '苏州工业园区' } }])
    expect(() => zonesFromTowns(stranger, areas)).toThrow(/苏州工业园区/)
    const withoutYangshe = featureCollection(towns.features.filter((town) => town.properties?.name !== '杨舍'))
    expect(() => zonesFromTowns(withoutYangshe, areas)).toThrow(/杨舍镇/)
  })
})
