import { describe, expect, it } from 'vitest'
import {
  computeAccessibility, createCoverageGrid, createCoverageState, createPointIndex, haversineMeters, type CoverageSite,
} from '../../src/lib/coverage'
import { seededRandom } from '../../src/lib/seeded-random'
import { syntheticData } from '../../scripts/bench/synthetic-data'
import { createCountGrid } from '../../src/lib/coverage/create-count-grid'
import { coveredUnitsPerCell } from '../fixtures/coverage/covered-units-per-cell'
import { NO_ZONE } from '../../src/lib/coverage/coverage-grid'



describe('count grid tallies', () => {
  it('equal a direct per-cell sum of exact chord pieces, built at once (sparse and dense rows) and stamped one by one', () => {
    // Sparse rows (chords sorted) at 30 and 400 sites; dense rows (difference array) at 900 sites on 100 m cells.
    for (const [sites, cellSizeMeters] of [[30, 50], [400, 50], [900, 100]]) {
      const data = syntheticData({ sites, communities: 10, seed: sites })
      const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary, cellSizeMeters })
      const built = createCountGrid(grid, data.sites, 1000)
      const tally = Float64Array.from(built.coveredPerClass)
      built.counts() // fills grid.cellClass for every row
      const direct = new Float64Array(256)
      coveredUnitsPerCell(grid, data.sites, 1000).forEach((units, cell) => { direct[grid.cellClass[cell]] += units })
      direct[NO_ZONE] = tally[NO_ZONE] // cells outside the city and every zone are not tallied
      expect(Array.from(tally)).toEqual(Array.from(direct))
      expect(tally.reduce((sum, units) => sum + units, 0)).toBeGreaterThan(0)
      // Half built at once, the rest stamped: the same totals; stamping them off and on again changes nothing.
      const half = Math.floor(sites / 2)
      const edited = createCountGrid(grid, data.sites.slice(0, half), 1000)
      for (const site of data.sites.slice(half)) edited.stamp(site.lng, site.lat, 1)
      for (const site of data.sites.slice(0, 20)) edited.stamp(site.lng, site.lat, -1)
      for (const site of data.sites.slice(0, 20)) edited.stamp(site.lng, site.lat, 1)
      edited.coveredPerClass[NO_ZONE] = tally[NO_ZONE]
      expect(Array.from(edited.coveredPerClass)).toEqual(Array.from(tally))
      expect(Array.from(edited.coveredBorderUnits)).toEqual(Array.from(built.coveredBorderUnits))
      // A drag (move) of short and long steps, then back: the totals return exactly.
      const moved = data.sites[0]
      let lng = moved.lng, lat = moved.lat
      for (const step of [0.0001, 0.0003, -0.0002, 0.01, 0.00005]) {
        edited.move(lng, lat, lng + step, lat - step / 2)
        lng += step; lat -= step / 2
      }
      const away = Array.from(edited.coveredPerClass)
      const alone = createCountGrid(grid, [...data.sites.slice(1), { lng, lat }], 1000)
      alone.coveredPerClass[NO_ZONE] = away[NO_ZONE]
      expect(away).toEqual(Array.from(alone.coveredPerClass))
      edited.move(lng, lat, moved.lng, moved.lat)
      expect(Array.from(edited.coveredPerClass)).toEqual(Array.from(tally))
      expect(Array.from(edited.coveredBorderUnits)).toEqual(Array.from(built.coveredBorderUnits))
    }
  })

  it('are the same when the centers arrive far from west-to-east order (rows sorted by the fallback)', () => {
    // 200 centers on one meridian in shuffled latitudes, and the same centers reversed: every row's chords start
    // far from sorted by low end, past the insertion sort's budget.
    const data = syntheticData({ sites: 10, communities: 10, seed: 3 })
    const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary, cellSizeMeters: 50 })
    const random = seededRandom(21)
    const centers = Array.from({ length: 200 }, () => ({ lng: 120.6, lat: 31.8 + random() * 0.1 }))
    const built = createCountGrid(grid, centers, 1500)
    const reversed = createCountGrid(grid, [...centers].reverse(), 1500)
    built.counts()
    const direct = new Float64Array(256)
    coveredUnitsPerCell(grid, centers, 1500).forEach((units, cell) => { direct[grid.cellClass[cell]] += units })
    direct[NO_ZONE] = built.coveredPerClass[NO_ZONE]
    expect(Array.from(built.coveredPerClass)).toEqual(Array.from(direct))
    reversed.coveredPerClass[NO_ZONE] = built.coveredPerClass[NO_ZONE]
    expect(Array.from(reversed.coveredPerClass)).toEqual(Array.from(built.coveredPerClass))
    expect(Array.from(reversed.coveredBorderUnits)).toEqual(Array.from(built.coveredBorderUnits))
    expect(direct.reduce((sum, units) => sum + units, 0)).toBeGreaterThan(0)
  })
})

describe('incremental what-if equals a full recompute', () => {
  const data = syntheticData({ sites: 60, communities: 400, seed: 11 })
  const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary, cellSizeMeters: 50 })

  it('after moves, additions, removals and capacity edits', () => {
    const random = seededRandom(5)
    const state = createCoverageState({ sites: data.sites, communities: data.communities, grid, radiusMeters: 800, basis: 'puhui' })
    state.cellCounts() // materialise every row first; the next case edits rows that were never materialised
    for (let step = 0; step < 40; step++) {
      const site = data.sites[Math.floor(random() * data.sites.length)]
      state.moveSite(site.id, site.lng + (random() - 0.5) * 0.02, site.lat + (random() - 0.5) * 0.02)
    }
    const added: CoverageSite = { id: 'hypo-1', lng: 120.6, lat: 31.88, capacity: 60, puhui: true, type: 'community', hypothetical: true }
    state.addSite(added)
    state.moveSite('hypo-1', 120.61, 31.89)
    state.updateSite(data.sites[3].id, { capacity: 999, puhui: true })
    state.removeSite(data.sites[7].id)
    const fresh = createCoverageState({ sites: state.sites(), communities: data.communities, grid, radiusMeters: 800, basis: 'puhui' })
    expect(state.metrics()).toEqual(fresh.metrics())
    expect(Array.from(state.cellCounts())).toEqual(Array.from(fresh.cellCounts()))
    expect(state.uncoveredCommunities()).toEqual(fresh.uncoveredCommunities())
    const reference = computeAccessibility({ sites: state.sites(), communities: data.communities, radiusMeters: 800, basis: 'puhui' })
    const incremental = state.accessibility()
    incremental.forEach((entry, index) => {
      expect(entry.score).toBeCloseTo(reference[index].score, 6)
      expect(entry.desert).toBe(reference[index].desert)
    })
  })

  it('E2SFCA built on demand, then kept current by edits, equals the pairwise reference', () => {
    const state = createCoverageState({ sites: data.sites, communities: data.communities, grid, radiusMeters: 900 })
    const before = state.accessibility() // builds the scores; the edits below update them incrementally
    const fresh = computeAccessibility({ sites: data.sites, communities: data.communities, radiusMeters: 900 })
    before.forEach((entry, index) => expect(entry.score).toBeCloseTo(fresh[index].score, 6))
    state.moveSite(data.sites[2].id, data.sites[2].lng + 0.005, data.sites[2].lat)
    state.updateSite(data.sites[4].id, { capacity: 300 })
    state.removeSite(data.sites[9].id)
    const reference = computeAccessibility({ sites: state.sites(), communities: data.communities, radiusMeters: 900 })
    expect(state.accessibility().some((entry, index) => entry.score !== before[index].score)).toBe(true)
    state.accessibility().forEach((entry, index) => {
      expect(entry.score).toBeCloseTo(reference[index].score, 6)
      expect(entry.desert).toBe(reference[index].desert)
    })
  })

  it('index-only radius queries find the same points as the distance queries', () => {
    const index = createPointIndex(data.communities)
    const withDistances = { indexes: new Int32Array(8), distances: new Float64Array(8) }
    const indexesOnly = { indexes: new Int32Array(8), distances: new Float64Array(8) }
    for (const site of data.sites) {
      const found = index.withinInto(site.lng, site.lat, 1000, withDistances)
      expect(index.indexesWithinInto(site.lng, site.lat, 1000, indexesOnly)).toBe(found)
      expect(Array.from(indexesOnly.indexes.subarray(0, found))).toEqual(Array.from(withDistances.indexes.subarray(0, found)))
    }
    // An exact-edge case: a community exactly at the radius distance from the query point is found by both.
    const community = data.communities[0]
    const edge = haversineMeters(community.lng, community.lat, community.lng + 0.01, community.lat)
    expect(index.indexesWithinInto(community.lng + 0.01, community.lat, edge, indexesOnly))
      .toBe(index.withinInto(community.lng + 0.01, community.lat, edge, withDistances))
  })

})

describe('incremental edits keep exact totals', () => {
  const data = syntheticData({ sites: 60, communities: 400, seed: 11 })
  const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary, cellSizeMeters: 50 })

  it('a lazily built grid (no materialisation first) gives the same totals', () => {
    const lazy = createCoverageState({ sites: data.sites, communities: data.communities, grid })
    const eager = createCoverageState({ sites: data.sites, communities: data.communities, grid })
    eager.cellCounts()
    const site = data.sites[0]
    for (const state of [lazy, eager]) {
      state.moveSite(site.id, site.lng + 0.004, site.lat - 0.003)
      state.moveSite(site.id, site.lng + 0.008, site.lat - 0.006)
    }
    expect(lazy.metrics()).toEqual(eager.metrics())
  })

  it('moving a site back restores the original metrics exactly', () => {
    const state = createCoverageState({ sites: data.sites, communities: data.communities, grid })
    const original = state.metrics()
    const site = data.sites[5]
    state.moveSite(site.id, site.lng + 0.01, site.lat + 0.01)
    expect(state.metrics()).not.toEqual(original)
    state.moveSite(site.id, site.lng, site.lat)
    expect(state.metrics()).toEqual(original)
  })
})
