import { readFileSync } from 'node:fs'
import { area } from '@turf/area'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { myDataWorker } from './support/my-data-worker'
import { zonesWithImport } from '../../src/data/my-data-inputs'
import { asMyDataRecord } from '../../src/data/my-data-store'
import type { ZonesImport } from '../../src/data/my-data-types'
import { buildZones, type ZoneCollection } from '../../src/lib/build-zones'
import { parsePlanningAreas } from '../../src/lib/planning-areas'
import { parseCsv } from '../../src/lib/registry/parse-csv'

// The shipped zones as the build script makes them when no towns.geojson exists: Voronoi cells of the seats on the outline.
const source = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), 'utf8'))
const outlineFile = source('boundary.geojson') as FeatureCollection<Polygon | MultiPolygon> | Feature<Polygon | MultiPolygon>
const outline = outlineFile.type === 'FeatureCollection' ? outlineFile.features[0] : outlineFile
const shipped: ZoneCollection = buildZones(outline, parsePlanningAreas(source('planning-areas.json')))
const refs = shipped.features.map((feature) => feature.properties)
const zone = (id: string) => {
  const found = shipped.features.find((feature) => feature.properties.id === id)
  if (!found) throw new Error(`no zone ${id}`)
  return found
}
/** A small closed square inside the city, south-west corner at (lng, lat). */
const square = (lng = 120.5, lat = 31.85): Polygon => ({
  type: 'Polygon', coordinates: [[[lng, lat], [lng + 0.01, lat], [lng + 0.01, lat + 0.01], [lng, lat + 0.01], [lng, lat]]],
})
const feature = (properties: Record<string, unknown>, geometry: unknown = square()) => ({ type: 'Feature', properties, geometry })
const encode = (json: unknown, bom = false) => new TextEncoder().encode((bom ? '\uFEFF' : '') + JSON.stringify(json))

async function importFile(json: unknown, bom = false): Promise<ZonesImport> {
  const answer = await myDataWorker().importZones(encode(json, bom), 'towns.geojson', refs)
  if (!answer.ok) throw new Error(answer.message)
  return answer.result
}

describe('my data: town outline import in the worker', () => {
  it('keeps every shipped zone of a shipped zones.geojson (with BOM), as measured outlines with the shipped properties', async () => {
    const unflagged = { ...shipped, features: shipped.features.map(({ properties: { approximate: _, ...rest }, ...item }) => ({ ...item, properties: rest })) }
    const result = await importFile(unflagged, true)
    expect([result.read, result.kept, result.rejected.length, result.towns]).toEqual([9, 9, 0, 9])
    expect(result.encoding).toBe('utf-8-bom')
    expect(result.zones.features.map((item) => item.properties)).toEqual(refs.map((properties) => ({ ...properties, approximate: false })))
    expect(result.zones.features.map((item) => item.geometry)).toEqual(shipped.features.map((item) => item.geometry))
    expect(parseCsv(result.rejectedCsv.replace(/^\uFEFF/, ''))[0].cells.slice(0, 3)).toEqual(['行号', '原因代码', '原因'])
  })

  it('matches by code, by name (spaces, full-width brackets) and by unit, and merges the 街道 of one town', async () => {
    const result = await importFile({
      type: 'FeatureCollection',
      features: [
        feature({ 代码: 'jinfeng' }), feature({ 名称: ' 杨舍镇 ' }), feature({ NAME: '常阴沙现代农业示范园区（x）' }),
        feature({ name: '金港街道' }, square(120.45, 31.95)), feature({ 镇: '后塍街道' }, { type: 'MultiPolygon', coordinates: [square(120.4, 31.96).coordinates, square(120.42, 31.97).coordinates] }),
        feature({ name: '塘桥镇' }, zone('tangqiao').geometry),
      ],
    })
    expect([result.read, result.kept, result.towns]).toEqual([6, 5, 4])
    expect(result.rejected).toEqual([{ line: 3, codes: ['unknown-town'], reasons: '未匹配到镇（区）：名称“常阴沙现代农业示范园区（x）”' }])
    expect(result.zones.features.map((item) => item.properties.id)).toEqual(['baoshui', 'yangshe', 'jinfeng', 'tangqiao'])
    // 保税区's three features (apart from each other) stay three polygons; their area is kept.
    const baoshui = result.zones.features[0].geometry as MultiPolygon
    expect(baoshui.type).toBe('MultiPolygon')
    expect(baoshui.coordinates).toHaveLength(3)
    expect(area(baoshui)).toBeCloseTo(area(square(120.45, 31.95)) + area(square(120.4, 31.96)) + area(square(120.42, 31.97)), -2)
    expect(result.zones.features.every((item) => item.properties.approximate === false)).toBe(true)
    const bracketed = await importFile(feature({ name: '保税区（含三个街道）' }))
    expect(bracketed.zones.features.map((item) => item.properties.id)).toEqual(['baoshui'])
  })

  it('dissolves the 街道 of one town that touch: one outline, without the border between them', async () => {
    const west: Polygon = { type: 'Polygon', coordinates: [[[120.5, 31.85], [120.51, 31.85], [120.51, 31.86], [120.5, 31.86], [120.5, 31.85]]] }
    const east: Polygon = { type: 'Polygon', coordinates: [[[120.51, 31.85], [120.52, 31.85], [120.52, 31.86], [120.51, 31.86], [120.51, 31.85]]] }
    const result = await importFile({ type: 'FeatureCollection', features: [feature({ name: '金港街道' }, west), feature({ name: '后塍街道' }, east)] })
    expect([result.kept, result.towns]).toEqual([2, 1])
    const baoshui = result.zones.features[0].geometry
    expect(baoshui.type).toBe('Polygon')
    expect((baoshui as Polygon).coordinates).toHaveLength(1)
    // The outline's corners are the whole rectangle's: no vertex is left at the shared border's ends inside.
    const corners = (baoshui as Polygon).coordinates[0].map(([lng, lat]) => `${lng},${lat}`)
    expect(new Set(corners)).toEqual(new Set(['120.5,31.85', '120.52,31.85', '120.52,31.86', '120.5,31.86']))
    expect(area(baoshui)).toBeCloseTo(area(west) + area(east), -2)
  })

  it.each([
    ['an unknown town', feature({ name: '浦东新区' }), /未匹配到镇（区）：名称“浦东新区”/],
    ['a feature without name or code', feature({ 人口: 3 }), /没有镇（区）代码或名称/],
    ['the same town again', feature({ id: 'yangshe' }), /与第 1 个要素为同一镇（区）：杨舍镇/],
    ['a Point', feature({ name: '塘桥镇' }, { type: 'Point', coordinates: [120.6, 31.8] }), /几何类型为 Point，应为 Polygon 或 MultiPolygon/],
    ['no geometry', feature({ name: '塘桥镇' }, null), /缺少几何/],
    ['coordinates outside the box', feature({ name: '塘桥镇' }, square(121.47, 31.23)), /坐标 \(121\.47, 31\.23\) 超出张家港范围/],
    ['GCJ-02 swapped to lat/lng', feature({ name: '塘桥镇' }, square(31.8, 120.6)), /超出张家港范围/],
    ['an unclosed ring', feature({ name: '塘桥镇' }, { type: 'Polygon', coordinates: [square().coordinates[0].slice(0, 4)] }), /第 1 个环未闭合/],
    ['a ring of three positions', feature({ name: '塘桥镇' }, { type: 'Polygon', coordinates: [[[120.5, 31.8], [120.6, 31.8], [120.5, 31.8]]] }), /少于 4 个坐标/],
    ['a NaN coordinate', feature({ name: '塘桥镇' }, { type: 'Polygon', coordinates: [[[120.5, 31.8], [Number.NaN, 31.8], [120.6, 31.9], [120.5, 31.8]]] }), /非有限数字的坐标：\[null,31\.8\]/],
    ['not a Feature', { type: 'Polygon', coordinates: square().coordinates }, /第 2 项不是 GeoJSON 要素/],
  ])('rejects %s with its index and reason, and keeps the rest', async (_, bad, reason) => {
    const result = await importFile({ type: 'FeatureCollection', features: [feature({ name: '杨舍镇' }), bad] })
    expect([result.read, result.kept, result.towns]).toEqual([2, 1, 1])
    expect(result.rejected.map((row) => row.line)).toEqual([2])
    expect(result.rejected[0].reasons).toMatch(reason)
    const csv = parseCsv(result.rejectedCsv.replace(/^\uFEFF/, '')).filter((record) => record.cells.length > 1)
    expect(csv.map((record) => record.cells[0])).toEqual(['行号', '2'])
  })

  it.each([
    ['金港街道 twice', '金港街道', '金港街道'],
    ['the whole town after one of its 街道', '金港街道', '保税区(含三个街道)'],
    ['a 街道 after the whole town (named without its bracket)', '保税区', '后塍街道'],
  ])('rejects %s as the same town', async (_, first, second) => {
    const result = await importFile({ type: 'FeatureCollection', features: [feature({ name: first }), feature({ name: second }, square(120.44, 31.96))] })
    expect(result.rejected).toEqual([{ line: 2, codes: ['duplicate-id'], reasons: '与第 1 个要素为同一镇（区）：保税区(含三个街道)' }])
  })

  it.each([
    ['not JSON', new TextEncoder().encode('{"type": "FeatureCollection",'), /不是有效的 JSON/, 'not-json'],
    ['JSON that is not GeoJSON', encode({ type: 'Topology', objects: {} }), /不是 GeoJSON/, 'not-geojson'],
    ['an empty collection', encode({ type: 'FeatureCollection', features: [] }), /没有要素/, 'no-features'],
    ['GBK text', new Uint8Array([0x7b, 0xd5, 0xc5, 0x7d]), /不是 UTF-8/, 'not-utf8'],
    ['a file over 20 MB', new Uint8Array(20 * 1024 * 1024 + 1), /文件过大（20\.0 MB）/, 'file-too-large'],
  ])('answers %s with the reason it cannot be used, and a code the app translates', async (_, bytes, reason, code) => {
    const answer = await myDataWorker().importZones(bytes, 'towns.geojson', refs)
    expect(answer.ok).toBe(false)
    expect(answer.ok ? '' : answer.message).toMatch(reason)
    expect(answer.ok ? undefined : answer.code).toBe(code)
  })
})

describe('my data: town outlines in use', () => {
  it('replaces only the towns the file covers, in the shipped order, without modifying the shipped zones', async () => {
    const before = JSON.stringify(shipped)
    const imported = await importFile(feature({ name: '凤凰镇' }))
    const inUse = zonesWithImport(shipped, imported)
    expect(inUse.features.map((item) => item.properties.id)).toEqual(shipped.features.map((item) => item.properties.id))
    expect(inUse.features.filter((item) => !item.properties.approximate).map((item) => [item.properties.id, item.geometry])).toEqual([['fenghuang', square()]])
    expect(inUse.features.find((item) => item.properties.id === 'fenghuang')?.properties).toEqual({ ...zone('fenghuang').properties, approximate: false })
    expect(zonesWithImport(shipped, null)).toBe(shipped)
    expect(JSON.stringify(shipped)).toBe(before)
  })

  it('reads a record kept before town outlines existed as zones: null, and refuses what is not a record', () => {
    const old = { registry: null, population: null, active: true, importedAt: '2026-01-01T00:00:00.000Z' }
    expect(asMyDataRecord(old)).toEqual({ ...old, zones: null })
    expect(asMyDataRecord({ active: true })).toBeNull()
    expect(asMyDataRecord(null)).toBeNull()
  })
})
