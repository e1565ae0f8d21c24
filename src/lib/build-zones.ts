import { Delaunay } from 'd3-delaunay'
import { bbox } from '@turf/bbox'
import { featureCollection, polygon } from '@turf/helpers'
import { intersect } from '@turf/intersect'
import { rewind } from '@turf/rewind'
import { union } from '@turf/union'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { dissolvePolygons } from './dissolve-polygons'
import { areaOfTown, type PlanningArea } from './planning-areas'
import type { AreaId, ZoneProperties } from './types'

export type ZoneGeometry = Polygon | MultiPolygon
export type ZoneCollection = FeatureCollection<ZoneGeometry, ZoneProperties>

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6

/** Rounds a ring to 6 decimals, drops repeats that rounding creates, keeps it closed; null if it degenerates. */
function roundRing(ring: Position[]): Position[] | null {
  const out: Position[] = []
  for (const [lon, lat] of ring) {
    const position = [round6(lon), round6(lat)]
    const last = out[out.length - 1]
    if (!last || last[0] !== position[0] || last[1] !== position[1]) out.push(position)
  }
  const [first, last] = [out[0], out[out.length - 1]]
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]])
  return out.length >= 4 ? out : null
}

/** 6-decimal coordinates, no degenerate rings, RFC 7946 winding; a single polygon stays a Polygon. */
function tidy(geometry: ZoneGeometry): ZoneGeometry {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map((rings) => rings.map(roundRing))
    .filter((rings) => rings[0] !== null)
    .map((rings) => rings.filter((ring): ring is Position[] => ring !== null))
  if (polygons.length === 0) throw new Error('zone collapsed to nothing after rounding')
  const tidied: ZoneGeometry = polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons }
  return rewind(tidied) as ZoneGeometry
}

function zoneProperties(area: PlanningArea, approximate: boolean): ZoneProperties {
  return {
    id: area.id, name: area.name, nameEn: area.nameEn, approximate, units: [...area.units], under3: 0, population: 0,
    seat: [area.center[0], area.center[1]],
  }
}

/** A further Voronoi site of an area: a real point (another seat, a 村/居 point) known to lie in it. */
export interface ZoneSite { area: AreaId; position: readonly [number, number] }

/**
 * Approximate planning-area zones: the Voronoi cells of the area seats and of any further known sites, dissolved
 * per area and clipped to the boundary (the land), so every site lies in its own area's zone. Cells are computed in
 * a locally equirectangular plane (longitude scaled by cos latitude) so that "nearest" means nearest on the ground.
 * under3 and population are 0: the build script fills them.
 *
 * @example
 * const zones = buildZones(land.features[0], areas, [{ area: 'baoshui', position: [120.4088, 31.9574] }])
 * zones.features.map((zone) => zone.properties.id) // the area ids, in the order of `areas`
 * zones.features[0].properties.approximate // true
 */
export function buildZones(boundary: Feature<ZoneGeometry>, areas: readonly PlanningArea[], extraSites: readonly ZoneSite[] = []): ZoneCollection {
  const [west, south, east, north] = bbox(boundary)
  const scale = Math.cos((((south + north) / 2) * Math.PI) / 180)
  const owners = [...areas.map((area) => area.id), ...extraSites.map((site) => site.area)]
  const sites = [...areas.map((area) => area.center), ...extraSites.map((site) => site.position)]
    .map(([lon, lat]) => [lon * scale, lat] as [number, number])
  const xs = [west * scale, east * scale, ...sites.map((site) => site[0])]
  const ys = [south, north, ...sites.map((site) => site[1])]
  const margin = 0.1
  const voronoi = Delaunay.from(sites).voronoi([
    Math.min(...xs) - margin, Math.min(...ys) - margin, Math.max(...xs) + margin, Math.max(...ys) + margin,
  ])
  const cells = sites.map((_, index) => voronoi.cellPolygon(index))
  const features = areas.map((area): Feature<ZoneGeometry, ZoneProperties> | null => {
    const own = cells.filter((cell, index) => cell && owners[index] === area.id)
      .map((cell) => polygon([cell.map(([x, y]) => [x / scale, y])]))
    // Cells of one area are dissolved before the (costlier) clip to the boundary.
    const merged = own.length === 1 ? own[0] : union(featureCollection(own))
    if (!merged) return null
    const clipped = intersect(featureCollection([merged, { type: 'Feature', properties: {}, geometry: boundary.geometry }]))
    if (!clipped) return null
    return { type: 'Feature', properties: zoneProperties(area, true), geometry: tidy(clipped.geometry) }
  })
  return featureCollection(features.filter((feature) => feature !== null))
}

/**
 * Zones from real town polygons (data/sources/towns.geojson): each feature's `name` (an NBS unit name,
 * an area name or a known short form) picks its area; the polygons of one area are dissolved into one zone.
 * Throws when a feature cannot be matched or an area gets no polygon, rather than drawing a partial map.
 *
 * @example
 * const zones = zonesFromTowns(towns, areas)
 * zones.features.every((zone) => zone.properties.approximate === false) // true
 */
export function zonesFromTowns(towns: FeatureCollection, areas: readonly PlanningArea[]): ZoneCollection {
  const byArea = new Map<AreaId, ZoneGeometry[]>()
  const unmatched: string[] = []
  for (const town of towns.features) {
    const name = String(town.properties?.name ?? '')
    const id = areaOfTown(areas, name)
    const geometry = town.geometry
    if (!id || !geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      unmatched.push(name || '(no name)')
      continue
    }
    byArea.set(id, [...(byArea.get(id) ?? []), geometry])
  }
  if (unmatched.length > 0) throw new Error(`towns.geojson: no planning area for ${unmatched.join(', ')}`)
  const empty = areas.filter((area) => !byArea.has(area.id)).map((area) => area.name)
  if (empty.length > 0) throw new Error(`towns.geojson: no polygon for ${empty.join(', ')}`)
  return featureCollection(areas.map((area): Feature<ZoneGeometry, ZoneProperties> => {
    const parts = byArea.get(area.id) as ZoneGeometry[]
    const merged = dissolvePolygons(parts.flatMap((geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)))
    if (!merged) throw new Error(`towns.geojson: the polygons of ${area.name} are empty`)
    return { type: 'Feature', properties: zoneProperties(area, false), geometry: tidy(merged) }
  }))
}
