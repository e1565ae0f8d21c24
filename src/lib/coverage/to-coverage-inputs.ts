import type { FeatureCollection, Point } from 'geojson'
import type { CommunityProperties, InstitutionProperties } from '../types'
import type { CoverageCommunity, CoverageSite } from './types'

/**
 * Flatten institutions.geojson and communities.geojson into the engine's plain site and community records.
 *
 * @example
 * const { sites, communities } = toCoverageInputs(institutionCollection, communityCollection)
 */
export function toCoverageInputs(
  institutions: FeatureCollection<Point, InstitutionProperties>,
  communities: FeatureCollection<Point, CommunityProperties>,
): { sites: CoverageSite[]; communities: CoverageCommunity[] } {
  return {
    sites: institutions.features.map(({ geometry, properties }) => ({
      id: properties.id, lng: geometry.coordinates[0], lat: geometry.coordinates[1],
      capacity: properties.capacity, puhui: properties.puhui, type: properties.type,
    })),
    communities: communities.features.map(({ geometry, properties }) => ({
      id: properties.id, name: properties.name, lng: geometry.coordinates[0], lat: geometry.coordinates[1],
      under3: properties.under3, area: properties.area,
    })),
  }
}
