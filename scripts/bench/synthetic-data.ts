// Seeded synthetic Zhangjiagang-like data for the coverage benchmark and the engine's agreement tests.
import { Delaunay } from 'd3-delaunay'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { featureCollection, point, polygon } from '@turf/helpers'
import { intersect } from '@turf/intersect'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { seededRandom } from '../../src/lib/seeded-random'
import { AREA_IDS, INSTITUTION_TYPES, type AreaId } from '../../src/lib/types'
import type { CoverageCommunity, CoverageSite } from '../../src/lib/coverage/types'

export const BBOX = { west: 120.35, south: 31.75, east: 120.85, north: 32.02 }

export interface SyntheticData {
  boundary: Feature<Polygon>
  zones: FeatureCollection<Polygon | MultiPolygon, { id: AreaId }>
  sites: CoverageSite[]
  communities: CoverageCommunity[]
}

function makeBoundary(random: () => number): Feature<Polygon> {
  const center = [(BBOX.west + BBOX.east) / 2, (BBOX.south + BBOX.north) / 2]
  const halfWidth = (BBOX.east - BBOX.west) / 2
  const halfHeight = (BBOX.north - BBOX.south) / 2
  const phases = [random() * 6.28, random() * 6.28, random() * 6.28]
  const ring: number[][] = []
  for (let step = 0; step < 72; step++) {
    const angle = (2 * Math.PI * step) / 72
    const wobble = 0.8 + 0.08 * Math.sin(3 * angle + phases[0]) + 0.06 * Math.sin(5 * angle + phases[1])
      + 0.04 * Math.sin(11 * angle + phases[2])
    ring.push([center[0] + halfWidth * wobble * Math.cos(angle), center[1] + halfHeight * wobble * Math.sin(angle)])
  }
  ring.push(ring[0])
  return polygon([ring])
}

/**
 * Boundary, nine Voronoi zones clipped to it, clustered communities and sites — all from `seed`.
 *
 * @example
 * const data = syntheticData({ sites: 1000, communities: 3000, seed: 7 })
 */
export function syntheticData(options: { sites: number; communities: number; seed?: number }): SyntheticData {
  const random = seededRandom(options.seed ?? 20240927)
  const boundary = makeBoundary(random)
  const inside = (lng: number, lat: number) => booleanPointInPolygon(point([lng, lat]), boundary)
  const randomInside = (): [number, number] => {
    for (;;) {
      const lng = BBOX.west + random() * (BBOX.east - BBOX.west)
      const lat = BBOX.south + random() * (BBOX.north - BBOX.south)
      if (inside(lng, lat)) return [lng, lat]
    }
  }
  const seeds = AREA_IDS.map(() => randomInside())
  const voronoi = Delaunay.from(seeds).voronoi([BBOX.west - 0.1, BBOX.south - 0.1, BBOX.east + 0.1, BBOX.north + 0.1])
  const zones = featureCollection(AREA_IDS.map((id, index) => {
    const clipped = intersect(featureCollection([polygon([voronoi.cellPolygon(index)]), boundary]))
    if (!clipped) throw new Error(`zone ${id} is empty`)
    return { type: 'Feature' as const, properties: { id }, geometry: clipped.geometry }
  }))
  const towns = Array.from({ length: 14 }, () => randomInside())
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const place = (): [number, number] => {
    if (random() < 0.3) return randomInside()
    const town = towns[Math.floor(random() * towns.length)]
    for (;;) {
      const lng = town[0] + gaussian() * 0.025
      const lat = town[1] + gaussian() * 0.02
      if (inside(lng, lat)) return [lng, lat]
    }
  }
  const areaOf = (lng: number, lat: number): AreaId => {
    const found = zones.features.find((zone) => booleanPointInPolygon(point([lng, lat]), zone))
    return found ? found.properties.id : AREA_IDS[Delaunay.from(seeds).find(lng, lat)]
  }
  const communities = Array.from({ length: options.communities }, (_, index): CoverageCommunity => {
    const [lng, lat] = place()
    return {
      id: `C${String(index).padStart(6, '0')}`, name: `社区${index}`, lng, lat,
      under3: 5 + Math.floor(random() ** 2 * 200), area: areaOf(lng, lat),
    }
  })
  const sites = Array.from({ length: options.sites }, (_, index): CoverageSite => {
    const [lng, lat] = place()
    return {
      id: `S${String(index).padStart(6, '0')}`, lng, lat, capacity: 20 + Math.floor(random() * 140),
      puhui: random() < 0.6, type: INSTITUTION_TYPES[Math.floor(random() * INSTITUTION_TYPES.length)],
    }
  })
  return { boundary, zones, sites, communities }
}
