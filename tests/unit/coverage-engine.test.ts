import { describe, expect, it } from 'vitest'
import {
  createCoverageGrid, createCoverageState, haversineMeters, gaussianDecay, matchesBasis, createPointIndex,
} from '../../src/lib/coverage'
import {
  BASE_LAT, BASE_LNG, capArea, deepFreeze, handCommunities, handSites, handZones, north, rectangleArea,
} from '../fixtures/coverage/hand-case'

function lensArea(radius: number, distance: number): number {
  return 2 * radius ** 2 * Math.acos(distance / (2 * radius)) - (distance / 2) * Math.sqrt(4 * radius ** 2 - distance ** 2)
}

describe('coverage building blocks', () => {
  it('haversine gives meridian distances exactly', () => {
    expect(haversineMeters(BASE_LNG, BASE_LAT, BASE_LNG, BASE_LAT + north(750))).toBeCloseTo(750, 6)
    expect(haversineMeters(120, 0, 121, 0)).toBeCloseTo((6371008.8 * Math.PI) / 180, 4)
  })

  it('Gaussian decay is 1 at the site, 0 at and beyond the radius', () => {
    expect(gaussianDecay(0, 1000)).toBe(1)
    expect(gaussianDecay(1000, 1000)).toBeCloseTo(0, 12)
    expect(gaussianDecay(1001, 1000)).toBe(0)
    expect(gaussianDecay(500, 1000)).toBeCloseTo((Math.exp(-0.125) - Math.exp(-0.5)) / (1 - Math.exp(-0.5)), 12)
  })

  it('basis selects all, 普惠 or types', () => {
    const site = { puhui: false, type: 'private' as const }
    expect([matchesBasis(site, 'all'), matchesBasis(site, 'puhui'), matchesBasis(site, ['private']), matchesBasis(site, ['center'])])
      .toEqual([true, false, true, false])
  })

  it('point index finds exactly the points within the radius and the nearest one', () => {
    const index = createPointIndex(handCommunities())
    const found: [number, number][] = []
    index.within(BASE_LNG, BASE_LAT + north(1500), 1000, (i, d) => found.push([i, Math.round(d)]))
    expect(found.sort((a, b) => a[0] - b[0])).toEqual([[1, 750], [2, 700]])
    const nearest = index.nearest(BASE_LNG, BASE_LAT - north(4000))
    expect(nearest?.index).toBe(3)
    expect(nearest?.distanceMeters).toBeCloseTo(1000, 6)
    expect(createPointIndex([]).nearest(0, 0)).toBeNull()
  })
})

describe('createCoverageState on the hand case', () => {
  const grid = createCoverageGrid({ zones: deepFreeze(handZones()), cellSizeMeters: 25 })

  it('counts covered children and uncovered communities for basis all', () => {
    const state = createCoverageState({ sites: handSites(), communities: handCommunities(), grid, radiusMeters: 1000 })
    const metrics = state.metrics()
    expect(metrics.city).toMatchObject({ under3: 250, coveredUnder3: 190, communities: 4, uncoveredCommunities: 1 })
    expect(metrics.city.coveredShare).toBeCloseTo(190 / 250, 12)
    expect(metrics.areas.baoshui).toMatchObject({ under3: 250, coveredUnder3: 190 })
    expect(metrics.areas.yangshe).toMatchObject({ under3: 0, coveredUnder3: 0, coveredShare: 0 })
    expect(state.uncoveredCommunities()).toEqual([{ id: 'c4', name: '四村', area: 'baoshui', under3: 60, nearestSiteMeters: 5000 }])
  })

  it('counts only 普惠 sites for basis puhui and reports distances to the nearest 普惠 site', () => {
    const state = createCoverageState({ sites: handSites(), communities: handCommunities(), grid, basis: 'puhui' })
    expect(state.metrics().city.coveredUnder3).toBe(150)
    expect(state.uncoveredCommunities()).toEqual([
      { id: 'c4', name: '四村', area: 'baoshui', under3: 60, nearestSiteMeters: 5000 },
      { id: 'c3', name: '三村', area: 'baoshui', under3: 40, nearestSiteMeters: 2200 },
    ])
    expect(state.uncoveredCommunities('yangshe')).toEqual([])
  })

  it('measures covered area shares against spherical cap and lens areas', () => {
    const state = createCoverageState({ sites: handSites(), communities: handCommunities(), grid, radiusMeters: 1000 })
    const metrics = state.metrics()
    const westArea = rectangleArea(BASE_LNG - 0.1, BASE_LAT - 0.1, BASE_LNG + 0.1, BASE_LAT + 0.1)
    const eastArea = rectangleArea(BASE_LNG + 0.1, BASE_LAT - 0.1, BASE_LNG + 0.4, BASE_LAT + 0.1)
    const westCovered = 2 * capArea(1000) - lensArea(1000, 1500)
    expect(metrics.areas.baoshui.areaShare / (westCovered / westArea)).toBeCloseTo(1, 2)
    expect(metrics.areas.yangshe.areaShare / (capArea(1000) / eastArea)).toBeCloseTo(1, 2)
    expect(metrics.city.areaShare / ((westCovered + capArea(1000)) / (westArea + eastArea))).toBeCloseTo(1, 2)
  })

  it('never mutates its inputs', () => {
    const sites = deepFreeze(handSites())
    const communities = deepFreeze(handCommunities())
    const state = createCoverageState({ sites, communities, grid })
    state.addSite(deepFreeze({ id: 'H', lng: BASE_LNG, lat: BASE_LAT - north(4500), capacity: 20, puhui: true, type: 'community', hypothetical: true }))
    state.moveSite('A', BASE_LNG, BASE_LAT + north(100))
    state.removeSite('B')
    state.uncoveredCommunities()
    expect(sites).toEqual(handSites())
    expect(communities).toEqual(handCommunities())
    expect(state.sites().map((site) => site.id)).toEqual(['A', 'C', 'H'])
  })

  it('rejects duplicate and unknown site ids', () => {
    const state = createCoverageState({ sites: handSites(), communities: handCommunities(), grid })
    expect(() => state.addSite(handSites()[0])).toThrow(/already exists/)
    expect(() => state.moveSite('nope', 0, 0)).toThrow(/no site/)
    expect(() => state.removeSite('nope')).toThrow(/no site/)
  })

  it('accepts radii of 300–3,000 m only', () => {
    const options = { sites: handSites(), communities: handCommunities(), grid }
    expect(() => createCoverageState({ ...options, radiusMeters: 299 })).toThrow(RangeError)
    expect(() => createCoverageState({ ...options, radiusMeters: 3001 })).toThrow(RangeError)
    expect(createCoverageState({ ...options, radiusMeters: 3000 }).metrics().city.coveredUnder3).toBe(190) // c4 is 5 km away
  })
})
