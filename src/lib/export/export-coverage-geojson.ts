import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson'
import type { CoverageSite, UncoveredCommunity } from '../coverage/types'

export interface CoverageGeojsonInput {
  /** Covered area (coverageGridPolygons). */
  coverage: Feature<MultiPolygon>
  radiusMeters: number
  /** Basis label, e.g. 'all', 'puhui' or 'community+center'. */
  basis: string
  uncovered: readonly UncoveredCommunity[]
  /** Community id → [lng, lat]. */
  positions: ReadonlyMap<string, readonly [number, number]>
  /** Planner's what-if sites; marked hypothetical so they never pass for real data. */
  hypotheticalSites: readonly CoverageSite[]
}

type ExportProperties = Record<string, string | number | boolean | null>

/**
 * One GeoJSON FeatureCollection (WGS84) with the covered area, each uncovered community and each
 * hypothetical site, told apart by the `kind` property. Inputs are not changed.
 *
 * @example
 * JSON.stringify(exportCoverageGeojson({ coverage, radiusMeters: 1000, basis: 'all', uncovered, positions, hypotheticalSites: [] }))
 */
export function exportCoverageGeojson(input: CoverageGeojsonInput): FeatureCollection<MultiPolygon | Point, ExportProperties> {
  const area: Feature<MultiPolygon, ExportProperties> = {
    type: 'Feature',
    properties: { kind: 'coveredArea', radiusMeters: input.radiusMeters, basis: input.basis, hypotheticalSites: input.hypotheticalSites.length },
    geometry: { type: 'MultiPolygon', coordinates: input.coverage.geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((position) => [...position]))) },
  }
  const communities = input.uncovered.flatMap((community): Feature<Point, ExportProperties>[] => {
    const position = input.positions.get(community.id)
    if (!position) return []
    return [{
      type: 'Feature',
      properties: {
        kind: 'uncoveredCommunity', id: community.id, name: community.name, area: community.area,
        under3: community.under3, nearestSiteMeters: community.nearestSiteMeters,
      },
      geometry: { type: 'Point', coordinates: [position[0], position[1]] },
    }]
  })
  const sites = input.hypotheticalSites.map((site): Feature<Point, ExportProperties> => ({
    type: 'Feature',
    properties: { kind: 'hypotheticalSite', hypothetical: true, id: site.id, capacity: site.capacity, puhui: site.puhui, type: site.type },
    geometry: { type: 'Point', coordinates: [site.lng, site.lat] },
  }))
  return { type: 'FeatureCollection', features: [area, ...communities, ...sites] }
}
