import type { Feature, FeatureCollection, Polygon } from 'geojson'
import { EARTH_RADIUS_METERS, type CoverageSite } from './types'

const RADIANS = Math.PI / 180

function circleRing(lng: number, lat: number, radiusMeters: number, steps: number): number[][] {
  const angle = radiusMeters / EARTH_RADIUS_METERS
  const latitude = lat * RADIANS
  const ring: number[][] = []
  for (let step = 0; step <= steps; step++) {
    const bearing = (-2 * Math.PI * (step % steps)) / steps // counter-clockwise, RFC 7946 exterior ring
    const pointLat = Math.asin(Math.sin(latitude) * Math.cos(angle) + Math.cos(latitude) * Math.sin(angle) * Math.cos(bearing))
    const pointLng = lng * RADIANS + Math.atan2(
      Math.sin(bearing) * Math.sin(angle) * Math.cos(latitude), Math.cos(angle) - Math.sin(latitude) * Math.sin(pointLat))
    ring.push([pointLng / RADIANS, pointLat / RADIANS])
  }
  return ring
}

/**
 * One geodesic circle polygon per site, for display (cheap: recompute only the dragged site's feature).
 * Properties carry id, 普惠 and hypothetical so the map can style them apart.
 *
 * @example
 * coverageCircles([{ id: 'a', lng: 120.55, lat: 31.87, capacity: 40, puhui: true, type: 'community' }], 1000)
 * // FeatureCollection with one 64-gon of radius 1 km
 */
export function coverageCircles(
  sites: readonly CoverageSite[], radiusMeters: number, steps = 64,
): FeatureCollection<Polygon, { id: string; puhui: boolean; hypothetical: boolean }> {
  const features: Feature<Polygon, { id: string; puhui: boolean; hypothetical: boolean }>[] = sites.map((site) => ({
    type: 'Feature',
    properties: { id: site.id, puhui: site.puhui, hypothetical: site.hypothetical ?? false },
    geometry: { type: 'Polygon', coordinates: [circleRing(site.lng, site.lat, radiusMeters, steps)] },
  }))
  return { type: 'FeatureCollection', features }
}
