import type { Feature, FeatureCollection, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import {
  COVERAGE_LIMITS, coverageLimitError, createCoverageGrid, createCoverageState, haversineMeters,
  type CoverageCommunity, type CoverageSite,
} from '../../src/lib/coverage'
import { seededRandom } from '../../src/lib/seeded-random'

// A made-up city of three zones that are not this city's areas: the engine must take ids and outlines from the input.
const RADIUS = 800
type Box = [west: number, south: number, east: number, north: number]
const BOXES: Record<string, Box> = {
  harbour: [118.0, 25.0, 118.04, 25.03],
  market: [118.04, 25.0, 118.07, 25.03],
  hills: [118.0, 25.03, 118.07, 25.05],
}

function zones(): FeatureCollection<Polygon, { id: string }> {
  return {
    type: 'FeatureCollection',
    features: Object.entries(BOXES).map(([id, [west, south, east, north]]): Feature<Polygon, { id: string }> => ({
      type: 'Feature', properties: { id },
      geometry: { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] },
    })),
  }
}

function city(): { sites: CoverageSite[]; communities: CoverageCommunity[] } {
  const random = seededRandom('three-zone-city')
  const inside = ([west, south, east, north]: Box) => ({ lng: west + random() * (east - west), lat: south + random() * (north - south) })
  const communities = Object.entries(BOXES).flatMap(([area, box]) => Array.from({ length: 25 }, (_, index) => (
    { id: `${area}-${index}`, ...inside(box), under3: 1 + Math.floor(random() * 80), area })))
  const sites = Array.from({ length: 9 }, (_, index): CoverageSite => (
    { id: `s${index}`, ...inside(Object.values(BOXES)[index % 3]), capacity: 30, puhui: index % 2 === 0, type: 'community' }))
  return { sites, communities }
}

/** Under-3 per zone (and covered) by testing every community against every site. */
function brutePeople(sites: readonly CoverageSite[], communities: readonly CoverageCommunity[], zone: string) {
  const own = communities.filter((community) => community.area === zone)
  const covered = own.filter((community) => sites.some((site) => haversineMeters(site.lng, site.lat, community.lng, community.lat) <= RADIUS))
  const sum = (list: CoverageCommunity[]) => list.reduce((total, community) => total + community.under3, 0)
  return { under3: sum(own), coveredUnder3: sum(covered), uncoveredCommunities: own.length - covered.length }
}

/** Covered share of a zone from an equal-area lattice (uniform in longitude and in sin(latitude)). */
function latticeShare(sites: readonly CoverageSite[], [west, south, east, north]: Box, steps = 150): number {
  const radians = Math.PI / 180
  const sinSouth = Math.sin(south * radians), sinNorth = Math.sin(north * radians)
  let covered = 0
  for (let i = 0; i < steps; i++) {
    const lat = Math.asin(sinSouth + ((i + 0.5) / steps) * (sinNorth - sinSouth)) / radians
    for (let j = 0; j < steps; j++) {
      const lng = west + ((j + 0.5) / steps) * (east - west)
      if (sites.some((site) => haversineMeters(site.lng, site.lat, lng, lat) <= RADIUS)) covered++
    }
  }
  return covered / steps ** 2
}

describe('the engine on a made-up three-zone city', () => {
  it('reports people and area per input zone as brute force does', () => {
    const { sites, communities } = city()
    const grid = createCoverageGrid({ zones: zones(), cellSizeMeters: 25 })
    const metrics = createCoverageState({ sites, communities, grid, radiusMeters: RADIUS }).metrics()
    expect(Object.keys(metrics.areas)).toEqual(Object.keys(BOXES))
    for (const [zone, box] of Object.entries(BOXES)) {
      expect(metrics.areas[zone]).toMatchObject(brutePeople(sites, communities, zone))
      expect(metrics.areas[zone].areaShare).toBeCloseTo(latticeShare(sites, box), 2)
    }
    const total = (key: 'under3' | 'coveredUnder3') => Object.values(metrics.areas).reduce((sum, area) => sum + area[key], 0)
    expect(metrics.city.under3).toBe(total('under3'))
    expect(metrics.city.coveredUnder3).toBe(total('coveredUnder3'))
  })

  it('keeps per-zone figures current through edits and lists uncovered communities of one zone', () => {
    const { sites, communities } = city()
    const grid = createCoverageGrid({ zones: zones(), cellSizeMeters: 50 })
    const state = createCoverageState({ sites, communities, grid, radiusMeters: RADIUS })
    const [west, south] = BOXES.hills
    const added: CoverageSite = { id: 'new', lng: west + 0.01, lat: south + 0.01, capacity: 20, puhui: true, type: 'community' }
    state.addSite(added)
    const metrics = state.moveSite('new', west + 0.05, south + 0.012)
    const moved = [...sites, { ...added, lng: west + 0.05, lat: south + 0.012 }]
    expect(metrics.areas.hills).toMatchObject(brutePeople(moved, communities, 'hills'))
    const uncovered = state.uncoveredCommunities('market').map((community) => community.id).sort()
    const expected = communities.filter((community) => community.area === 'market' &&
      !moved.some((site) => haversineMeters(site.lng, site.lat, community.lng, community.lat) <= RADIUS)).map((community) => community.id).sort()
    expect(uncovered).toEqual(expected)
  })

  it('counts a community outside every input zone for the city only', () => {
    const { sites } = city()
    const lost: CoverageCommunity = { id: 'lost', lng: sites[0].lng, lat: sites[0].lat, under3: 7, area: 'elsewhere' }
    const grid = createCoverageGrid({ zones: zones(), cellSizeMeters: 100 })
    const metrics = createCoverageState({ sites, communities: [lost], grid, radiusMeters: RADIUS }).metrics()
    expect(metrics.city).toMatchObject({ under3: 7, coveredUnder3: 7 })
    expect(Object.values(metrics.areas).map((area) => area.under3)).toEqual([0, 0, 0])
  })
})

describe('coverage limits', () => {
  it.each([
    [{ zones: COVERAGE_LIMITS.maxZones, gridColumns: COVERAGE_LIMITS.maxGridColumns }, null],
    [{ zones: COVERAGE_LIMITS.maxZones + 1 }, `${COVERAGE_LIMITS.maxZones + 1} zones: the coverage engine takes at most ${COVERAGE_LIMITS.maxZones}`],
    [{ gridColumns: COVERAGE_LIMITS.maxGridColumns + 1 }, `${COVERAGE_LIMITS.maxGridColumns + 1} grid columns: at most ${COVERAGE_LIMITS.maxGridColumns}; use larger cells`],
  ])('coverageLimitError(%o) is %s', (size, message) => {
    expect(coverageLimitError(size)).toBe(message)
  })

  it('refuses more zones than a cell class can name, with the same one-line message', () => {
    const many = zones()
    const [first] = many.features
    const features = Array.from({ length: COVERAGE_LIMITS.maxZones + 1 }, (_, index) => ({ ...first, properties: { id: `z${index}` } }))
    expect(() => createCoverageGrid({ zones: { ...many, features }, cellSizeMeters: 500 }))
      .toThrow(new RangeError(coverageLimitError({ zones: features.length }) ?? ''))
  })
})
