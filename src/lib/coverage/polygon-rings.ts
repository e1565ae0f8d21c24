import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson'

/** Anything that carries polygons: a geometry, a feature or a feature collection. */
export type PolygonSource = Polygon | MultiPolygon | Feature<Geometry | null> | FeatureCollection

/**
 * All linear rings (outer and holes) of the polygons in a GeoJSON object, flattened; an even-odd fill
 * of the result is the polygon area. Non-polygon geometries are ignored.
 *
 * @example
 * polygonRings({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }).length // 1
 */
export function polygonRings(source: PolygonSource): Position[][] {
  if (source.type === 'FeatureCollection') return source.features.flatMap((feature) => polygonRings(feature))
  if (source.type === 'Feature') return source.geometry ? polygonRings(source.geometry as PolygonSource) : []
  if (source.type === 'Polygon') return [...source.coordinates]
  if (source.type === 'MultiPolygon') return source.coordinates.flat()
  return []
}
