import { describe, expect, it } from 'vitest'
import type { Feature, MultiPolygon } from 'geojson'
import { coverageGridPolygons, createCoverageGrid, createCoverageState, type CoverageSite } from '../../src/lib/coverage'
import { exportCoverageGeojson } from '../../src/lib/export/export-coverage-geojson'
import { deepFreeze, handCommunities, handSites, handZones } from '../fixtures/coverage/hand-case'

function covered(): { coverage: Feature<MultiPolygon>; state: ReturnType<typeof createCoverageState> } {
  const grid = createCoverageGrid({ zones: handZones(), cellSizeMeters: 50 })
  const state = createCoverageState({ sites: handSites(), communities: handCommunities(), grid })
  return { state, coverage: coverageGridPolygons(grid, state.cellCounts(), { blockCells: 2 }) }
}

const hypothetical: CoverageSite = { id: 'hypothetical-1', lng: 120.55, lat: 31.87, capacity: 40, puhui: true, type: 'community', hypothetical: true }

describe('exportCoverageGeojson', () => {
  it('gives the covered area, every uncovered community and each hypothetical site, told apart by kind', () => {
    const { state, coverage } = covered()
    const uncovered = state.uncoveredCommunities()
    const positions = new Map(handCommunities().map((community) => [community.id, [community.lng, community.lat] as const]))
    const collection = exportCoverageGeojson({ coverage, radiusMeters: 1000, basis: 'all', uncovered, positions, hypotheticalSites: [hypothetical] })
    const kinds = collection.features.map((feature) => feature.properties.kind)
    expect(kinds).toEqual(['coveredArea', ...uncovered.map(() => 'uncoveredCommunity'), 'hypotheticalSite'])
    expect(collection.features[0].geometry).toEqual(coverage.geometry)
    expect(collection.features[0].properties).toEqual({ kind: 'coveredArea', radiusMeters: 1000, basis: 'all', hypotheticalSites: 1 })
    const communityFeatures = collection.features.filter((feature) => feature.properties.kind === 'uncoveredCommunity')
    expect(communityFeatures.map((feature) => feature.properties.id)).toEqual(uncovered.map((community) => community.id))
    for (const feature of communityFeatures) {
      expect(feature.geometry.coordinates).toEqual([...(positions.get(feature.properties.id as string) ?? [])])
    }
    const site = collection.features.at(-1)
    expect(site?.properties).toMatchObject({ hypothetical: true, id: 'hypothetical-1', capacity: 40 })
    expect(site?.geometry).toEqual({ type: 'Point', coordinates: [120.55, 31.87] })
    // RFC 7946 rings: closed, at least four positions.
    const rings = collection.features[0].geometry.coordinates as number[][][][]
    expect(rings.length).toBeGreaterThan(0)
    for (const ring of rings.flat()) {
      expect(ring.length).toBeGreaterThanOrEqual(4)
      expect(ring.at(-1)).toEqual(ring[0])
    }
    // It survives a JSON round trip unchanged (what the download writes).
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection)
  })

  it('skips communities without a known position and does not change its inputs', () => {
    const { state, coverage } = covered()
    const uncovered = deepFreeze(state.uncoveredCommunities())
    expect(uncovered.length).toBeGreaterThan(0)
    const frozenCoverage = deepFreeze(structuredClone(coverage))
    const sites = deepFreeze([{ ...hypothetical }])
    const collection = exportCoverageGeojson({ coverage: frozenCoverage, radiusMeters: 500, basis: 'puhui', uncovered, positions: new Map(), hypotheticalSites: sites })
    expect(collection.features.map((feature) => feature.properties.kind)).toEqual(['coveredArea', 'hypotheticalSite'])
    expect(frozenCoverage).toEqual(coverage)
    // The output shares no arrays with the input.
    expect(collection.features[0].geometry.coordinates).not.toBe(frozenCoverage.geometry.coordinates)
  })
})
