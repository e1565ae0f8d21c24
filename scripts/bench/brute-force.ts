// The people reference: every community against every site with haversine, no index.
import { haversineMeters } from '../../src/lib/coverage/haversine-meters'
import type { SyntheticData } from './synthetic-data'

/**
 * Children under 3 within `radiusMeters` of any site, by exhaustive haversine.
 *
 * @example
 * bruteForceCoveredUnder3(syntheticData({ sites: 100, communities: 300 }), 1000)
 */
export function bruteForceCoveredUnder3(data: SyntheticData, radiusMeters: number): number {
  let covered = 0
  for (const community of data.communities) {
    for (const site of data.sites) {
      if (haversineMeters(community.lng, community.lat, site.lng, site.lat) <= radiusMeters) {
        covered += community.under3
        break
      }
    }
  }
  return covered
}
