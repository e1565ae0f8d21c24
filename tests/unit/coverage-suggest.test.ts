import { describe, expect, it } from 'vitest'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { point } from '@turf/helpers'
import { buildCandidates, createCoverageGrid, createCoverageState, suggestSites, type CoverageCommunity } from '../../src/lib/coverage'
import { BASE_LAT, BASE_LNG, deepFreeze, handZones, north } from '../fixtures/coverage/hand-case'

const east = (meters: number) => north(meters) / Math.cos((BASE_LAT * Math.PI) / 180)

// Three groups of uncovered communities, 5 km apart; one community already covered by site S.
function communities(): CoverageCommunity[] {
  const at = (id: string, x: number, y: number, under3: number): CoverageCommunity =>
    ({ id, lng: BASE_LNG + east(x), lat: BASE_LAT + north(y), under3, area: 'baoshui' })
  return [
    at('big-1', 0, 0, 120), at('big-2', 300, 0, 100), at('big-3', 0, 300, 90), // 310 around (0, 0)
    at('mid-1', 5000, 0, 150), at('mid-2', 5400, 0, 50), // 200 around (5200, 0)
    at('small', 0, 5000, 80),
    at('covered', -5000, 0, 500),
  ]
}

describe('suggestSites (greedy maximal covering)', () => {
  const grid = createCoverageGrid({ zones: handZones(), cellSizeMeters: 50 })
  const site = { id: 'S', lng: BASE_LNG + east(-5000), lat: BASE_LAT, capacity: 40, puhui: true, type: 'community' as const }

  it('picks the obviously best site first and ranks the rest by added coverage', () => {
    const state = createCoverageState({ sites: [site], communities: communities(), grid, radiusMeters: 1000 })
    const candidates = deepFreeze([
      { lng: BASE_LNG + east(100), lat: BASE_LAT + north(100) }, // reaches all three big ones
      { lng: BASE_LNG + east(5200), lat: BASE_LAT }, // both mid ones
      { lng: BASE_LNG + east(5000), lat: BASE_LAT }, // both mid ones too (400 m to mid-2): a tie, later index
      { lng: BASE_LNG, lat: BASE_LAT + north(5000) }, // small
      { lng: BASE_LNG + east(-5000), lat: BASE_LAT }, // only the already covered one: gains nothing
    ])
    const before = state.metrics()
    const result = suggestSites(state, candidates, { count: 10, capacity: 35 })
    expect(result.map((entry) => [entry.rank, entry.addedUnder3, entry.addedCommunityIds.sort()])).toEqual([
      [1, 310, ['big-1', 'big-2', 'big-3']],
      [2, 200, ['mid-1', 'mid-2']],
      [3, 80, ['small']],
    ])
    expect(result[1].site).toMatchObject({ lng: candidates[1].lng, capacity: 35, puhui: true, hypothetical: true })
    expect(state.metrics()).toEqual(before) // the state is untouched
    for (const entry of result) state.addSite(entry.site)
    expect(state.metrics().city.coveredUnder3).toBe(500 + 310 + 200 + 80)
  })

  it('does not double count: after the best pick, overlapping candidates lose their shared children', () => {
    const state = createCoverageState({ sites: [], communities: communities().slice(0, 5), grid, radiusMeters: 1000 })
    const candidates = [
      { lng: BASE_LNG, lat: BASE_LAT }, // big-1..3: 310
      { lng: BASE_LNG + east(900), lat: BASE_LAT }, // big-1..3 as well (big-3 at 949 m): 310 before, 0 after the first pick
      { lng: BASE_LNG + east(4800), lat: BASE_LAT }, // mid-1 at 200 m and mid-2 at 600 m: 200
    ]
    const result = suggestSites(state, candidates, { count: 2 })
    expect(result.map((entry) => entry.addedUnder3)).toEqual([310, 200])
    expect(result.length).toBe(2)
  })

  it('builds candidates from communities plus a grid inside the boundary', () => {
    const zones = handZones()
    const boundary = zones.features[0]
    const list = buildCandidates({ communities: communities(), boundary, spacingMeters: 1000 })
    expect(list.slice(0, 7)).toEqual(communities().map(({ lng, lat }) => ({ lng, lat })))
    const gridPoints = list.slice(7)
    // 0.2° × 0.2° at 31.8° N ≈ 18.9 km × 22.2 km: about 420 points at 1 km spacing.
    expect(gridPoints.length).toBeGreaterThan(380)
    expect(gridPoints.length).toBeLessThan(460)
    expect(gridPoints.every((candidate) => booleanPointInPolygon(point([candidate.lng, candidate.lat]), boundary))).toBe(true)
  })
})
