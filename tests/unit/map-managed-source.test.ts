import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { FeatureCollection, Point } from 'geojson'
import { matchesFilters, NO_FILTERS, type InstitutionFilters } from '../../src/lib/filter-institutions'
import type { InstitutionProperties } from '../../src/lib/types'
import { InstitutionSources } from '../../src/map/institution-sources'
import { ManagedSource } from '../../src/map/managed-source'
import { PLACE_SOURCE, placeData, placeLayers } from '../../src/map/layers/place'
import { COMMUNITIES_SOURCE, communityLayers } from '../../src/map/layers/communities'
import { FakeStyleMap } from './map-fake-style'

const institutions = JSON.parse(readFileSync('tests/fixtures/institutions/small.geojson', 'utf8')) as FeatureCollection<Point, InstitutionProperties>
const point = (lng: number): FeatureCollection => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lng, 31.9] } }] })
const place = (data: FeatureCollection | null = point(120.5)) => new ManagedSource({ id: PLACE_SOURCE, layers: placeLayers }, data)
const layerIds = (map: FakeStyleMap) => map.layers.map((layer) => layer.id)

function filterState(filters: Partial<InstitutionFilters>) {
  const all = { ...NO_FILTERS, ...filters }
  const matchingIds = institutions.features.filter((feature) => matchesFilters(feature.properties, all, null)).map((feature) => feature.properties.id)
  return { filters: all, searchIds: null, matchingIds }
}

describe('ManagedSource', () => {
  test('waits for a map: add() before attach changes nothing, attach adds the source and its layers', () => {
    const map = new FakeStyleMap()
    const source = place()
    source.add()
    expect(map.sources.size).toBe(0)
    source.attach(map)
    expect(map.getSource(PLACE_SOURCE)?.data).toEqual(point(120.5))
    expect(layerIds(map)).toEqual(['place-area', 'place-outline', 'place-marker'])
  })

  test('waits for data: a wanted source without data joins the map when its data arrives', () => {
    const map = new FakeStyleMap()
    const source = new ManagedSource({ id: COMMUNITIES_SOURCE, layers: communityLayers })
    source.attach(map)
    source.add()
    expect(map.sources.size).toBe(0)
    source.setData(point(120.6))
    expect(layerIds(map)).toEqual(['communities-dot', 'communities-label'])
    expect(map.sent).toEqual([])
  })

  test('skips setData when the data, or the key given with it, did not change', () => {
    const map = new FakeStyleMap()
    const source = place()
    source.attach(map)
    source.add()
    const next = point(120.7)
    source.setData(next)
    source.setData(next)
    expect(map.sent).toEqual([PLACE_SOURCE])
    source.setData(point(120.8), { key: 'a' })
    source.setData(point(120.8), { key: 'a' })
    source.setData(point(120.9), { key: 'b' })
    expect(map.sent).toHaveLength(3)
    expect(map.getSource(PLACE_SOURCE)?.data).toEqual(point(120.9))
  })

  test('deferred data waits for flush(), and a flush with nothing new sends nothing', () => {
    const map = new FakeStyleMap()
    const source = place()
    source.attach(map)
    source.add()
    source.setData(point(121), { defer: true })
    expect(map.sent).toEqual([])
    source.flush()
    source.flush()
    expect(map.sent).toEqual([PLACE_SOURCE])
    expect(map.getSource(PLACE_SOURCE)?.data).toEqual(point(121))
  })

  test('remove() takes the layers and the source off; add() brings them back with the latest data', () => {
    const map = new FakeStyleMap()
    const source = place()
    source.attach(map)
    source.add()
    source.remove()
    expect(map.sources.size).toBe(0)
    expect(map.layers).toEqual([])
    source.setData(point(121.1))
    expect(map.sources.size).toBe(0)
    source.add()
    expect(map.getSource(PLACE_SOURCE)?.data).toEqual(point(121.1))
    expect(layerIds(map)).toEqual(['place-area', 'place-outline', 'place-marker'])
  })

  test('after a style reload, attaching again re-adds every wanted source in order, and only those', () => {
    const map = new FakeStyleMap()
    const wanted = place()
    const removed = new ManagedSource({ id: COMMUNITIES_SOURCE, layers: communityLayers }, point(120.4))
    for (const source of [wanted, removed]) {
      source.attach(map)
      source.add()
    }
    removed.remove()
    wanted.setData(point(121.2))
    map.reloadStyle()
    for (const source of [wanted, removed]) source.attach(map)
    expect([...map.sources.keys()]).toEqual([PLACE_SOURCE])
    expect(map.getSource(PLACE_SOURCE)?.data).toEqual(point(121.2))
    expect(layerIds(map)).toEqual(['place-area', 'place-outline', 'place-marker'])
  })

  test('update() runs only while the source is on the map', () => {
    const map = new FakeStyleMap()
    const source = place()
    const seen: unknown[] = []
    source.attach(map)
    source.update((target) => seen.push(target))
    source.add()
    source.update((target) => seen.push(target))
    expect(seen).toEqual([map])
  })

  test('a source put into the initial style sends nothing once attached to the loaded map', () => {
    const map = new FakeStyleMap()
    const data = placeData({ lng: 120.5, lat: 31.9 }, 1000)
    const source = place(data)
    const style = { version: 8 as const, sources: {}, layers: [] }
    source.addToStyle(style)
    map.addSource(PLACE_SOURCE, { type: 'geojson', data })
    source.attach(map)
    expect(map.sent).toEqual([])
    expect(map.added).toEqual([])
  })
})

describe('InstitutionSources on a map', () => {
  function loaded() {
    const map = new FakeStyleMap()
    const sources = new InstitutionSources(institutions, filterState({}), null, '惠')
    for (const source of [sources.clusters, sources.points]) {
      source.add()
      source.attach(map)
    }
    const clusterCount = () => (map.getSource('institution-clusters')?.data as FeatureCollection).features.length
    return { map, sources, clusterCount }
  }

  test('a filter sets the layers\' expression and sends the matching subset to the clusters; the same filter again sends nothing', () => {
    const { map, sources, clusterCount } = loaded()
    expect(clusterCount()).toBe(institutions.features.length)
    const puhui = filterState({ puhui: true })
    expect(sources.setFilter(puhui, true)).toBe(true)
    expect(clusterCount()).toBe(puhui.matchingIds.length)
    expect(clusterCount()).toBeLessThan(institutions.features.length)
    expect(map.getLayer('institutions-point')).toMatchObject({ filter: ['==', ['get', 'puhui'], true] })
    const sent = map.sent.length
    expect(sources.setFilter(filterState({ puhui: true }), true)).toBe(false)
    expect(map.sent).toHaveLength(sent)
  })

  test('zoomed in, the cluster subset waits until clusters are on screen again', () => {
    const { map, sources, clusterCount } = loaded()
    const community = filterState({ types: ['community'] })
    sources.setFilter(community, false)
    expect(map.sent).toEqual([])
    expect(clusterCount()).toBe(institutions.features.length)
    sources.clusters.flush()
    expect(clusterCount()).toBe(community.matchingIds.length)
  })

  test('a selection brings the unclustered source at any zoom and shows the ring; none hides it', () => {
    const map = new FakeStyleMap()
    const sources = new InstitutionSources(institutions, filterState({}), null, '惠')
    sources.points.attach(map)
    const id = institutions.features[0].properties.id
    sources.setSelected(id)
    expect(map.getLayer('institutions-selected')).toMatchObject({ filter: ['==', ['get', 'id'], id], layout: { visibility: 'visible' } })
    sources.setSelected(null)
    expect(map.getLayer('institutions-selected')).toMatchObject({ filter: ['==', ['get', 'id'], ''], layout: { visibility: 'none' } })
  })
})
