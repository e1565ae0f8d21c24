import { describe, expect, it } from 'vitest'
import { area } from '@turf/area'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { point } from '@turf/helpers'
import {
  computeCoverageSummary, coverageCircles, coverageGridPolygons, createCoverageGrid, createCoverageState, haversineMeters,
} from '../../src/lib/coverage'
import { deepFreeze, handCommunities, handCommunityCollection, handInstitutionCollection, handSites, handZones } from '../fixtures/coverage/hand-case'



describe('coverage outputs', () => {
  it('summarises coverage.json for basis all and 普惠 without touching the inputs', () => {
    const input = deepFreeze({ institutions: handInstitutionCollection(), communities: handCommunityCollection(), zones: handZones() })
    const summary = computeCoverageSummary(input)
    expect(summary.radiusMeters).toBe(1000)
    expect(summary.all.city).toMatchObject({ under3: 250, coveredUnder3: 190, coveredShare: 0.76, uncoveredCommunityIds: ['c4'] })
    expect(summary.puhui.city).toMatchObject({ under3: 250, coveredUnder3: 150, coveredShare: 0.6, uncoveredCommunityIds: ['c3', 'c4'] })
    expect(summary.puhui.areas.baoshui.uncoveredCommunityIds).toEqual(['c3', 'c4'])
    expect(summary.all.areas.yangshe).toMatchObject({ under3: 0, coveredUnder3: 0, uncoveredCommunityIds: [] })
    expect(summary.all.areas.yangshe.areaShare).toBeGreaterThan(0)
    expect(summary.puhui.city.areaShare).toBeLessThan(summary.all.city.areaShare)
    expect(Object.keys(summary.all.areas)).toEqual(handZones().features.map((zone) => zone.properties.id)) // the input's zones, in order
    expect(input.communities).toEqual(handCommunityCollection())
  })

  it('draws geodesic circles whose vertices lie on the radius', () => {
    const sites = deepFreeze(handSites())
    const circles = coverageCircles(sites, 1000, 32)
    expect(circles.features.map((feature) => feature.properties.id)).toEqual(['A', 'B', 'C'])
    const ring = circles.features[1].geometry.coordinates[0]
    expect(ring).toHaveLength(33)
    expect(ring[0]).toEqual(ring[32])
    for (const [lng, lat] of ring) expect(haversineMeters(sites[1].lng, sites[1].lat, lng, lat)).toBeCloseTo(1000, 3)
  })

  it('turns the count grid into rectangles covering the covered area', () => {
    const grid = createCoverageGrid({ zones: handZones(), cellSizeMeters: 25 })
    const state = createCoverageState({ sites: handSites(), communities: handCommunities(), grid })
    const shape = coverageGridPolygons(grid, state.cellCounts(), { blockCells: 2 })
    const metrics = state.metrics()
    const zonesArea = handZones().features.reduce((sum, zone) => sum + area(zone), 0)
    expect(area(shape) / (metrics.city.areaShare * zonesArea)).toBeCloseTo(1, 1)
    const site = handSites()[0]
    expect(booleanPointInPolygon(point([site.lng, site.lat]), shape)).toBe(true)
    expect(booleanPointInPolygon(point([site.lng + 0.05, site.lat]), shape)).toBe(false)
    // Dragging changes the drawn shape.
    state.moveSite('C', site.lng + 0.05, site.lat)
    expect(booleanPointInPolygon(point([site.lng + 0.05, site.lat]), coverageGridPolygons(grid, state.cellCounts()))).toBe(true)
  })
})
