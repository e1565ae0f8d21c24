// The naive approach the engine replaces: turf.circle per site, turf.union of all, then point-in-polygon
// per community and turf.intersect/area per zone.
// The baseline is the user's named package itself, @turf/turf, as a newcomer would use it.
import { area, booleanPointInPolygon, circle, featureCollection, intersect, point, union } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { SyntheticData } from './synthetic-data'

export interface NaiveResult {
  coveredUnder3: number
  cityAreaShare: number
  zoneAreaShares: number[]
}

/**
 * Covered under-3 and covered area shares the naive Turf way (64-step circles).
 *
 * @example
 * naiveTurfCoverage(syntheticData({ sites: 100, communities: 300 }), 1000).coveredUnder3
 */
export function naiveTurfCoverage(data: SyntheticData, radiusMeters: number): NaiveResult {
  const circles = data.sites.map((site) => circle([site.lng, site.lat], radiusMeters / 1000, { steps: 64, units: 'kilometers' }))
  const covered = (circles.length > 1 ? union(featureCollection(circles)) : circles[0]) as Feature<Polygon | MultiPolygon> | null
  let coveredUnder3 = 0
  if (covered) {
    for (const community of data.communities) {
      if (booleanPointInPolygon(point([community.lng, community.lat]), covered)) coveredUnder3 += community.under3
    }
  }
  const shareOf = (shape: Feature<Polygon | MultiPolygon>) => {
    if (!covered) return 0
    const clipped = intersect(featureCollection([shape, covered]))
    return clipped ? area(clipped) / area(shape) : 0
  }
  return {
    coveredUnder3,
    cityAreaShare: shareOf(data.boundary),
    zoneAreaShares: data.zones.features.map((zone) => shareOf(zone)),
  }
}
