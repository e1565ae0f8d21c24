import { featureCollection } from '@turf/helpers'
import { union } from '@turf/union'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'

/**
 * Polygons as one area: parts that touch or overlap become one polygon and the borders between them go (a town drawn
 * from its 街道 shows the town's outline, not theirs). Parts that cannot be dissolved (a self-intersecting ring)
 * are joined as they are, never dropped. Null for no polygons.
 *
 * @example
 * dissolvePolygons([westHalf, eastHalf]) // { type: 'Polygon', coordinates: [the whole square's ring] }
 */
export function dissolvePolygons(polygons: readonly Position[][][]): Polygon | MultiPolygon | null {
  if (polygons.length === 0) return null
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] }
  const parts = polygons.map((coordinates): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }))
  try {
    const merged = union(featureCollection(parts))
    if (merged) return merged.geometry
  } catch {
    // Invalid rings make the polygon clipper throw: keep the parts joined below.
  }
  return { type: 'MultiPolygon', coordinates: [...polygons] }
}
