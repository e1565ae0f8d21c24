import { describe, expect, it } from 'vitest'
import { area, booleanPointInPolygon, point } from '@turf/turf'
import type { FeatureCollection, Point } from 'geojson'
import {
  computeCoverageSummary, coverageCircles, coverageGridPolygons, createCoverageGrid, createCoverageState, haversineMeters,
} from '../../src/lib/coverage'
import type { CommunityProperties, InstitutionProperties } from '../../src/lib/types'
import { deepFreeze, handCommunities, handSites, handZones } from '../fixtures/coverage/hand-case'

function institutionCollection(): FeatureCollection<Point, InstitutionProperties> {
  return {
    type: 'FeatureCollection',
    features: handSites().map((site) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [site.lng, site.lat] },
      properties: {
        id: site.id, name: site.id, town: '金港街道', area: 'baoshui', address: '', type: site.type, puhui: site.puhui,
        capacity: site.capacity, capacityUnder2: 0, enrolled: 0, priceFullDay: null, services: ['fullDay'],
        ageMinMonths: 12, ageMaxMonths: 36, phone: '', hours: '', medicalPartner: '', staff: 0, staffCertified: 0,
        qualityGrade: '', inclusive: false, openedYear: null, filingNo: '', updatedAt: '2024-09-27', sample: true,
      },
    })),
  }
}

function communityCollection(): FeatureCollection<Point, CommunityProperties> {
  return {
    type: 'FeatureCollection',
    features: handCommunities().map((community) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [community.lng, community.lat] },
      properties: {
        id: community.id, name: community.name ?? '', town: '金港街道', area: community.area, under3: community.under3,
        population: community.under3 * 30, approximate: true,
      },
    })),
  }
}

describe('coverage outputs', () => {
  it('summarises coverage.json for basis all and 普惠 without touching the inputs', () => {
    const input = deepFreeze({ institutions: institutionCollection(), communities: communityCollection(), zones: handZones() })
    const summary = computeCoverageSummary(input)
    expect(summary.radiusMeters).toBe(1000)
    expect(summary.all.city).toMatchObject({ under3: 250, coveredUnder3: 190, coveredShare: 0.76, uncoveredCommunityIds: ['c4'] })
    expect(summary.puhui.city).toMatchObject({ under3: 250, coveredUnder3: 150, coveredShare: 0.6, uncoveredCommunityIds: ['c3', 'c4'] })
    expect(summary.puhui.areas.baoshui.uncoveredCommunityIds).toEqual(['c3', 'c4'])
    expect(summary.all.areas.yangshe).toMatchObject({ under3: 0, coveredUnder3: 0, uncoveredCommunityIds: [] })
    expect(summary.all.areas.yangshe.areaShare).toBeGreaterThan(0)
    expect(summary.puhui.city.areaShare).toBeLessThan(summary.all.city.areaShare)
    expect(Object.keys(summary.all.areas)).toHaveLength(9)
    expect(input.communities).toEqual(communityCollection())
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
