import { describe, expect, test } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { beforeIdOf, CONTENT_LAYERS, type ContentLayerId } from '../../src/map/content-layers'
import { ManagedSource } from '../../src/map/managed-source'
import { createMapStyle } from '../../src/map/map-style'
import { PlannerLayers } from '../../src/map/planner-layers'
import { BASEMAP_SOURCE, basemapLayers } from '../../src/map/layers/basemap'
import { CLUSTER_OPTIONS, CLUSTERS_SOURCE, clusterLayers } from '../../src/map/layers/clusters'
import { COMMUNITIES_SOURCE, communityLayers } from '../../src/map/layers/communities'
import { INSTITUTIONS_SOURCE, institutionLayers } from '../../src/map/layers/institutions'
import { PLACE_SOURCE, placeLayers } from '../../src/map/layers/place'
import { WATER_SOURCE, waterLayers } from '../../src/map/layers/water'
import { FakeStyleMap } from './map-fake-style'

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** Every content source the app has, built from the real layer modules. */
function allSources(): Record<string, ManagedSource[]> {
  return {
    water: [new ManagedSource({ id: WATER_SOURCE, layers: () => waterLayers({ language: 'zh', tianditu: false }) }, EMPTY)],
    basemap: [new ManagedSource({ id: BASEMAP_SOURCE, layers: () => basemapLayers({ language: 'zh', approximateText: '示意', tianditu: false }) }, EMPTY)],
    communities: [new ManagedSource({ id: COMMUNITIES_SOURCE, layers: communityLayers }, EMPTY)],
    place: [new ManagedSource({ id: PLACE_SOURCE, layers: placeLayers }, EMPTY)],
    clusters: [new ManagedSource({ id: CLUSTERS_SOURCE, options: CLUSTER_OPTIONS, layers: () => clusterLayers('惠') }, EMPTY)],
    points: [new ManagedSource({
      id: INSTITUTIONS_SOURCE, layers: () => institutionLayers({ expression: ['literal', true], selectedId: null, puhuiMark: '惠' }),
    }, EMPTY)],
    planner: new PlannerLayers(true).sources,
  }
}

describe('CONTENT_LAYERS', () => {
  test('names each layer once, and names exactly the layers the layer modules build', () => {
    expect(new Set(CONTENT_LAYERS).size).toBe(CONTENT_LAYERS.length)
    const built = Object.values(allSources()).flat().flatMap((source) => source.layerIds())
    expect([...built].sort()).toEqual([...CONTENT_LAYERS].sort())
  })

  test.each<[ContentLayerId, ContentLayerId[], ContentLayerId | undefined]>([
    ['place-area', ['boundary-fill', 'zones-label', 'clusters', 'place-marker'], 'clusters'],
    ['institutions-point', ['clusters', 'place-marker', 'planner-sites-point'], 'place-marker'],
    ['communities-dot', ['zones-label', 'boundary-line'], 'zones-label'],
    ['planner-sites-label', ['boundary-fill', 'planner-sites-point'], undefined],
    ['boundary-fill', [], undefined],
  ])('%s goes before the next present content layer (present: %j)', (id, present, expected) => {
    expect(beforeIdOf(id, (candidate) => present.includes(candidate))).toBe(expected)
  })
})

describe('adding sources to a loaded map', () => {
  test.each([
    [['water', 'basemap', 'clusters', 'points', 'place', 'communities', 'planner']],
    [['planner', 'communities', 'place', 'points', 'clusters', 'basemap', 'water']],
    [['place', 'points', 'basemap', 'planner', 'water', 'clusters', 'communities']],
  ])('in the order %j, each layer goes before the next content layer present then, ending in CONTENT_LAYERS order', (order) => {
    const map = new FakeStyleMap()
    const sources = allSources()
    for (const name of order) {
      for (const source of sources[name]) {
        source.attach(map)
        source.add()
      }
    }
    const present = new Set<string>()
    for (const { id, beforeId } of map.added) {
      expect(beforeId, id).toBe(beforeIdOf(id as ContentLayerId, (candidate) => present.has(candidate)))
      present.add(id)
    }
    expect(map.layers.map((layer) => layer.id)).toEqual([...CONTENT_LAYERS])
  })
})

describe('createMapStyle', () => {
  test('the basemap lies under the content, and the content sources given (in any order) follow CONTENT_LAYERS', () => {
    const sources = allSources()
    const initial = [...sources.points, ...sources.place, ...sources.basemap, ...sources.clusters]
    const style = createMapStyle({ baseUrl: 'https://example.test/', tiandituToken: 'token' }, initial)
    const content = new Set(initial.flatMap((source) => source.layerIds()))
    expect(style.layers.map((layer) => layer.id)).toEqual(['background', 'tianditu-vec', 'tianditu-cva', ...CONTENT_LAYERS.filter((id) => content.has(id))])
    expect(Object.keys(style.sources).sort()).toEqual(['tianditu-cva', 'tianditu-vec', ...initial.map((source) => source.id)].sort())
    expect(style.sources[CLUSTERS_SOURCE]).toMatchObject({ type: 'geojson', data: EMPTY, ...CLUSTER_OPTIONS })
    expect(style.transition).toEqual({ duration: 0, delay: 0 })
  })
})
