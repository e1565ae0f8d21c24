import type { Feature, FeatureCollection, Point } from 'geojson'
import type { CommunityProperties, DemandBasis } from '../types'

/**
 * The communities with `under3` set to the chosen basis's count, so code that reads `under3` (indicators, the
 * coverage engine) computes on that basis unchanged. The default basis returns the input itself.
 *
 * @example
 * communitiesOnBasis(communities, 'births').features[0].properties.under3 // its under3Births
 */
export function communitiesOnBasis(
  communities: FeatureCollection<Point, CommunityProperties>, basis: DemandBasis,
): FeatureCollection<Point, CommunityProperties> {
  if (basis === 'plan') return communities
  return {
    ...communities,
    features: communities.features.map((feature): Feature<Point, CommunityProperties> => {
      const count = feature.properties.under3Births
      if (count === undefined) throw new Error(`community ${feature.properties.id} has no under3Births`)
      return { ...feature, properties: { ...feature.properties, under3: count } }
    }),
  }
}
