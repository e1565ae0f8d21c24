import { describe, expect, it } from 'vitest'
import { area } from '@turf/area'
import { circle } from '@turf/circle'
import { distance } from '@turf/distance'
import { featureCollection, point } from '@turf/helpers'
import { intersect } from '@turf/intersect'
import { union } from '@turf/union'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { createCoverageGrid, createCoverageState } from '../../src/lib/coverage'
import { syntheticData } from '../../scripts/bench/synthetic-data'
import { AREA_IDS } from '../../src/lib/types'

describe('agreement with naive Turf on seeded data', () => {
  const data = syntheticData({ sites: 40, communities: 300, seed: 3 })
  const radius = 1000

  it('counts covered children exactly as turf.distance brute force does, per area', () => {
    const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary })
    const metrics = createCoverageState({ sites: data.sites, communities: data.communities, grid, radiusMeters: radius }).metrics()
    const covered = Object.fromEntries(AREA_IDS.map((id) => [id, 0]))
    for (const community of data.communities) {
      const reached = data.sites.some((site) =>
        distance(point([site.lng, site.lat]), point([community.lng, community.lat]), { units: 'meters' }) <= radius)
      if (reached) covered[community.area] += community.under3
    }
    for (const id of AREA_IDS) expect(metrics.areas[id].coveredUnder3).toBe(covered[id])
    expect(metrics.city.coveredUnder3).toBe(Object.values(covered).reduce((a, b) => a + b, 0))
    expect(metrics.city.coveredUnder3).toBeGreaterThan(0)
  })

  it('measures covered area shares within 1 % of turf circle + union + intersect + area', () => {
    const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary })
    const metrics = createCoverageState({ sites: data.sites, communities: data.communities, grid, radiusMeters: radius }).metrics()
    const circles = data.sites.map((site) => circle([site.lng, site.lat], radius / 1000, { steps: 64 }))
    const covered = union(featureCollection(circles)) as Feature<Polygon | MultiPolygon>
    const share = (shape: Feature<Polygon | MultiPolygon>) => {
      const clipped = intersect(featureCollection([shape, covered]))
      return clipped ? area(clipped) / area(shape) : 0
    }
    const cityShare = share(data.boundary)
    expect(cityShare).toBeGreaterThan(0.02)
    expect(Math.abs(metrics.city.areaShare - cityShare)).toBeLessThan(0.01 * cityShare)
    for (const zone of data.zones.features) {
      const turfShare = share(zone)
      // Relative 1 %, or 0.05 percentage points for nearly uncovered zones.
      expect(Math.abs(metrics.areas[zone.properties.id].areaShare - turfShare)).toBeLessThan(Math.max(0.01 * turfShare, 0.0005))
    }
  }, 60_000)
})
