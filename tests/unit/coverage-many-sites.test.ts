import type { FeatureCollection, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { createCoverageGrid, createCoverageState, haversineMeters, type CoverageCommunity, type CoverageSite } from '../../src/lib/coverage'
import { seededRandom } from '../../src/lib/seeded-random'

// More sites than a 16-bit count holds: once the limit was 65,535 sites and 65,535 circles per cell.
const SITES = 70_000
const RADIUS = 1000
const CENTER = { lng: 120.5, lat: 31.8 }

function square(): FeatureCollection<Polygon, { id: string }> {
  const { lng, lat } = CENTER
  const ring = [[lng - 0.1, lat - 0.1], [lng + 0.1, lat - 0.1], [lng + 0.1, lat + 0.1], [lng - 0.1, lat + 0.1], [lng - 0.1, lat - 0.1]]
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'square' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }
}

/** SITES sites, all within about 50 m of CENTER, so every one of them covers the cells around it. */
function clusteredSites(): CoverageSite[] {
  const random = seededRandom('many-sites')
  return Array.from({ length: SITES }, (_, index) => ({
    id: `s${index}`, lng: CENTER.lng + (random() - 0.5) * 0.001, lat: CENTER.lat + (random() - 0.5) * 0.001,
    capacity: 10, puhui: true, type: 'community',
  }))
}

function communities(): CoverageCommunity[] {
  return Array.from({ length: 12 }, (_, index) => ({
    id: `c${index}`, lng: CENTER.lng + (index - 6) * 0.003, lat: CENTER.lat, under3: 10 + index, area: 'square',
  }))
}

describe('more than 65,535 sites', () => {
  it('builds, counts every circle on a cell, and takes further edits', { timeout: 30_000 }, () => {
    const sites = clusteredSites()
    const people = communities()
    const grid = createCoverageGrid({ zones: square(), cellSizeMeters: 200 })
    const state = createCoverageState({ sites, communities: people, grid, radiusMeters: RADIUS })
    const expected = people.filter((community) => haversineMeters(CENTER.lng, CENTER.lat, community.lng, community.lat) <= RADIUS - 100)
      .reduce((sum, community) => sum + community.under3, 0)
    const reachable = people.filter((community) => sites.some((site) => haversineMeters(site.lng, site.lat, community.lng, community.lat) <= RADIUS))
      .reduce((sum, community) => sum + community.under3, 0)
    expect(reachable).toBeGreaterThanOrEqual(expected)
    expect(state.metrics().city.coveredUnder3).toBe(reachable)
    const counts = state.cellCounts()
    let most = 0
    for (const count of counts) most = Math.max(most, count)
    expect(most).toBe(SITES)
    state.addSite({ ...sites[0], id: 'one-more' })
    let after = 0
    for (const count of state.cellCounts()) after = Math.max(after, count)
    expect(after).toBe(SITES + 1)
    expect(state.removeSite('s1').city.coveredUnder3).toBe(reachable)
  })
})
